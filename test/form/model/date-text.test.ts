import { describe, expect, it } from 'vitest'
import { dateTextIn, dateTextProblem } from '../../../src/form/model/date-text'

describe('dateTextProblem', () => {
  it('finds nothing wrong with a date or an empty field', () => {
    expect(dateTextProblem('5-3-2027')).toBeUndefined()
    expect(dateTextProblem('2027-03-05')).toBeUndefined()
    expect(dateTextProblem(' ')).toBeUndefined()
  })

  it('names a date that does not exist as typed, in both languages', () => {
    expect(dateTextProblem(' 31-02-2026 ')).toEqual({
      nl: '31-02-2026 bestaat niet: kijk de dag en de maand na',
      en: '31-02-2026 does not exist: check the day and the month',
    })
  })

  it('shows how to write a date when the text is not one, with an example in each language', () => {
    expect(dateTextProblem('morgen')).toEqual({
      nl: 'Geen datum: schrijf dag, maand en jaar, bijvoorbeeld 05-03-2027',
      en: 'Not a date: write the day, month and year, for example 05/03/2027',
    })
  })
})

describe('dateTextIn', () => {
  it('writes a typed date as the language writes it', () => {
    expect(dateTextIn('5-3-2027', 'nl')).toBe('05-03-2027')
    expect(dateTextIn('05-03-2027', 'en')).toBe('05/03/2027')
    expect(dateTextIn('2027-03-05', 'nl')).toBe('05-03-2027')
  })

  it('leaves what is not a date as typed', () => {
    expect(dateTextIn('31-02-2026', 'en')).toBe('31-02-2026')
    expect(dateTextIn('5-3-27', 'nl')).toBe('5-3-27')
    expect(dateTextIn('', 'nl')).toBe('')
  })
})
