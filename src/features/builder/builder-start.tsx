import { useEffect, useState } from 'react'
import { latestVersions } from '../../core/instrument/catalogue-data'
import type { Localized } from '../../core/instrument/meta-schema'
import { formatDateTime } from '../../core/report/format'
import { useText } from '../../i18n/text'
import type { BuilderDraftRecord } from '../../storage/assessment-store'
import { listBuilderDrafts } from '../../storage/builder-drafts'

/** An instrument version the app knows, before its file is loaded (the build-time index). */
export interface KnownTitle {
  id: string
  version: string
  title?: Localized
}

/** The drafts left open and the versions a new one can start from (no instrument file needed). */
function Start({ known }: { known: readonly KnownTitle[] }) {
  const { t, l, lang } = useText()
  const [drafts, setDrafts] = useState<BuilderDraftRecord[]>()
  useEffect(() => {
    let live = true
    listBuilderDrafts().then(
      (list) => live && setDrafts(list),
      () => live && setDrafts([]),
    )
    return () => {
      live = false
    }
  }, [])
  return (
    <>
      <p className="lead">{t('builder.intro')}</p>
      {drafts && drafts.length > 0 && (
        <section aria-labelledby="open-drafts">
          <h2 id="open-drafts">{t('builder.openDrafts')}</h2>
          <ul>
            {drafts.map((d) => {
              const [id, version] = d.id.split('@')
              return (
                <li key={d.id}>
                  <a href={`#/builder/${id}/${version}`}>
                    {t('builder.resume', { id, version, time: formatDateTime(d.savedAt, lang) })}
                  </a>
                </li>
              )
            })}
          </ul>
        </section>
      )}
      <section aria-labelledby="start-from">
        <h2 id="start-from">{t('builder.startFrom')}</h2>
        <ul>
          {latestVersions(known).map((i) => (
            <li key={i.id}>
              <a href={`#/builder/${i.id}/${i.version}`}>
                {t('builder.newVersionOf', {
                  title: i.title ? l(i.title) : i.id,
                  version: i.version,
                })}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

/**
 * The builder's start page: the drafts left open and the versions a new one can start from, all
 * from the build-time index and the drafts store (no instrument file, none of the editor's code).
 */
export function BuilderStartScreen({ known }: { known: readonly KnownTitle[] }) {
  const { t } = useText()
  return (
    <>
      <h1>{t('builder.title')}</h1>
      <Start known={known} />
    </>
  )
}
