import { lazy, Suspense, useRef, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { compareSemver, latestVersions } from '../../core/instrument/catalogue-data'
import type { Instrument } from '../../core/instrument/meta-schema'
import type { ValidationIssue } from '../../core/issues/validation-issue'
import { IssueList } from '../../ui/issue-list'

// The diff code loads when a list of changes is opened, not with the first screen.
const VersionChanges = lazy(() =>
  import('./version-changes').then((m) => ({ default: m.VersionChanges })),
)

/** Where the screen learns which versions came from this browser's library. */
export interface KnownOrigin {
  id: string
  version: string
  origin: 'shipped' | 'library'
}

/** "Changes since the previous version", worked out when opened. */
function ChangesSince({ previous, instrument }: { previous: Instrument; instrument: Instrument }) {
  const { t } = useText()
  const [open, setOpen] = useState(false)
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('changes.title', { version: previous.version })}</summary>
      {open && (
        <Suspense fallback={<p role="status">{t('changes.loading')}</p>}>
          <VersionChanges previous={previous} instrument={instrument} />
        </Suspense>
      )}
    </details>
  )
}

/** Adds an instrument file to this browser's library, checked as a shipped file is. */
function ImportInstrument({
  catalogue,
  onAdded,
}: {
  catalogue: Catalogue
  onAdded: () => Promise<void>
}) {
  const { t, l } = useText()
  const input = useRef<HTMLInputElement>(null)
  const [outcome, setOutcome] = useState<
    { ok: true; title: string; version: string } | { ok: false; issues: ValidationIssue[] }
  >()
  const choose = async (file: File | undefined) => {
    if (!file) return
    const m = await import('../../storage/library-import')
    const r = await m
      .importInstrumentFile(file, catalogue)
      .catch((e: unknown): { ok: false; issues: ValidationIssue[] } => ({
        ok: false,
        issues: [{ path: '', message: { nl: String(e), en: String(e) } }],
      }))
    if (input.current) input.current.value = ''
    if (r.ok) {
      setOutcome({ ok: true, title: l(r.instrument.title), version: r.instrument.version })
      await onAdded()
    } else setOutcome(r)
  }
  return (
    <section aria-labelledby="import-instrument" className="card">
      <h2 id="import-instrument">{t('instruments.library.importTitle')}</h2>
      <p>{t('instruments.library.importIntro')}</p>
      {/* As the assessments' import: a button in the app's language, not the browser's. */}
      <input
        id="import-instrument-file"
        ref={input}
        className="visually-hidden"
        type="file"
        accept="application/json,.json"
        onChange={(e) => void choose(e.currentTarget.files?.[0])}
      />
      <label htmlFor="import-instrument-file" className="file-button">
        {t('instruments.library.importLabel')}
      </label>
      <div role="status">{outcome?.ok && t('instruments.library.imported', outcome)}</div>
      {outcome && !outcome.ok && (
        <div role="alert" className="problems">
          <p>{t('instruments.library.refused')}</p>
          <IssueList issues={outcome.issues} />
        </div>
      )}
    </section>
  )
}

