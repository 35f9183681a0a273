/** Units a quantity answer or an option threshold can carry. Labels live in the UI's i18n files. */
export const UNITS = [
  'kg',
  'N',
  'cm',
  'm',
  'degrees',
  'celsius',
  'seconds',
  'minutes',
  'hours',
  'hours-per-day',
  'hours-per-week',
  'days-per-week',
  'times-per-hour',
  'times-per-day',
  'steps',
  'km-per-hour',
  'weeks',
  'months',
] as const

export type Unit = (typeof UNITS)[number]
