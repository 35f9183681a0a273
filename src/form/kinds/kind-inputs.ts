import type { ReactNode } from 'react'
import type { AnswerSpecOf } from '../../core/answer-kinds'
import type { AnswerKind, Option } from '../../core/instrument/meta-schema'
import type { ItemContext } from './input-parts'

/** How the form renders one answer kind: a plain function called by the item's one component. */
export interface KindInputs<K extends AnswerKind> {
  /** Whether the inputs are a group (with a legend) rather than one labelled input. */
  group: boolean
  /** Whether a button (and a key) clears the answer: a ticked radio cannot be unticked. */
  clearable: boolean
  /** Options the section explains once, above its items, instead of under each input. */
  sharedScale(spec: AnswerSpecOf<K>): readonly Option[] | undefined
  inputs(ctx: ItemContext, spec: AnswerSpecOf<K>, label: string): ReactNode
}
