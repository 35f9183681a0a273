/// <reference lib="webworker" />
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { cohortItemsByGroup, groupAgreement, type CohortGroup } from '../../core/stats/cohort'
import { itemTable } from '../../core/stats/cohort-item-stats'
import {
  bootstrapPooledAgreement,
  type BootstrapPooledAgreement,
} from '../../core/stats/bootstrap-pooled-agreement'
import { comparePairs, type PairText, type SkippedPair } from '../../core/stats/cohort-from-texts'

/**
 * The chosen files themselves (a File is passed by reference; reading its text here keeps a large
 * cohort off the main thread) and the catalogue to load and compare them with.
 */
export interface CohortRequest {
  /** Echoed in the reply: the screen shows the reply to its latest request only. */
  id: number
  files: File[]
  catalogue: Catalogue
}

/** A group with what the screen needs besides its figures: tables per item and the bootstrap. */
export interface CohortScreenGroup extends CohortGroup {
  tables: Record<string, number[][]>
  bootstrap: BootstrapPooledAgreement[]
}

export type CohortResponse =
  | { ok: true; read: number; skipped: SkippedPair[]; groups: CohortScreenGroup[] }
  | { ok: false; message: string }

export interface CohortReply {
  id: number
  response: CohortResponse
}

/** The cohort of the texts: pairs loaded and compared, agreement per item, a seeded bootstrap. */
export function computeCohort(texts: readonly PairText[], catalogue: Catalogue): CohortResponse {
  const { pairs, skipped } = comparePairs(texts, catalogue)
  const groups = cohortItemsByGroup(pairs).map((g) => ({
    ...groupAgreement(g),
    tables: Object.fromEntries(g.items.map((item) => [item.item, itemTable(item).table])),
    bootstrap: bootstrapPooledAgreement(g.items, { resamples: 2000, seed: 1 }),
  }))
  return { ok: true, read: pairs.length + skipped.length, skipped, groups }
}

self.onmessage = async ({ data }: MessageEvent<CohortRequest>) => {
  let response: CohortResponse
  try {
    const texts = await Promise.all(
      data.files.map(async (f) => ({ source: f.name, text: await f.text() })),
    )
    response = computeCohort(texts, data.catalogue)
  } catch (err) {
    response = { ok: false, message: (err as Error).message }
  }
  const reply: CohortReply = { id: data.id, response }
  self.postMessage(reply)
}
