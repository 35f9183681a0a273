import { Document, Page, StyleSheet, Text, View } from '@react-pdf/renderer'
import type { TFunction } from 'i18next'
import { STATUS_SYMBOL } from '../core/compare/status-symbols'
import type { ComparisonRowView, ComparisonView } from '../core/report/comparison-view'
import type {
  ReportInstrument,
  ReportInstrumentPart,
  ReportItem,
  ReportModel,
} from '../core/report/report-model'

const ink = '#1b1f24'
const muted = '#4a5361'
const line = '#c9d1db'
const accent = '#1d4f91'

const STATUS_COLOUR: Record<string, string> = {
  agree: '#14532d',
  'ba-more-restrictive': '#7c2d12',
  'va-more-restrictive': '#1e3a8a',
  differs: '#6b21a8',
  'only-ba': '#374151',
  'only-va': '#374151',
  'not-comparable': '#4b5563',
}

const s = StyleSheet.create({
  page: {
    fontFamily: 'Inter',
    // Contextual alternates and ligatures cost most of the layout time (fontkit) and add nothing here.
    fontFeatureSettings: {
      calt: false,
      liga: false,
      clig: false,
      rlig: false,
      ccmp: false,
      // Kerning on: spacing between letter pairs as the font means it.
      kern: true,
      mark: false,
      mkmk: false,
    },
    fontSize: 9,
    color: ink,
    paddingTop: 36,
    paddingBottom: 52,
    paddingHorizontal: 40,
  },
  h1: { fontSize: 18, fontWeight: 700, color: accent, marginBottom: 8 },
  h2: { fontSize: 14, fontWeight: 700, color: accent, marginBottom: 2, lineHeight: 1.3 },
  h3: {
    fontSize: 11,
    fontWeight: 700,
    marginTop: 10,
    marginBottom: 4,
    paddingBottom: 2,
    borderBottomWidth: 1,
    borderBottomColor: line,
  },
  h4: { fontSize: 9.5, fontWeight: 700, marginTop: 6, marginBottom: 2, color: muted },
  small: { fontSize: 8, color: muted },
  coverRow: {
    flexDirection: 'row',
    borderBottomWidth: 1,
    borderBottomColor: line,
    paddingVertical: 4,
  },
  coverLabel: { width: 150, color: muted },
  coverValue: { flex: 1, fontWeight: 700 },
  item: { paddingVertical: 3, borderBottomWidth: 0.5, borderBottomColor: line },
  itemHead: { flexDirection: 'row' },
  itemLabel: { width: 150, fontWeight: 700, paddingRight: 6 },
  itemAnswer: { flex: 1 },
  detail: { flexDirection: 'row', marginLeft: 150 },
  detailLabel: { width: 130, color: muted, paddingRight: 6 },
  detailText: { flex: 1 },
  box: { borderWidth: 1, borderColor: line, padding: 6, marginVertical: 6 },
  tableHead: {
    flexDirection: 'row',
    backgroundColor: '#e9eef5',
    borderBottomWidth: 1,
    borderBottomColor: ink,
    fontWeight: 700,
  },
  row: { flexDirection: 'row', borderBottomWidth: 0.5, borderBottomColor: line },
  groupRow: {
    backgroundColor: '#f3f6f9',
    fontWeight: 700,
    paddingVertical: 3,
    paddingHorizontal: 3,
  },
  cItem: { width: '22%', padding: 3 },
  cBa: { width: '19%', padding: 3 },
  cVa: { width: '19%', padding: 3 },
  cStatus: { width: '14%', padding: 3 },
  cNote: { width: '26%', padding: 3 },
  footer: {
    position: 'absolute',
    bottom: 20,
    left: 40,
    right: 40,
    flexDirection: 'row',
    justifyContent: 'space-between',
    fontSize: 7,
    color: muted,
    borderTopWidth: 0.5,
    borderTopColor: line,
    paddingTop: 4,
  },
  footerLeft: { flex: 1, paddingRight: 8 },
  conceptMark: {
    position: 'absolute',
    top: 330,
    left: 0,
    right: 0,
    textAlign: 'center',
    fontSize: 96,
    fontWeight: 700,
    color: '#b91c1c',
    opacity: 0.14,
    transform: 'rotate(-35deg)',
  },
  conceptBanner: {
    position: 'absolute',
    top: 14,
    left: 40,
    right: 40,
    textAlign: 'center',
    fontSize: 8,
    fontWeight: 700,
    color: '#b91c1c',
  },
})

