import { openDatabase, type BuilderDraftRecord } from './assessment-store'

/** The builder's open draft and its history, as saved last; undefined when there is none. */
export async function getBuilderDraft(id: string): Promise<BuilderDraftRecord | undefined> {
  const db = await openDatabase()
  return db.get('builderDrafts', id)
}

/** Replaces the saved draft with this id. */
export async function putBuilderDraft(record: BuilderDraftRecord): Promise<void> {
  const db = await openDatabase()
  await db.put('builderDrafts', record)
}

export async function deleteBuilderDraft(id: string): Promise<void> {
  const db = await openDatabase()
  await db.delete('builderDrafts', id)
}

/** Every saved draft, the most recently saved first. */
export async function listBuilderDrafts(): Promise<BuilderDraftRecord[]> {
  const db = await openDatabase()
  return (await db.getAll('builderDrafts')).sort((a, b) => b.savedAt.localeCompare(a.savedAt))
}
