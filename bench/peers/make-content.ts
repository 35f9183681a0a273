import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Instrument, Item, Option, Vocabulary } from '../../src/core/instrument/meta-schema'
import type { ItemBase, PeerContent, PeerItem, PeerOption, PeerSection } from './content'

type Strings = Record<string, unknown>

/** A Dutch UI text of the app (src/i18n/locales/nl.json) with i18next's interpolation and plurals. */
function translator(root: string) {
  const nl = JSON.parse(readFileSync(join(root, 'src/i18n/locales/nl.json'), 'utf8')) as Strings
  const lookup = (key: string): unknown =>
    key.split('.').reduce<unknown>((o, k) => (o as Strings | undefined)?.[k], nl)
  return (key: string, vars: Record<string, string | number> = {}): string => {
    const plural =
      typeof vars.count === 'number' ? lookup(`${key}_${vars.count === 1 ? 'one' : 'other'}`) : null
    const text = plural ?? lookup(key)
    if (typeof text !== 'string') throw new Error(`nl.json has no text ${key}`)
    return text.replace(/\{\{(\w+)\}\}/g, (_, v: string) => String(vars[v] ?? ''))
  }
}

const options = (list: readonly Option[]): PeerOption[] =>
  list.map((o) => ({
    code: o.code,
    label: o.label.nl,
    ...(o.description ? { description: o.description.nl } : {}),
  }))

/** The content of our form's preview of `instrument` in Dutch (see PeerContent). */
export function peerContent(
  root: string,
  key: string,
  instrument: Instrument,
  vocabulary: Vocabulary,
): PeerContent {
  const t = translator(root)
  const terms = new Map(vocabulary.terms.map((term) => [term.id, term.term.nl]))
  const unit = (u: string) => t(`units.${u}`)
  let n = 0
  let inputs = 6
  const item = (i: Item): PeerItem => {
    const a = i.answer
    const names = (i.terms ?? []).flatMap((id) => terms.get(id) ?? [])
    const base: ItemBase = {
      id: i.id,
      n: n++,
      ...(i.code ? { code: i.code } : {}),
      label: i.label.nl,
      ...(i.required ? { required: t('form.required') } : {}),
      ...(i.icf ? { icf: t('form.icf', { codes: i.icf.join(', ') }) } : {}),
      ...(i.help ? { help: i.help.nl } : {}),
      ...(names.length ? { terms: { label: t('form.terms'), names } } : {}),
      ...(a.kind === 'single' || a.kind === 'capacity' ? { clear: t('form.clear') } : {}),
    }
    switch (a.kind) {
      case 'single':
      case 'multiple':
        inputs += a.options.length
        return { ...base, kind: a.kind, options: options(a.options) }
      case 'capacity':
        inputs += a.levels.length + a.quantities.length + 2
        return {
          ...base,
          kind: 'capacity',
          levelLegend: t('form.capacity.level'),
          levels: options(a.levels).map((o) => ({ code: o.code, label: o.label })),
          quantitiesTitle: t('form.capacity.quantities'),
          quantities: a.quantities.map((q) => ({
            label: q.label.nl,
            unit: unit(q.unit),
            hint: t('form.range', { min: q.min, max: q.max, unit: unit(q.unit) }),
          })),
          texts: [
            { label: t('form.capacity.possible'), rows: 2 },
            { label: t('form.capacity.conditions'), rows: 2 },
          ],
        }
      case 'text':
        inputs += 1
        return { ...base, kind: 'text', rows: a.multiline ? 4 : 1, maxLength: a.maxLength }
      case 'quantity':
        inputs += 1
        return {
          ...base,
          kind: 'quantity',
          unit: unit(a.unit),
          hint: t('form.range', { min: a.min, max: a.max, unit: unit(a.unit) }),
        }
      case 'date':
        inputs += 1
        return { ...base, kind: 'date', hint: t('form.dateFormat') }
    }
  }
  const sections: PeerSection[] = instrument.sections.map((s) => {
    const shown = s.items.filter((i) => !i.visibleWhen)
    const first = s.items.find((i) => i.answer.kind === 'capacity')
    const scale = first?.answer.kind === 'capacity' ? first.answer.levels : undefined
    return {
      id: s.id,
      label: s.label.nl,
      ...(s.description ? { description: s.description.nl } : {}),
      ...(scale?.some((o) => o.description)
        ? {
            scale: {
              summary: t('form.capacity.scale'),
              rows: scale.map((o) => ({ label: o.label.nl, description: o.description?.nl ?? '' })),
            },
          }
        : {}),
      items: shown.map(item),
    }
  })
  return {
    key,
    heading: t('form.previewTitle', { title: instrument.title.nl, version: instrument.version }),
    chrome: {
      skip: t('app.skipToContent'),
      appName: t('app.name'),
      tagline: t('app.tagline'),
      languageLabel: t('language.label'),
      languages: [t('language.nl'), t('language.en')],
      navLabel: t('nav.label'),
      nav: ['instruments', 'builder', 'assessments', 'compare', 'report', 'cohort'].map((k) =>
        t(`nav.${k}`),
      ),
      sectionsNav: t('form.sectionsNav'),
      open: `${t('form.open.title')}: ${t('form.open.count', { count: n })}`,
      norm: instrument.conclusion?.kind === 'cover' ? t('form.norm.action') : null,
      saveStatus: t('form.save.preview'),
      nextOpen: t('form.travel.nextOpen'),
      nextError: t('form.travel.nextError'),
      check: t('form.check'),
      itemKeys: t('form.travel.itemKeys'),
      shortcuts: { nextOpen: 'Alt+Shift+N', nextError: 'Alt+Shift+F' },
    },
    meta: {
      title: t('form.meta.title'),
      roleLegend: t('form.meta.authorRole'),
      roles: [t('roles.bedrijfsarts'), t('roles.verzekeringsarts')],
      role:
        instrument.authorRoles[0] === 'verzekeringsarts'
          ? t('roles.verzekeringsarts')
          : t('roles.bedrijfsarts'),
      authorName: t('form.meta.authorName'),
      employee: t('form.meta.employee'),
      employeeHint: t('form.meta.employeeHint'),
      assessmentDate: t('form.meta.assessmentDate'),
      validUntil: t('form.meta.validUntil'),
      dateFormat: t('form.dateFormat'),
    },
    sections,
    items: n,
    inputs,
  }
}
