import type { ReactNode } from 'react'
import type { AnswerSpecOf } from '../../core/answer-kinds'
import type { AnswerKind } from '../../core/instrument/meta-schema'
import type { ItemContext } from './input-parts'

/** How the form renders one answer kind: a plain function called by the item's one component. */
export interface KindInputs<K extends AnswerKind> {
  /** Whether the inputs are a group (with a legend) rather than one labelled input. */
  group: boolean
  inputs(ctx: ItemContext, spec: AnswerSpecOf<K>, label: string): ReactNode
}
