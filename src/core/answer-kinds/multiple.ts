import type { AnswerKindModuleOf } from './answer-kind'
import { choiceReport } from './answer-report'
import { optionText } from './option-text'
import { optionListIssues } from './spec-checks'

/** Any number of options of a list (at least one), an exclusive option alone. */
export const multiple = {
  checkSpec: (spec, path) => optionListIssues(spec.options, [...path, 'options']),
  optionList: (spec) => spec.options,
  quantities: () => [],
  text: (answer, spec, lang) =>
    answer.choices
      .map((c) =>
        [optionText(spec?.options, c, lang), answer.specify?.[c]].filter(Boolean).join(': '),
      )
      .join('; '),
  report: (answer, spec, lang) =>
    choiceReport(
      answer.choices,
      spec?.options,
      lang,
      Object.entries(answer.specify ?? {}).map(([code, text]) => ({
        kind: 'specify',
        field: `specify.${code}`,
        label: code,
        text,
      })),
    ),
  freeTexts: (answer) =>
    Object.entries(answer.specify ?? {}).flatMap(([code, text]) =>
      text.trim() ? [{ field: `specify.${code}`, text }] : [],
    ),
  isAnswered: (answer) => answer.choices.length > 0,
  chosenCodes: (answer) => answer.choices,
  choose: (code, specify) => ({
    kind: 'multiple',
    choices: [code],
    ...(specify ? { specify: { [code]: specify } } : {}),
  }),
  mapCodes(answer, to) {
    const choices: string[] = []
    const specify: Record<string, string> = {}
    for (const c of answer.choices) {
      const t = to(c)
      if (t === undefined) continue
      if (!choices.includes(t)) choices.push(t)
      // Two codes mapped into one keep the first "namely" text given.
      const text = answer.specify?.[c]
      if (text !== undefined && specify[t] === undefined) specify[t] = text
    }
    if (!choices.length) return undefined
    return { kind: 'multiple', choices, ...(Object.keys(specify).length ? { specify } : {}) }
  },
} satisfies AnswerKindModuleOf<'multiple'>
