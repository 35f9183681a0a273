import type { Option } from '../instrument/base-schema'
import type { ReportDetail } from '../report/report-model'
import type { AnswerReport, Lang } from './answer-kind'
import { optionText } from './option-text'

/**
 * The report of a choice: each chosen option as `optionText` names it (by number and label where
 * the instrument numbers its options, FML "0 Norm"; else by label alone), their standard texts,
 * limited when one has a rank above 0 (listed in the critical FML).
 */
export function choiceReport(
  codes: readonly string[],
  options: readonly Option[] | undefined,
  lang: Lang,
  details: ReportDetail[],
): AnswerReport {
  const chosen = codes.map((c) => options?.find((o) => o.code === c))
  const description =
    chosen.flatMap((o) => (o?.description ? [o.description[lang]] : [])).join(' ') || undefined
  return {
    answer: codes.map((c) => optionText(options, c, lang)).join('; '),
    ...(description ? { description } : {}),
    details,
    limited: chosen.some((o) => (o?.rank ?? 0) > 0),
  }
}

/** The report of a kind that shows just its text. */
export function textReport(answer: string): AnswerReport {
  return { answer, details: [], limited: false }
}
