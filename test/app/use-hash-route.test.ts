// @vitest-environment jsdom
import { act, renderHook } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parseRoute, useHashRoute } from '../../src/app/use-hash-route'

describe('parseRoute', () => {
  it('reads every screen from its hash path', () => {
    expect(parseRoute('')).toEqual({ screen: 'instruments' })
    expect(parseRoute('#/')).toEqual({ screen: 'instruments' })
    expect(parseRoute('#/assessments')).toEqual({ screen: 'assessments' })
    expect(parseRoute('#/assessments/a%20b')).toEqual({ screen: 'fill-in', assessmentId: 'a b' })
    expect(parseRoute('#/compare/x/-')).toEqual({ screen: 'compare', baId: 'x', vaId: '' })
    expect(parseRoute('#/report')).toEqual({ screen: 'report' })
    expect(parseRoute('#/cohort')).toEqual({ screen: 'cohort' })
    expect(parseRoute('#/encryption')).toEqual({ screen: 'encryption' })
    expect(parseRoute('#/preview/bar/1.0.0')).toEqual({
      screen: 'preview',
      id: 'bar',
      version: '1.0.0',
    })
  })

  it('gives "not found" for a malformed escape or a path naming no screen, without throwing', () => {
    for (const hash of ['#/assessments/%', '#/assessments/%E2%8', '#/%', '#/nope', '#/preview/bar'])
      expect(parseRoute(hash), hash).toEqual({ screen: 'not-found' })
  })
})

describe('useHashRoute', () => {
  it('follows a screen hash, and keeps the screen for an in-page link such as the skip link', () => {
    window.location.hash = '#/report'
    const { result } = renderHook(() => useHashRoute())
    expect(result.current[0]).toEqual({ screen: 'report' })
    act(() => {
      window.location.hash = '#main'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(result.current[0]).toEqual({ screen: 'report' })
    act(() => {
      window.location.hash = '#/nope'
      window.dispatchEvent(new HashChangeEvent('hashchange'))
    })
    expect(result.current[0]).toEqual({ screen: 'not-found' })
  })
})
