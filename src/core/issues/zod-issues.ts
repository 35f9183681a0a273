import { z } from 'zod'
import type { PathSegment, ValidationIssue } from './validation-issue'
import { issue } from './validation-issue'

const nlLocale = z.locales.nl()
const enLocale = z.locales.en()

const languageName = { nl: { nl: 'Nederlands', en: 'Dutch' }, en: { nl: 'Engels', en: 'English' } }

type ZodIssue = z.core.$ZodIssue

function segments(raw: ZodIssue): PathSegment[] {
  return raw.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
}

function isMissing(raw: ZodIssue): boolean {
  return raw.code === 'invalid_type' && (raw as { input?: unknown }).input === undefined
}

/** Our own wording for the cases an instrument author meets most; zod's locales for the rest. */
function describe(raw: ZodIssue): { nl: string; en: string } {
  const last = raw.path[raw.path.length - 1]
  if ((last === 'nl' || last === 'en') && (isMissing(raw) || raw.message === 'blank')) {
    const lang = languageName[last]
    return {
      nl: `Tekst ontbreekt in het ${lang.nl}`,
      en: `Text missing in ${lang.en}`,
    }
  }
  if (raw.code === 'custom') {
    const params = raw.params as { nl?: unknown; en?: unknown } | undefined
    if (typeof params?.nl === 'string' && typeof params.en === 'string')
      return { nl: params.nl, en: params.en }
  }
  if (raw.code === 'invalid_type' && Number.isNaN((raw as { input?: unknown }).input))
    return { nl: 'Vul een getal in', en: 'Enter a number' }
  if (isMissing(raw)) return { nl: 'Verplicht veld ontbreekt', en: 'Required field is missing' }
  if (raw.code === 'unrecognized_keys') {
    const keys = raw.keys.join(', ')
    if (last === 'answers')
      return raw.keys.length === 1
        ? { nl: `Onbekend item: ${keys}`, en: `Unknown item: ${keys}` }
        : { nl: `Onbekende items: ${keys}`, en: `Unknown items: ${keys}` }
    return raw.keys.length === 1
      ? { nl: `Onbekend veld: ${keys}`, en: `Unknown field: ${keys}` }
      : { nl: `Onbekende velden: ${keys}`, en: `Unknown fields: ${keys}` }
  }
  if (raw.message === 'blank') return { nl: 'Tekst is leeg', en: 'Text is empty' }
  if (raw.code === 'invalid_format' && raw.format === 'regex') {
    const input = JSON.stringify((raw as { input?: unknown }).input)
    if (raw.message === 'semver')
      return {
        nl: `${input} is geen geldig versienummer (semver, bijvoorbeeld 1.0.0)`,
        en: `${input} is not a valid version number (semver, e.g. 1.0.0)`,
      }
    if (raw.message === 'icf')
      return {
        nl: `${input} is geen ICF-code (b, s, d of e gevolgd door cijfers, bijvoorbeeld d4300)`,
        en: `${input} is not an ICF code (b, s, d or e followed by digits, e.g. d4300)`,
      }
    if (raw.message === 'step-name')
      return {
        nl: `${input} is geen stapnaam (kleine letters, cijfers en streepjes, bijvoorbeeld split-hand-vinger)`,
        en: `${input} is not a step name (lower-case letters, digits and hyphens, e.g. split-hand-vinger)`,
      }
    return {
      nl: `${input} heeft niet de vereiste vorm`,
      en: `${input} does not have the required form`,
    }
  }
  if (raw.code === 'invalid_union' && 'note' in raw && raw.note === 'No matching discriminator') {
    const input = (raw as { input?: unknown }).input
    const kind = JSON.stringify((input as { kind?: unknown } | null)?.kind)
    return {
      nl: `Onbekende soort antwoord: ${kind}`,
      en: `Unknown answer kind: ${kind}`,
    }
  }
  return { nl: localeMessage(nlLocale, raw), en: localeMessage(enLocale, raw) }
}

function localeMessage(locale: { localeError: z.core.$ZodErrorMap }, raw: ZodIssue): string {
  const out = locale.localeError(raw as Parameters<z.core.$ZodErrorMap>[0])
  if (typeof out === 'string') return out
  return out?.message ?? raw.message
}

/** Every issue of a failed zod parse, as located, bilingual issues. Parse with `reportInput: true`. */
export function fromZodError(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((raw) => {
    const m = describe(raw)
    return issue(segments(raw), m.nl, m.en)
  })
}