/** The status as the footer says it: "CONCEPT", "definitief, versie 1". */
function footerStatus(model: ReportModel, t: TFunction) {
  return t(`report.footerStatus.${model.status.status}`, { edition: model.status.edition })
}

/**
 * What every page carries: the footer (variant, status, version, fingerprint, page) and, on a
 * concept, the mark that it is not signed off.
 */
function Footer({ model, t }: { model: ReportModel; t: TFunction }) {
  const f = model.footer
  const concept = model.status.status === 'concept'
  const left = [
    t(`report.variant.${model.audience}.name`),
    footerStatus(model, t),
    t('report.footer.app', { version: f.appVersion }),
    t('report.footer.instruments', { instruments: f.instruments }),
    f.crosswalk ? t('report.footer.crosswalk', { crosswalk: f.crosswalk }) : '',
    t('report.footer.fingerprint', { hash: f.fingerprint }),
  ]
    .filter(Boolean)
    .join(' · ')
  return (
    <>
      {concept && (
        <Text style={s.conceptMark} fixed>
          {t('report.mark')}
        </Text>
      )}
      {concept && (
        <Text style={s.conceptBanner} fixed>
          {t('report.status.concept')}
        </Text>
      )}
      <View style={s.footer} fixed>
        <Text style={s.footerLeft}>{left}</Text>
        <Text
          render={({ pageNumber, totalPages }) =>
            t('report.footer.page', { page: pageNumber, pages: totalPages })
          }
        />
      </View>
    </>
  )
}

/** The status line of the cover: concept, or signed off by whom and when. */
function statusText(model: ReportModel, t: TFunction): string {
  const st = model.status
  if (st.status === 'concept')
    return st.edition > 1
      ? t('report.status.conceptOfEdition', { edition: st.edition, previous: st.edition - 1 })
      : t('report.status.concept')
  const signed = st.signedOff
  return t(`report.status.${st.status}`, {
    edition: st.edition,
    name: signed?.name ?? '',
    role: signed ? t(`roles.${signed.role}`) : '',
    at: signed?.at ?? '',
  })
}

/** What changed since the previous signed-off edition, as far as this reader may see. */
function ChangesBlock({ model, t }: { model: ReportModel; t: TFunction }) {
  const c = model.changes
  if (!c) return null
  return (
    <View style={{ marginTop: 10 }}>
      <Text style={s.h3} minPresenceAhead={60}>
        {t('report.changes.title', { edition: c.since, date: c.sinceSignedOn })}
      </Text>
      {c.rows.length === 0 && <Text>{t('report.changes.none')}</Text>}
      {c.rows.map((r) => (
        <View key={r.id} style={s.row} wrap={false}>
          <Text style={{ width: 150, padding: 2, fontWeight: 700 }}>{r.label}</Text>
          <Text style={{ flex: 1, padding: 2, color: muted }}>
            {`${t('report.changes.before')}: ${r.before || t('report.changes.empty')}`}
          </Text>
          <Text style={{ flex: 1, padding: 2 }}>
            {`${t('report.changes.after')}: ${r.after || t('report.changes.empty')}`}
          </Text>
        </View>
      ))}
    </View>
  )
}

