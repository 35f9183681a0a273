import canonicalize from 'canonicalize'
import type { Assessment } from '../core/assessment/assessment-schema'

/**
 * The first 16 hex characters of the SHA-256 of the assessment's RFC 8785 canonical JSON:
 * the same on every machine, so a printed report can be matched with its file.
 */
export async function fingerprint(assessment: Assessment): Promise<string> {
  const text = canonicalize(assessment) ?? ''
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text))
  return [...new Uint8Array(digest)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 16)
}
