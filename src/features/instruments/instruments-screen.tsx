import { useText } from '../../i18n/text'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { latestVersions } from '../../core/instrument/catalogue-data'
import type { Instrument } from '../../core/instrument/meta-schema'
import { IssueList } from '../../ui/issue-list'

function InstrumentCard({ instrument, latest }: { instrument: Instrument; latest: Instrument }) {
  const { t, l } = useText()
  const itemCount = instrument.sections.reduce((n, s) => n + s.items.length, 0)
  const headingId = `instrument-${instrument.id}-${instrument.version}`
  const p = instrument.provenance
  return (
    <article className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {l(instrument.title)}{' '}
        <span className="version">{t('instruments.version', { version: instrument.version })}</span>
      </h2>
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
export function InstrumentsScreen({ catalogue }: { catalogue: Catalogue }) {
  const { t } = useText()
  const latest = latestVersions(catalogue.instruments)
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
          />
        ))}
      </div>
      {catalogue.vocabularies.map((v) => (
        <p key={v.version} className="vocabulary-line">
          {t('instruments.vocabularyTitle')} {v.version}:{' '}
          {t('instruments.terms', { count: v.terms.length })}
        </p>
      ))}
    </>
  )
}