/** An instrument by title and version, and the version its answers were given in when migrated. */
function instrumentName(i: ReportInstrument, t: TFunction): string {
  const name = `${i.title} ${i.version}`
  return i.capturedIn
    ? t('report.footer.capturedIn', { instrument: name, version: i.capturedIn })
    : name
}

/** Said above a comparison whose one side was brought to the other's version first. */
function MigratedNote({ c }: { c: ComparisonView }) {
  return c.migrated ? <Text style={[s.small, { marginTop: 6 }]}>{c.migrated}</Text> : null
}

function Cover({ model, t }: { model: ReportModel; t: TFunction }) {
  const c = model.cover
  const rows: [string, string][] = [
    [t('report.cover.employee'), c.employee || '–'],
    [
      t('report.cover.author'),
      `${t(`roles.${c.authorRole}`)}${c.authorName ? `, ${c.authorName}` : ''}`,
    ],
    [t('report.cover.assessmentDate'), c.assessmentDate],
    ...(c.validUntil ? [[t('report.cover.validUntil'), c.validUntil] as [string, string]] : []),
    [t('report.cover.instruments'), c.instruments.map((i) => instrumentName(i, t)).join('\n')],
    [t('report.cover.language'), t(`report.cover.languages.${c.language}`)],
    [t('report.status.label'), statusText(model, t)],
  ]
  const full = model.audience === 'professional'
  return (
    <View>
      <Text style={s.h1}>{t(`report.variant.${model.audience}.title`)}</Text>
      <Text style={[s.small, { marginBottom: full ? 14 : 6 }]}>
        {full ? t('report.confidential') : t('report.noMedical')}
      </Text>
      {!full && (
        <Text style={{ marginBottom: 12 }}>
          {t(model.audience === 'employee' ? 'report.employeeIntro' : 'report.employerIntro')}
        </Text>
      )}
      {rows.map(([label, value]) => (
        <View key={label} style={s.coverRow} wrap={false}>
          <Text style={s.coverLabel}>{label}</Text>
          <Text style={s.coverValue}>{value}</Text>
        </View>
      ))}
      {model.comparison && (
        <>
          <MigratedNote c={model.comparison} />
          <ConclusionBlock c={model.comparison} t={t} />
          <SummaryBlock c={model.comparison} t={t} />
        </>
      )}
      <ChangesBlock model={model} t={t} />
    </View>
  )
}

/** The overall conclusion of both sides, then the summary: the headline before any item. */
function ConclusionBlock({ c, t }: { c: ComparisonView; t: TFunction }) {
  const differ =
    c.conclusion.status === 'ba-more-restrictive' || c.conclusion.status === 'va-more-restrictive'
  const side = (title: string, v: ComparisonView['conclusion']['ba']) => (
    <Text>
      <Text style={{ fontWeight: 700 }}>{`${title}: ${v?.text ?? '–'}`}</Text>
      {v?.details.map((d, i) => (
        <Text key={i} style={{ color: muted }}>{`\n${d.label}: ${d.text}`}</Text>
      ))}
    </Text>
  )
  return (
    <View
      style={[s.box, differ ? { borderColor: STATUS_COLOUR[c.conclusion.status] } : {}]}
      wrap={false}
    >
      <Text style={{ fontWeight: 700, marginBottom: 2 }}>{t('compare.conclusion.title')}</Text>
      <Text
        style={{
          fontWeight: 700,
          marginBottom: 4,
          ...(differ ? { color: STATUS_COLOUR[c.conclusion.status] } : {}),
        }}
      >
        {c.conclusion.headline}
      </Text>
      {side(t('compare.conclusion.ba'), c.conclusion.ba)}
      {side(t('compare.conclusion.va'), c.conclusion.va)}
      {Object.entries(c.completeness).map(([k, text]) => (
        <Text key={k} style={s.small}>
          {`${t(k === 'ba' ? 'compare.table.ba' : 'compare.table.va')}: ${text}`}
        </Text>
      ))}
      {c.warnings.map((w) => (
        <Text key={w} style={{ color: STATUS_COLOUR['ba-more-restrictive'], marginTop: 2 }}>
          {w}
        </Text>
      ))}
    </View>
  )
}

