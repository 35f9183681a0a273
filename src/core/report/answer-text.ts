import type { AnswerValue } from '../assessment/assessment-schema'
import { choiceOptions } from '../instrument/choice-options'
import type { Item } from '../instrument/meta-schema'
import { formatDate, formatNumber } from './format'

type Lang = 'nl' | 'en'

function optionText(item: Item, code: string, lang: Lang) {
  const o = choiceOptions(item)?.find((x) => x.code === code)
  // Numbered options (FML 0 = Norm) are known by their number; other codes are ids, not wording.
  return o ? (/^\d+$/.test(code) ? `${code} ${o.label[lang]}` : o.label[lang]) : code
}

const num = (n: number, lang: Lang) => formatNumber(n, lang)

/**
 * A short, plain-text reading of an answer in one language, e.g. `2 Beperkt` or
 * `Matige beperking; max-load 7,5 kg`. Units come as ids: the caller's i18n labels them.
 */
export function answerText(
  item: Item,
  answer: AnswerValue | null | undefined,
  lang: Lang,
  unitLabel: (unit: string) => string = (u) => u,
): string {
  if (!answer) return ''
  switch (answer.kind) {
    case 'single':
      return [optionText(item, answer.choice, lang), answer.specify].filter(Boolean).join(': ')
    case 'multiple':
      return answer.choices
        .map((c) => [optionText(item, c, lang), answer.specify?.[c]].filter(Boolean).join(': '))
        .join('; ')
    case 'quantity':
      return `${num(answer.value, lang)} ${unitLabel(item.answer.kind === 'quantity' ? item.answer.unit : '')}`.trim()
    case 'text':
      return answer.text
    case 'date':
      return formatDate(answer.date, lang)
    case 'capacity': {
      const spec = item.answer.kind === 'capacity' ? item.answer : undefined
      const quantities = Object.entries(answer.quantities ?? {}).map(([id, value]) => {
        const q = spec?.quantities.find((x) => x.id === id)
        return `${q ? q.label[lang] : id} ${num(value, lang)} ${unitLabel(q?.unit ?? '')}`.trim()
      })
      const level = answer.level
        ? (choiceOptions(item)?.find((o) => o.code === answer.level)?.label[lang] ?? answer.level)
        : ''
      return [level, ...quantities].filter(Boolean).join('; ')
    }
  }
}
