import type { PeerContent, PeerItem, PeerOption, PeerSection } from './content'

/*
 * The peers' forms, made from the same content as the content-equal floor (./content.ts): every
 * label, description, help text, term name and option text of our form, with the same inputs per
 * item. What a tool has no place for goes into the nearest text it has: an option's description
 * after its label, the term names after the help. Neither tool marks "required" here (our form
 * does not check at mount either): "(verplicht)" is part of the title, as our form shows it.
 */

type Json = Record<string, unknown>

/** The item title as our form shows it: code, label, "(verplicht)", ICF codes. */
export function itemTitle(item: PeerItem): string {
  return [item.code, item.label, item.required && `(${item.required})`, item.icf]
    .filter(Boolean)
    .join(' ')
}

const optionText = (o: PeerOption) => (o.description ? `${o.label} – ${o.description}` : o.label)
const termsText = (item: PeerItem) =>
  item.terms ? `${item.terms.label} ${item.terms.names.join(', ')}` : undefined
const sectionText = (s: PeerSection) =>
  [s.description, s.scale?.summary].filter(Boolean).join(' ') || undefined

/** The name of item n's inputs on every page: `i<n>`. */
export const itemName = (n: number) => `i${n}`

// rjsf: one JSON Schema (an object per section) and its uiSchema.

const oneOf = (options: PeerOption[]) =>
  options.map((o) => ({ const: o.code, title: optionText(o) }))

function rjsfItem(item: PeerItem): { schema: Json; ui: Json } {
  const title = itemTitle(item)
  const help = termsText(item)
  const ui: Json = {
    'ui:classNames': `bench-item bench-item-${item.n}`,
    ...(help ? { 'ui:help': help } : {}),
  }
  const description = item.help ? { description: item.help } : {}
  switch (item.kind) {
    case 'single':
      return {
        schema: { type: 'string', title, ...description, oneOf: oneOf(item.options) },
        ui: { ...ui, 'ui:widget': 'radio' },
      }
    case 'multiple':
      return {
        schema: {
          type: 'array',
          title,
          ...description,
          uniqueItems: true,
          items: { type: 'string', oneOf: oneOf(item.options) },
        },
        ui: { ...ui, 'ui:widget': 'checkboxes' },
      }
    case 'capacity': {
      const quantities = Object.fromEntries(
        item.quantities.map((q, k) => [
          `q${k}`,
          { type: 'number', title: q.label, description: q.hint },
        ]),
      )
      return {
        schema: {
          type: 'object',
          title,
          ...description,
          properties: {
            level: { type: 'string', title: item.levelLegend, oneOf: oneOf(item.levels) },
            ...(item.quantities.length
              ? {
                  quantities: {
                    type: 'object',
                    title: item.quantitiesTitle,
                    properties: quantities,
                  },
                }
              : {}),
            possible: { type: 'string', title: item.texts[0]?.label },
            conditions: { type: 'string', title: item.texts[1]?.label },
          },
        },
        ui: {
          ...ui,
          level: { 'ui:widget': 'radio', 'ui:options': { inline: true } },
          possible: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
          conditions: { 'ui:widget': 'textarea', 'ui:options': { rows: 2 } },
        },
      }
    }
    case 'text':
      return {
        schema: { type: 'string', title, ...description, maxLength: item.maxLength },
        ui: { ...ui, 'ui:widget': 'textarea', 'ui:options': { rows: item.rows } },
      }
    case 'quantity':
      return {
        schema: { type: 'number', title, ...description },
        ui: { ...ui, 'ui:help': [item.hint, help].filter(Boolean).join(' ') },
      }
    case 'date':
      return {
        schema: { type: 'string', title, ...description },
        ui: { ...ui, 'ui:help': [item.hint, help].filter(Boolean).join(' ') },
      }
  }
}