function SummaryBlock({ c, t }: { c: ComparisonView; t: TFunction }) {
  const sum = c.summary
  const counts = Object.entries(sum.counts)
    .filter(([, n]) => n > 0)
    .map(([status, n]) => `${t(`compare.status.${status}` as 'compare.status.agree')} ${n}`)
    .join(', ')
  return (
    <View style={{ marginBottom: 6 }}>
      <Text>{`${sum.lines.join('; ')}.`}</Text>
      <Text>{`${t('compare.summary.agreement')}: ${sum.withheld ?? sum.agreement}. ${counts}.`}</Text>
      {!sum.withheld && (
        <Text style={s.small}>
          {`${t('compare.summary.kappaTitle')}: `}
          {sum.kappa.length
            ? sum.kappa
                .map(
                  (k) =>
                    `${k.label}: ${t('compare.summary.kappaLinear')} ${k.linear}; ${t('compare.summary.kappaQuadratic')} ${k.quadratic}`,
                )
                .join(' · ')
            : t('compare.summary.kappaNone')}
        </Text>
      )}
    </View>
  )
}

/** Keep a block on one page unless its text could not fit on one (then it wraps, never clips). */
const KEEP_TOGETHER_CHARS = 1200

function ItemBlock({ item, t }: { item: ReportItem; t: TFunction }) {
  const size =
    item.label.length +
    item.answer.length +
    (item.description?.length ?? 0) +
    item.details.reduce((n, d) => n + d.text.length, 0)
  // Few layout nodes per item: yoga layout, repeated for every page break, is most of the cost.
  return (
    <View style={[s.item, s.itemHead]} wrap={size > KEEP_TOGETHER_CHARS}>
      <Text style={s.itemLabel}>{`${item.code ? `${item.code} ` : ''}${item.label}`}</Text>
      <Text style={s.itemAnswer}>
        <Text style={{ fontWeight: 700 }}>{item.answer}</Text>
        {item.description ? `\n${item.description}` : ''}
        {item.details.map((d, i) => (
          <Text key={i}>
            {'\n'}
            <Text style={{ color: muted }}>
              {d.kind === 'quantity' ? d.label : t(`report.detail.${d.kind}`)}:{' '}
            </Text>
            {d.text}
          </Text>
        ))}
        {item.explained?.map((e, i) => (
          <Text key={`term-${i}`} style={{ color: muted, fontSize: 8 }}>
            {'\n'}
            {t('report.termInPlace', { term: e.term, definition: e.definition })}
          </Text>
        ))}
      </Text>
    </View>
  )
}

