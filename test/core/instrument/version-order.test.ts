import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compareSemver, compareVersionRefs } from '../../../src/core/instrument/catalogue-data'

const ref = (id: string, version: string) => ({ id, version })

describe('compareVersionRefs', () => {
  it('orders by id, then by version precedence (1.10.0 after 1.2.0, a pre-release before its release)', () => {
    const list = [
      ref('fml', '1.0.0'),
      ref('bar', '1.10.0'),
      ref('bar', '1.2.0'),
      ref('bar-extra', '0.1.0'),
      ref('bar', '1.2.0-rc.1'),
    ]
    expect(list.sort(compareVersionRefs).map((r) => `${r.id}@${r.version}`)).toEqual([
      'bar@1.2.0-rc.1',
      'bar@1.2.0',
      'bar@1.10.0',
      'bar-extra@0.1.0',
      'fml@1.0.0',
    ])
  })

  it('is a consistent order for any ids: antisymmetric, and versions decide only within one id', () => {
    const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/)
    const version = fc
      .tuple(fc.nat(20), fc.nat(20), fc.nat(20))
      .map(([a, b, c]) => `${a}.${b}.${c}`)
    fc.assert(
      fc.property(slug, version, slug, version, (ia, va, ib, vb) => {
        const ab = compareVersionRefs(ref(ia, va), ref(ib, vb))
        const ba = compareVersionRefs(ref(ib, vb), ref(ia, va))
        expect(Math.sign(ab)).toBe(-Math.sign(ba))
        if (ia === ib) expect(Math.sign(ab)).toBe(Math.sign(compareSemver(va, vb)))
        else expect(ab).not.toBe(0)
      }),
    )
  })
})
