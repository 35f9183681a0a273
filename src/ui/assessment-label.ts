import type { TFunction } from 'i18next'
import type { Assessment } from '../core/assessment/assessment-schema'
import type { Instrument } from '../core/instrument/meta-schema'
import { formatDate } from '../core/report/format'

/** "W.V., Functionele Mogelijkhedenlijst (FML) 1.0.0, 16-11-2026": an assessment in a choice list. */
export function assessmentLabel(
  a: Assessment,
  instruments: readonly Instrument[],
  t: TFunction,
  lang: 'nl' | 'en',
): string {
  const instrument = instruments.find(
    (i) => i.id === a.instrument.id && i.version === a.instrument.version,
  )
  return t('compare.option', {
    employee: a.meta.employee || t('assessments.list.noEmployee'),
    instrument: instrument ? `${instrument.title[lang]} ${a.instrument.version}` : a.instrument.id,
    date: formatDate(a.meta.assessmentDate, lang),
  })
}