function PartPage({
  model,
  part,
  t,
  lead,
  trail,
}: {
  model: ReportModel
  part: ReportInstrumentPart
  t: TFunction
  /** Flowed before the part on its first page (the cover of a short report). */
  lead?: React.ReactNode
  /** Flowed after it (the glossary of a short report). */
  trail?: React.ReactNode
}) {
  const answered = part.groups.some((g) => g.sections.some((sec) => sec.items.length))
  return (
    <Page size="A4" style={s.page} wrap>
      <Footer model={model} t={t} />
      {lead}
      <Text style={[s.h2, lead ? { marginTop: 16 } : {}]} minPresenceAhead={80}>
        {model.audience === 'professional'
          ? `${t(`report.part.${part.role}`)}: ${instrumentName(part.instrument, t)}`
          : t(`report.partFor.${model.audience}`)}
      </Text>
      <Text style={s.small}>
        {t('report.byAuthor', {
          role: t(`roles.${part.author.role}`),
          name: part.author.name,
          date: part.author.date,
        })}
      </Text>
      {part.role === 'fml-derived' && model.footer.crosswalk && (
        <Text style={[s.small, { marginTop: 4 }]}>
          {t('report.derivedNote', { crosswalk: model.footer.crosswalk })}
        </Text>
      )}
      {!answered && <Text style={{ marginTop: 8 }}>{t('report.noAnswers')}</Text>}
      {part.groups.map((g) => {
        const sections = g.sections.filter((sec) => sec.items.length)
        if (!sections.length) return null
        const grouped = part.groups.length > 1
        return (
          <View key={g.id}>
            {sections.map((sec, k) => {
              const [first, ...rest] = sec.items as [ReportItem, ...ReportItem[]]
              return (
                <View key={sec.id}>
                  {/* Headings never stand alone at the foot of a page: they go with the first row. */}
                  <View wrap={false}>
                    {grouped && k === 0 && <Text style={s.h3}>{g.label}</Text>}
                    {/* No second heading where the section has the name of its domain. */}
                    {!(grouped && sec.label === g.label) && (
                      <Text style={grouped ? s.h4 : s.h3}>
                        {sec.code !== undefined ? `${sec.code} ` : ''}
                        {sec.label}
                      </Text>
                    )}
                    <ItemBlock item={first} t={t} />
                  </View>
                  {rest.map((item) => (
                    <ItemBlock key={item.id} item={item} t={t} />
                  ))}
                </View>
              )
            })}
          </View>
        )
      })}
      {part.role.startsWith('fml') && (
        <View>
          <Text style={s.h3} minPresenceAhead={60}>
            {t('report.critical.title')}
          </Text>
          {part.critical.length === 0 && <Text>{t('report.critical.none')}</Text>}
          {part.critical.map((item) => (
            <View key={item.id} style={s.row} wrap={false}>
              <Text style={{ width: 40, padding: 2 }}>{item.code ?? ''}</Text>
              <Text style={{ width: 160, padding: 2 }}>{item.label}</Text>
              <Text style={{ flex: 1, padding: 2 }}>{item.answer}</Text>
            </View>
          ))}
        </View>
      )}
      {part.notDerivable.length > 0 && (
        <View>
          <Text style={s.h3} minPresenceAhead={60}>
            {t('report.notDerivable')}
          </Text>
          {model.comparison ? (
            // The comparison table gives each reason; here the items suffice.
            <Text>{part.notDerivable.map((n) => `${n.id} ${n.label}`).join(' · ')}</Text>
          ) : (
            part.notDerivable.map((n) => (
              <View key={n.id} style={s.row} wrap={false}>
                <Text style={{ width: 200, padding: 2 }}>{`${n.id} ${n.label}`}</Text>
                <Text style={{ flex: 1, padding: 2, color: muted }}>{n.reason}</Text>
              </View>
            ))
          )}
        </View>
      )}
      {trail}
    </Page>
  )
}

function ComparisonRow({ r, t }: { r: ComparisonRowView; t: TFunction }) {
  const size =
    r.ba.text.length + r.va.text.length + (r.note?.length ?? 0) + (r.motivation?.length ?? 0)
  const cellStyle = (empty: boolean) => (empty ? { color: muted } : {})
  const note = r.note && r.status !== 'agree' ? r.note : undefined
  return (
    <View style={s.row} wrap={size > KEEP_TOGETHER_CHARS}>
      <Text style={s.cItem}>{`${r.code ? `${r.code} ` : ''}${r.label}`}</Text>
      <Text style={[s.cBa, cellStyle(r.ba.empty)]}>{r.ba.text}</Text>
      <Text style={[s.cVa, cellStyle(r.va.empty)]}>{r.va.text}</Text>
      <Text style={[s.cStatus, { color: STATUS_COLOUR[r.status], fontWeight: 700 }]}>
        {`${STATUS_SYMBOL[r.status]} ${r.statusText}`}
      </Text>
      <Text style={s.cNote}>
        {note ? <Text style={{ color: muted }}>{note}</Text> : ''}
        {note && r.motivation ? '\n' : ''}
        {r.motivation ? t('report.comparison.motivation', { text: r.motivation }) : ''}
      </Text>
    </View>
  )
}

