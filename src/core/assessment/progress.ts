import { answerKind } from '../answer-kinds'
import type { Instrument, Item } from '../instrument/meta-schema'
import type { AnswerValue, Answers } from './assessment-schema'
import { isVisible } from './visibility'

/** Whether an answer says something: a choice, a number, a non-blank text or date, a capacity level. */
export function isAnswered(answer: AnswerValue | undefined): boolean {
  return answer !== undefined && answerKind(answer.kind).isAnswered(answer)
}

export interface SectionProgress {
  sectionId: string
  answered: number
  total: number
  /** Visible items still open, in instrument order. */
  open: Item[]
}

/** Answered and open items per section, counting only items that are shown. */
export function progress(instrument: Instrument, answers: Answers): SectionProgress[] {
  return instrument.sections.map((section) => {
    const visible = section.items.filter((item) => isVisible(item, answers, instrument))
    const open = visible.filter((item) => !isAnswered(answers[item.id]))
    return {
      sectionId: section.id,
      answered: visible.length - open.length,
      total: visible.length,
      open,
    }
  })
}
