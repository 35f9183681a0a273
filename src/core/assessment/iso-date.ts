import '../zod-setup'
import { z } from 'zod'

/**
 * A calendar date as the form's date input gives it: `YYYY-MM-DD`. A module of its own so that the
 * form's answer validators load without the instrument and assessment schemas.
 */
export const isoDateSchema = z.iso.date()