function InstrumentCard({
  instrument,
  latest,
  previous,
  fromLibrary,
}: {
  instrument: Instrument
  latest: Instrument
  previous: Instrument | undefined
  fromLibrary: boolean
}) {
  const { t, l } = useText()
  const itemCount = instrument.sections.reduce((n, s) => n + s.items.length, 0)
  const headingId = `instrument-${instrument.id}-${instrument.version}`
  const p = instrument.provenance
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {l(instrument.title)}{' '}
        <span className="version">{t('instruments.version', { version: instrument.version })}</span>
        {fromLibrary && <span className="badge">{t('instruments.library.badge')}</span>}
      </h2>
      {fromLibrary && <p className="hint">{t('instruments.library.note')}</p>}
      {latest !== instrument && (
        <p className="hint">{t('instruments.earlier', { version: latest.version })}</p>
      )}
      {instrument.description && <p>{l(instrument.description)}</p>}
      <dl className="facts">
        <div>
          <dt>{t('instruments.id')}</dt>
          <dd>
            <code>{instrument.id}</code>
          </dd>
        </div>
        <div>
          <dt>{t('instruments.versionLabel')}</dt>
          <dd>{instrument.version}</dd>
        </div>
        <div>
          <dt>{t('instruments.authorRoles')}</dt>
          <dd>{instrument.authorRoles.map((r) => t(`roles.${r}`)).join(', ')}</dd>
        </div>
        {instrument.domains && (
          <div>
            <dt>{t('instruments.domains')}</dt>
            <dd>{instrument.domains.length}</dd>
          </div>
        )}
        <div>
          <dt>{t('instruments.sections')}</dt>
          <dd>{instrument.sections.length}</dd>
        </div>
        <div>
          <dt>{t('instruments.items')}</dt>
          <dd>{itemCount}</dd>
        </div>
      </dl>
      <p>
        <a href={`#/preview/${instrument.id}/${instrument.version}`}>
          {t('instruments.previewOf', { title: l(instrument.title), version: instrument.version })}
        </a>
      </p>
      {latest === instrument && (
        <p>
          <a href={`#/builder/${instrument.id}/${instrument.version}`}>
            {t('instruments.library.newVersionOf', {
              title: l(instrument.title),
              version: instrument.version,
            })}
          </a>
        </p>
      )}
      {previous ? (
        <ChangesSince previous={previous} instrument={instrument} />
      ) : (
        <p className="hint">{t('changes.first')}</p>
      )}
      <section aria-label={t('instruments.provenance')} className="provenance">
        <h3>{t('instruments.provenance')}</h3>
        <p>{l(p.summary)}</p>
        <details>
          <summary>{t('instruments.verified')}</summary>
          <ul>
            {p.verified.map((v, i) => (
              <li key={i}>{l(v)}</li>
            ))}
          </ul>
        </details>
        <details>
          <summary>{t('instruments.reconstructed')}</summary>
          <ul>
            {p.reconstructed.map((v, i) => (
              <li key={i}>{l(v)}</li>
            ))}
          </ul>
        </details>
        <details>
          <summary>{t('instruments.sources')}</summary>
          <ul>
            {p.sources.map((s, i) => (
              <li key={i}>
                {s.url ? (
                  <a href={s.url} rel="noreferrer noopener" target="_blank">
                    {s.title}
                  </a>
                ) : (
                  s.title
                )}
                {s.note && <> — {l(s.note)}</>}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </article>
  )
}

/** The first screen: what instruments and versions this build knows, and where they come from. */
export function InstrumentsScreen({
  catalogue,
  known = [],
  onLibraryChanged,
}: {
  catalogue: Catalogue
  /** Which versions came from the library; without it, all count as shipped. */
  known?: readonly KnownOrigin[]
  /** Reads the library again after an import; without it, no import is offered. */
  onLibraryChanged?: () => Promise<void>
}) {
  const { t } = useText()
  const latest = latestVersions(catalogue.instruments)
  const previousOf = (i: Instrument) =>
    catalogue.instruments
      .filter((x) => x.id === i.id && compareSemver(x.version, i.version) < 0)
      .sort((a, b) => compareSemver(a.version, b.version))
      .at(-1)
  const fromLibrary = (i: Instrument) =>
    known.some((k) => k.id === i.id && k.version === i.version && k.origin === 'library')
  return (
    <>
      <h1>{t('instruments.title')}</h1>
      <p className="lead">{t('instruments.intro')}</p>
      {catalogue.problems.length > 0 && (
        <div role="alert" className="problems">
          <h2>{t('instruments.problemsTitle')}</h2>
          <ul>
            {catalogue.problems.map((p) => (
              <li key={p.path}>
                {t('instruments.problemFile', { path: p.path })}
                <IssueList issues={p.issues} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {catalogue.instruments.length === 0 && <p>{t('instruments.none')}</p>}
      <div className="cards">
        {catalogue.instruments.map((i) => (
          <InstrumentCard
            key={`${i.id}@${i.version}`}
            instrument={i}
            latest={latest.find((x) => x.id === i.id) ?? i}
            previous={previousOf(i)}
            fromLibrary={fromLibrary(i)}
          />
        ))}
      </div>
      {catalogue.vocabularies.map((v) => (
        <p key={v.version} className="vocabulary-line">
          {t('instruments.vocabularyTitle')} {v.version}:{' '}
          {t('instruments.terms', { count: v.terms.length })}
        </p>
      ))}
      {onLibraryChanged && <ImportInstrument catalogue={catalogue} onAdded={onLibraryChanged} />}
    </>
  )
}