/** The rjsf form of `content`: `{ schema, uiSchema, formData }`. */
export function rjsfForm(content: PeerContent): Json {
  const m = content.meta
  const properties: Json = {
    meta: {
      type: 'object',
      title: m.title,
      properties: {
        role: {
          type: 'string',
          title: m.roleLegend,
          oneOf: m.roles.map((r) => ({ const: r, title: r })),
        },
        authorName: { type: 'string', title: m.authorName, maxLength: 200 },
        employee: {
          type: 'string',
          title: m.employee,
          description: m.employeeHint,
          maxLength: 100,
        },
        assessmentDate: { type: 'string', title: m.assessmentDate },
        validUntil: { type: 'string', title: m.validUntil },
      },
    },
  }
  const uiSchema: Json = {
    'ui:submitButtonOptions': { norender: true },
    meta: {
      role: { 'ui:widget': 'radio', 'ui:options': { inline: true } },
      assessmentDate: { 'ui:help': m.dateFormat },
      validUntil: { 'ui:help': m.dateFormat },
    },
  }
  content.sections.forEach((s, k) => {
    const items = s.items.map((i) => [itemName(i.n), rjsfItem(i)] as const)
    properties[`s${k}`] = {
      type: 'object',
      title: s.label,
      ...(sectionText(s) ? { description: sectionText(s) } : {}),
      properties: Object.fromEntries(items.map(([name, x]) => [name, x.schema])),
    }
    uiSchema[`s${k}`] = Object.fromEntries(items.map(([name, x]) => [name, x.ui]))
  })
  return {
    schema: { type: 'object', properties },
    uiSchema,
    formData: { meta: { role: m.role } },
  }
}

// SurveyJS: one page, a panel per section, a question (a panel for a capacity item) per item.

const choices = (options: PeerOption[]) =>
  options.map((o) => ({ value: o.code, text: optionText(o) }))

/**
 * An item's question (or panel) is named `q<n>`, and the questions of a capacity item's panel
 * `level_<n>`, `quantity_<n>_<k>`, `text_<n>_<k>`: SurveyJS marks each element's wrapper with
 * `data-key="<name><index in its row>"`, so `[data-key^="q"]` finds the items and `q<n>0` one.
 */
function surveyItem(item: PeerItem): Json {
  const name = `q${item.n}`
  const title = itemTitle(item)
  const description = [item.help, termsText(item)].filter(Boolean).join(' ') || undefined
  const base = { name, title, ...(description ? { description } : {}) }
  switch (item.kind) {
    case 'single':
      return { type: 'radiogroup', ...base, choices: choices(item.options), showClearButton: true }
    case 'multiple':
      return { type: 'checkbox', ...base, choices: choices(item.options) }
    case 'capacity':
      return {
        type: 'panel',
        ...base,
        elements: [
          {
            type: 'radiogroup',
            name: `level_${item.n}`,
            title: item.levelLegend,
            choices: choices(item.levels),
            colCount: 0,
            showClearButton: true,
          },
          ...item.quantities.map((q, k) => ({
            type: 'text',
            inputType: 'number',
            name: `quantity_${item.n}_${k}`,
            title: q.label,
            description: q.hint,
          })),
          ...item.texts.map((x, k) => ({
            type: 'comment',
            name: `text_${item.n}_${k}`,
            title: x.label,
            rows: x.rows,
          })),
        ],
      }
    case 'text':
      return { type: 'comment', ...base, rows: item.rows, maxLength: item.maxLength }
    case 'quantity':
      return {
        type: 'text',
        inputType: 'number',
        ...base,
        description: [item.hint, description].filter(Boolean).join(' '),
      }
    case 'date':
      return {
        type: 'text',
        ...base,
        description: [item.hint, description].filter(Boolean).join(' '),
      }
  }
}

/** The SurveyJS survey of `content`, in Dutch. */
export function surveyJson(content: PeerContent): Json {
  const m = content.meta
  return {
    locale: 'nl',
    showQuestionNumbers: 'off',
    pages: [
      {
        name: 'form',
        elements: [
          {
            type: 'panel',
            name: 'meta',
            title: m.title,
            elements: [
              {
                type: 'radiogroup',
                name: 'meta_role',
                title: m.roleLegend,
                choices: m.roles,
                colCount: 0,
                defaultValue: m.role,
              },
              { type: 'text', name: 'meta_authorName', title: m.authorName, maxLength: 200 },
              {
                type: 'text',
                name: 'meta_employee',
                title: m.employee,
                description: m.employeeHint,
                maxLength: 100,
              },
              {
                type: 'text',
                name: 'meta_assessmentDate',
                title: m.assessmentDate,
                description: m.dateFormat,
              },
              {
                type: 'text',
                name: 'meta_validUntil',
                title: m.validUntil,
                description: m.dateFormat,
              },
            ],
          },
          ...content.sections.map((s, k) => ({
            type: 'panel',
            name: `s${k}`,
            title: s.label,
            ...(sectionText(s) ? { description: sectionText(s) } : {}),
            elements: s.items.map(surveyItem),
          })),
        ],
      },
    ],
  }
}
