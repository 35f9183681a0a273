import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { checkSize } from '../core/assessment/safe-json'
import type { LoadResult } from '../core/issues/validation-issue'
import { issue } from '../core/issues/validation-issue'

const CHUNK = 64 * 1024

/**
 * The bytes of a file, refused by size before reading when the file system knows its size, and
 * after reading at most one chunk past the limit when it does not (a pipe, a device, a file that grows).
 */
export function readBytes(file: string): LoadResult<Uint8Array> {
  let fd: number | undefined
  try {
    fd = openSync(file, 'r')
    const size = checkSize(fstatSync(fd).size)
    if (!size.ok) return size
    const chunks: Uint8Array[] = []
    let total = 0
    for (;;) {
      const chunk = new Uint8Array(CHUNK)
      const n = readSync(fd, chunk, 0, CHUNK, null)
      if (n === 0) break
      chunks.push(chunk.subarray(0, n))
      total += n
      const grown = checkSize(total)
      if (!grown.ok) return grown
    }
    const bytes = new Uint8Array(total)
    let at = 0
    for (const c of chunks) {
      bytes.set(c, at)
      at += c.length
    }
    return { ok: true, value: bytes }
  } catch {
    return {
      ok: false,
      issues: [issue([], `Bestand ${file} kan niet gelezen worden`, `Cannot read file ${file}`)],
    }
  } finally {
    if (fd !== undefined) closeSync(fd)
  }
}
