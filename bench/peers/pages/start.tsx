import type { ReactNode } from 'react'
import { createRoot } from 'react-dom/client'

/** The size asked for in `?size=`, its data loaded (a chunk of its own, as our form's instrument is), then `render`. */
export function start<T>(
  load: (size: string) => Promise<unknown> | undefined,
  render: (data: T) => ReactNode,
): void {
  const size = new URLSearchParams(location.search).get('size') ?? ''
  const root = createRoot(document.getElementById('root') as HTMLElement)
  const data = load(size) as Promise<T> | undefined
  if (!data) root.render(<p>Unknown size: {size}</p>)
  else void data.then((d) => root.render(render(d)))
}
