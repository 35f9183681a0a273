import '../../zod-setup'
import { z } from 'zod'
import type { Option, QuantitySpec } from '../../instrument/base-schema'

type Ctx = z.core.$RefinementCtx

/** A refinement issue that carries its own Dutch and English wording (see zod-issues.ts). */
export function fail(ctx: Ctx, path: (string | number)[], nl: string, en: string) {
  ctx.addIssue({ code: 'custom', path, message: en, params: { nl, en } })
}

function fmt(n: number) {
  return String(Number(n.toFixed(4)))
}

/** Range and step of a quantity, e.g. 0-50 kg in steps of 0.5. */
export function checkQuantity(
  value: number,
  spec: QuantitySpec,
  ctx: Ctx,
  path: (string | number)[],
) {
  if (!Number.isFinite(value)) {
    fail(ctx, path, 'Geen getal', 'Not a number')
    return
  }
  if (value < spec.min || value > spec.max) {
    fail(
      ctx,
      path,
      `Moet tussen ${fmt(spec.min)} en ${fmt(spec.max)} liggen`,
      `Must be between ${fmt(spec.min)} and ${fmt(spec.max)}`,
    )
    return
  }
  if (spec.step !== undefined) {
    const steps = (value - spec.min) / spec.step
    if (Math.abs(steps - Math.round(steps)) > 1e-9)
      fail(
        ctx,
        path,
        `Moet een veelvoud van ${fmt(spec.step)} zijn`,
        `Must be a multiple of ${fmt(spec.step)}`,
      )
  }
}

export function codes(options: readonly Option[]) {
  return z.enum(options.map((o) => o.code) as [string, ...string[]])
}

export function needsSpecify(option: Option | undefined, text: string | undefined) {
  return option?.specify === true && !text?.trim()
}

export const SPECIFY_NL = 'Vul bij deze keuze "namelijk" in'
export const SPECIFY_EN = 'This choice needs a "namely" text'
