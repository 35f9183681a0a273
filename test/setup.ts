import { afterEach } from 'vitest'

// Any console output during a test is a failure: it is either a bug or noise that hides one.
const seen: string[] = []
for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
  console[method] = (...args: unknown[]) => {
    seen.push(`console.${method}: ${args.map(String).join(' ')}`)
  }
}
afterEach(() => {
  if (seen.length) {
    const text = seen.splice(0).join('\n')
    throw new Error(`Unexpected console output:\n${text}`)
  }
})
