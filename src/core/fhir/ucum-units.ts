import type { Unit } from '../instrument/units'

/**
 * Our unit ids as UCUM codes (unitsofmeasure.org), for `questionnaire-unit` and answer quantities.
 * A count per time is a UCUM reciprocal (`/h`); stair steps are a count, annotated `{steps}`.
 */
export const UCUM_UNITS: Readonly<Record<Unit, string>> = {
  kg: 'kg',
  N: 'N',
  cm: 'cm',
  m: 'm',
  degrees: 'deg',
  celsius: 'Cel',
  seconds: 's',
  minutes: 'min',
  hours: 'h',
  'hours-per-day': 'h/d',
  'hours-per-week': 'h/wk',
  'days-per-week': 'd/wk',
  'times-per-hour': '/h',
  'times-per-day': '/d',
  steps: '{steps}',
  'km-per-hour': 'km/h',
  weeks: 'wk',
  months: 'mo',
}
