import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { compareAssessments } from '../../../src/core/compare/compare'
import { migrate } from '../../../src/core/migration/migrate'
import { buildComparisonView } from '../../../src/core/report/comparison-view'
import { createFixedT } from '../../../src/i18n/fixed-t'
import { DERIVED, NOW, VA_ID } from '../../helpers/assessments'
import { readJson, root } from '../../helpers/files'
import { shipped, shippedCatalogue } from '../../helpers/instruments'

const catalogue = shippedCatalogue()
const bar = shipped('bar')
const bar110 = shipped('bar', '1.1.0')
const example = (file: string) => readJson(join(root, 'public/examples', file)) as Assessment

function view(ba: Assessment, va: Assessment, lang: 'nl' | 'en') {
  const side = (a: Assessment) => ({
    assessment: a,
    instrument: a.instrument.version === '1.0.0' ? bar : bar110,
  })
  const r = compareAssessments(side(ba), side(va), catalogue, DERIVED)
  if (!r.ok) throw new Error(r.issues.map((i) => i.message.en).join('\n'))
  const t = createFixedT(lang)
  return {
    comparison: r.value,
    view: buildComparisonView(r.value, {
      lang,
      t: (key, options) => t(key as 'compare.title', options),
      unitLabel: (u) => t(`units.${u}` as 'units.kg'),
    }),
  }
}

describe('buildComparisonView', () => {
  const a = example('bar-example.json')
  const m = migrate(a, '1.1.0', catalogue.instruments, { now: NOW })
  if (!m.ok) throw new Error('no migration')
  const b = { ...m.value.assessment, id: VA_ID }

  it('says above the result which side was brought to which version, with the counts', () => {
    const { comparison, view: nl } = view(a, b, 'nl')
    const count = (o: string) =>
      comparison.migrated?.report.entries.filter((e) => e.outcome === o).length
    expect(nl.migrated).toBe(
      `BA-beoordeling voor de vergelijking bijgewerkt van BAR 1.0.0 naar 1.1.0 (${count('moved')} ${count('moved') === 1 ? 'antwoord' : 'antwoorden'} verplaatst, ${count('transformed')} omgezet, ${count('dropped')} vervallen). De opgeslagen beoordeling blijft zoals ze is.`,
    )
    expect(view(a, b, 'en').view.migrated).toMatch(
      /^BA assessment brought from BAR 1\.0\.0 to 1\.1\.0 for the comparison \(\d+ answers? moved, \d+ transformed, \d+ dropped\)\./,
    )
  })

  it('names the VA side when that one was migrated, and says nothing when none was', () => {
    expect(view({ ...b, id: a.id }, { ...a, id: VA_ID }, 'nl').view.migrated).toMatch(
      /^VA-beoordeling voor de vergelijking bijgewerkt van BAR 1\.0\.0 naar 1\.1\.0/,
    )
    expect(view(a, { ...a, id: VA_ID }, 'nl').view.migrated).toBeUndefined()
  })
})
