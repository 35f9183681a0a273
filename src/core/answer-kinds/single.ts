import type { AnswerKindModuleOf } from './answer-kind'
import { choiceReport } from './answer-report'
import { optionText } from './option-text'
import { optionListIssues } from './spec-checks'

/** One option of a list, with a "namely" text where the option asks for one. */
export const single = {
  checkSpec: (spec, path) => optionListIssues(spec.options, [...path, 'options']),
  optionList: (spec) => spec.options,
  quantities: () => [],
  text: (answer, spec, lang) =>
    [optionText(spec?.options, answer.choice, lang), answer.specify].filter(Boolean).join(': '),
  report: (answer, spec, lang) =>
    choiceReport(
      [answer.choice],
      spec?.options,
      lang,
      answer.specify ? [{ kind: 'specify', field: 'specify', text: answer.specify }] : [],
    ),
  freeTexts: (answer) =>
    answer.specify?.trim() ? [{ field: 'specify', text: answer.specify }] : [],
  isAnswered: () => true,
  chosenCodes: (answer) => [answer.choice],
  choose: (code, specify) => ({ kind: 'single', choice: code, ...(specify ? { specify } : {}) }),
  mapCodes(answer, to) {
    const choice = to(answer.choice)
    return choice === undefined ? undefined : { ...answer, choice }
  },
} satisfies AnswerKindModuleOf<'single'>
