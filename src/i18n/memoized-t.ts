import type { TFunction } from 'i18next'
import { template, type Language } from './resources'

/**
 * A translator that remembers each text it looked up: an item's labels repeat across a hundred
 * items ("Antwoord wissen", units, ranges), and i18next's lookup and interpolation were a sixth of
 * the form's mount time. Texts with plain `{{name}}` placeholders, plurals by `count` included
 * (`_one`, `_other`: the Intl.PluralRules suffixes i18next uses), are filled in from `raw` directly;
 * anything else (context, nesting, formats) goes to i18next. Made once per language, so a
 * remembered text is never of another language.
 */
export function memoizedT(
  t: TFunction,
  lang: Language,
  raw: (key: string) => unknown = (key) => template(lang, key),
): TFunction {
  const raws = new Map<string, unknown>()
  const lookup = (key: string) => {
    if (!raws.has(key)) raws.set(key, raw(key))
    return raws.get(key)
  }
  const plain = new Map<string, string>()
  let rules: Intl.PluralRules | undefined
  const plural = (count: number) => (rules ??= new Intl.PluralRules(lang)).select(count)
  const translate = (key: string, options?: Record<string, unknown>) => {
    if (options !== undefined)
      return fill(key, options, lookup, plural) ?? (t as Translate)(key, options)
    let text = plain.get(key)
    if (text === undefined) {
      text = fill(key, undefined, lookup, plural) ?? (t as Translate)(key)
      plain.set(key, text)
    }
    return text
  }
  return translate as unknown as TFunction
}

type Translate = (key: string, options?: Record<string, unknown>) => string

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g

/** Options that change how i18next looks a text up, rather than what fills it: left to i18next. */
const I18NEXT_OPTIONS = [
  'context',
  'lng',
  'lngs',
  'ns',
  'defaultValue',
  'returnObjects',
  'ordinal',
  'keyPrefix',
  'interpolation',
  'postProcess',
]

function fill(
  key: string,
  options: Record<string, unknown> | undefined,
  raw: (key: string) => unknown,
  plural: (count: number) => string,
): string | undefined {
  if (options && I18NEXT_OPTIONS.some((o) => o in options)) return undefined
  let text = raw(key)
  if (options && 'count' in options) {
    const count = options.count
    if (typeof count !== 'number') return undefined
    // As i18next: `_zero` first for 0 where the locale has it, then the language's plural form.
    const zero = count === 0 ? raw(`${key}_zero`) : undefined
    text = typeof zero === 'string' ? zero : (raw(`${key}_${plural(count)}`) ?? text)
  }
  if (typeof text !== 'string' || text.includes('$t(')) return undefined
  let complete = true
  const filled = text.replace(PLACEHOLDER, (whole, name: string) => {
    const value = options?.[name]
    if (typeof value === 'string' || typeof value === 'number') return String(value)
    complete = false
    return whole
  })
  return complete ? filled : undefined
}