function ComparisonPage({ model, t }: { model: ReportModel; t: TFunction }) {
  const c = model.comparison
  if (!c) return null
  return (
    <Page size="A4" style={s.page} wrap>
      <Footer model={model} t={t} />
      <Text style={s.h2}>{t('report.comparison.title')}</Text>
      <MigratedNote c={c} />
      <ConclusionBlock c={c} t={t} />
      <SummaryBlock c={c} t={t} />
      <View style={s.tableHead} fixed>
        <Text style={s.cItem}>{t('report.comparison.item')}</Text>
        <Text style={s.cBa}>{t('report.comparison.ba')}</Text>
        <Text style={s.cVa}>{t('report.comparison.va')}</Text>
        <Text style={s.cStatus}>{t('report.comparison.status')}</Text>
        <Text style={s.cNote}>{t('report.comparison.note')}</Text>
      </View>
      {c.sections.map((sec) => {
        const rows = c.rows.filter((r) => r.section === sec.id)
        if (!rows.length) return null
        const [first, ...rest] = rows as [ComparisonRowView, ...ComparisonRowView[]]
        return (
          <View key={sec.id}>
            {/* The rubriek heading never stands alone at the foot of a page. */}
            <View wrap={false}>
              <Text style={s.groupRow}>{sec.label}</Text>
              <ComparisonRow r={first} t={t} />
            </View>
            {rest.map((r) => (
              <ComparisonRow key={r.id} r={r} t={t} />
            ))}
          </View>
        )
      })}
    </Page>
  )
}

function Glossary({ model, t }: { model: ReportModel; t: TFunction }) {
  return (
    <>
      <Text style={s.h2} minPresenceAhead={60}>
        {t('report.glossary.title')}
      </Text>
      {model.glossary.length === 0 && <Text>{t('report.glossary.none')}</Text>}
      {model.glossary.map((g) => (
        <View key={g.id} style={s.item} wrap={false}>
          <Text style={{ fontWeight: 700 }}>
            {g.term}
            {g.icf ? ` (${t('report.glossary.icf', { codes: g.icf.join(', ') })})` : ''}
          </Text>
          <Text>{g.definition}</Text>
        </View>
      ))}
    </>
  )
}

function GlossaryPage({ model, t }: { model: ReportModel; t: TFunction }) {
  return (
    <Page size="A4" style={s.page} wrap>
      <Footer model={model} t={t} />
      <Glossary model={model} t={t} />
    </Page>
  )
}

/** The whole report: cover, each assessment, the comparison, the glossary. Data and wording come in. */
export function ReportDocument({ model, t }: { model: ReportModel; t: TFunction }) {
  return (
    <Document
      title={t(`report.variant.${model.audience}.title`)}
      subject={t(`report.variant.${model.audience}.name`)}
      language={model.lang}
      author={model.cover.authorName}
      creator="BAR-instrumentstudio"
    >
      {/*
       * The cover flows into the first part: no page with a few rows and then blank space. Each
       * further part (the derived FML, the other party's) starts a page of its own.
       */}
      {model.parts.map((part, i) => (
        <PartPage
          key={i}
          model={model}
          part={part}
          t={t}
          {...(i === 0 ? { lead: <Cover model={model} t={t} /> } : {})}
          {...(model.audience === 'employer' && i === model.parts.length - 1
            ? {
                trail: (
                  <View style={{ marginTop: 16 }}>
                    <Glossary model={model} t={t} />
                  </View>
                ),
              }
            : {})}
        />
      ))}
      {model.audience === 'professional' && <ComparisonPage model={model} t={t} />}
      {/* The employee's report explains each term where it first appears, without a glossary. */}
      {model.audience === 'professional' && <GlossaryPage model={model} t={t} />}
    </Document>
  )
}
