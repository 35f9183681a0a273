import { format, resolveConfig } from 'prettier'

/** Formats as the project's Prettier would for `file`, so `npm run format:check` stays clean. */
export async function pretty(text: string, file: string): Promise<string> {
  const options = await resolveConfig(file)
  return format(text, { ...options, filepath: file })
}
