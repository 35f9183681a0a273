import { choiceOptions } from '../instrument/choice-options'
import type { Item } from '../instrument/meta-schema'
import type { Lang } from './answer-kind'

/** An option's label; numbered options (FML 0 = Norm) are known by their number, other codes are ids. */
export function optionText(item: Item, code: string, lang: Lang) {
  const o = choiceOptions(item)?.find((x) => x.code === code)
  return o ? (/^\d+$/.test(code) ? `${code} ${o.label[lang]}` : o.label[lang]) : code
}
