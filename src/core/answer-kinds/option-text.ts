import type { Option } from '../instrument/base-schema'
import type { Lang } from './answer-kind'

/** An option's label; numbered options (FML 0 = Norm) are known by their number, other codes are ids. */
export function optionText(options: readonly Option[] | undefined, code: string, lang: Lang) {
  const o = options?.find((x) => x.code === code)
  return o ? (/^\d+$/.test(code) ? `${code} ${o.label[lang]}` : o.label[lang]) : code
}
