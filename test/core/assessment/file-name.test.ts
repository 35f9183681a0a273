import { describe, expect, it } from 'vitest'
import type { Assessment } from '../../../src/core/assessment/assessment-schema'
import { assessmentFileName } from '../../../src/core/assessment/file-name'

const named = (employee: string) =>
  ({
    instrument: { id: 'bar', version: '1.0.0' },
    meta: { employee, assessmentDate: '2026-11-02' },
  }) as Assessment

describe('assessmentFileName', () => {
  it('keeps initials as they are written, accents folded', () => {
    expect(assessmentFileName(named('W.V.'), 'pdf')).toBe('BAR-W.V.-2026-11-02.pdf')
    expect(assessmentFileName(named('J.É. de Vries'))).toBe('BAR-J.E.-de-Vries-2026-11-02.json')
  })

  it('never lets a pseudonym become a path, a hidden file, markup or a reversed extension', () => {
    expect(assessmentFileName(named('../../etc/passwd'))).toBe('BAR-etc-passwd-2026-11-02.json')
    expect(assessmentFileName(named('.hidden'))).toBe('BAR-hidden-2026-11-02.json')
    expect(assessmentFileName(named('<img src=x onerror=alert(1)>'))).toBe(
      'BAR-img-src-x-onerror-alert-1-2026-11-02.json',
    )
    // U+202E (right-to-left override) would show "…fdp.exe" as "…exe.pdf".
    const rlo = assessmentFileName(named('x\u202Efdp.exe'), 'pdf')
    expect(rlo).toBe('BAR-x-fdp.exe-2026-11-02.pdf')
    expect(rlo).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/)
  })

  it('names an assessment without a pseudonym "anoniem" and cuts a long one', () => {
    expect(assessmentFileName(named(''))).toBe('BAR-anoniem-2026-11-02.json')
    expect(assessmentFileName(named('x'.repeat(5000)))).toBe(
      `BAR-${'x'.repeat(40)}-2026-11-02.json`,
    )
  })
})
