import type { ReportItem, ReportModel } from '../core/report/report-model'
import { useText } from '../i18n/text'
import { ChangesTable } from './changes-table'

function ItemRow({
  item,
  fixedT,
}: {
  item: ReportItem
  fixedT: (key: string, o?: object) => string
}) {
  return (
    <div className="report-item">
      <dt>
        {item.code ? `${item.code} ` : ''}
        {item.label}
      </dt>
      <dd>
        <strong>{item.answer}</strong>
        {item.description && <span className="report-line">{item.description}</span>}
        {item.details.map((d, i) => (
          <span key={i} className="report-line">
            <span className="report-detail-label">
              {d.kind === 'quantity' ? d.label : fixedT(`report.detail.${d.kind}`)}:
            </span>{' '}
            {d.text}
          </span>
        ))}
        {item.explained?.map((e) => (
          <span key={e.term} className="report-line hint">
            {fixedT('report.termInPlace', { term: e.term, definition: e.definition })}
          </span>
        ))}
      </dd>
    </div>
  )
}

/**
 * A report model on screen, in the report's language: the read-only view of a signed-off
 * assessment and the preview of exactly what a reader's report holds. The PDF renders the same
 * model (src/pdf/report-document.tsx); neither decides what is shown.
 */
export function ReportView({
  model,
  headingLevel = 2,
  showCover = true,
}: {
  model: ReportModel
  /** The level of the view's own heading; parts and domains go one and two below it. */
  headingLevel?: 2 | 3
  showCover?: boolean
}) {
  const { i18n } = useText()
  const fixed = i18n.getFixedT(model.lang)
  const t = (key: string, o?: object) => String(fixed(key as 'report.mark', o as never))
  const H = `h${headingLevel}` as 'h2'
  const H2 = `h${headingLevel + 1}` as 'h3'
  const H3 = `h${headingLevel + 2}` as 'h4'
  const full = model.audience === 'professional'
  return (
    <div className="report-view" lang={model.lang}>
      {showCover && (
        <>
          <H>{t(`report.variant.${model.audience}.title`)}</H>
          <p className="hint">{full ? t('report.confidential') : t('report.noMedical')}</p>
        </>
      )}
      {model.changes && (
        <section className="report-changes">
          <H2>
            {t('report.changes.title', {
              edition: model.changes.since,
              date: model.changes.sinceSignedOn,
            })}
          </H2>
          {model.changes.rows.length === 0 ? (
            <p>{t('report.changes.none')}</p>
          ) : (
            <ChangesTable rows={model.changes.rows} t={t} />
          )}
        </section>
      )}
      {model.parts.map((part, i) => (
        <section key={i} className="report-part">
          <H2>
            {full
              ? `${t(`report.part.${part.role}`)}: ${part.instrument.title} ${part.instrument.version}`
              : t(`report.partFor.${model.audience}`)}
          </H2>
          {part.groups.every((g) => g.sections.every((s) => !s.items.length)) && (
            <p>{t('report.noAnswers')}</p>
          )}
          {part.groups.map((g) =>
            g.sections
              .filter((s) => s.items.length)
              .map((s, k) => (
                <section key={s.id} className="report-section">
                  {part.groups.length > 1 && k === 0 && s.label !== g.label && (
                    <p className="report-domain">{g.label}</p>
                  )}
                  <H3>
                    {s.code ? `${s.code} ` : ''}
                    {s.label}
                  </H3>
                  <dl>
                    {s.items.map((item) => (
                      <ItemRow key={item.id} item={item} fixedT={t} />
                    ))}
                  </dl>
                </section>
              )),
          )}
        </section>
      ))}
    </div>
  )
}
