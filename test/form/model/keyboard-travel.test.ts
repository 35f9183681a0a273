// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { nextErrorInput, nextOpenInput, shortcutOf } from '../../../src/form/model/keyboard-travel'

afterEach(() => document.body.replaceChildren())

function page(html: string) {
  document.body.innerHTML = html
  return document.body
}
const byId = (id: string) => document.getElementById(id) as HTMLElement

const ITEMS = `
  <div data-item-id="a"><input id="a1" name="a" type="radio"><input id="a2" name="a" type="radio"></div>
  <div data-item-id="b"><textarea id="b1"></textarea></div>
  <div data-item-id="c"><input id="c1" disabled><input id="c2"></div>`

describe('nextOpenInput', () => {
  it('gives the first enabled input of the next open item after focus', () => {
    const root = page(ITEMS)
    expect(nextOpenInput(root, new Set(['a', 'c']), byId('a2'))).toBe(byId('c2'))
    expect(nextOpenInput(root, new Set(['a', 'b', 'c']), byId('a1'))).toBe(byId('b1'))
  })

  it('wraps around to the first open item', () => {
    const root = page(ITEMS)
    expect(nextOpenInput(root, new Set(['a', 'b']), byId('c2'))).toBe(byId('a1'))
    expect(nextOpenInput(root, new Set(['a']), document.body)).toBe(byId('a1'))
  })

  it('gives nothing when no shown item is open', () => {
    const root = page(ITEMS)
    expect(nextOpenInput(root, new Set(), byId('a1'))).toBeUndefined()
    expect(nextOpenInput(root, new Set(['hidden']), byId('a1'))).toBeUndefined()
  })
})

const ERRORS = `
  <div data-item-id="a">
    <input id="a1" name="a" type="radio" aria-invalid="true"><input id="a2" name="a" type="radio" aria-invalid="true">
    <p class="field-error" id="error-items-a-choice">!</p>
  </div>
  <div class="quantity"><input id="input-items-b-q0" aria-invalid="true"><p class="field-error" id="error-items-b-q0">!</p></div>
  <input id="plain">`

describe('nextErrorInput', () => {
  it('gives the next field with an error, skipping the other options of the focused group', () => {
    const root = page(ERRORS)
    expect(nextErrorInput(root, byId('plain'))).toBe(byId('a1'))
    expect(nextErrorInput(root, byId('a2'))).toBe(byId('input-items-b-q0'))
    expect(nextErrorInput(root, byId('a1'))).toBe(byId('input-items-b-q0'))
    expect(nextErrorInput(root, byId('input-items-b-q0'))).toBe(byId('a1'))
  })

  it('gives nothing without errors, or when the only error has focus', () => {
    expect(nextErrorInput(page(ITEMS), byId('a1'))).toBeUndefined()
    const root = page(
      `<input id="input-x" aria-invalid="true"><p class="field-error" id="error-x">!</p>`,
    )
    expect(nextErrorInput(root, byId('input-x'))).toBeUndefined()
  })
})

describe('shortcutOf', () => {
  const key = (code: string, key = '', mods = { altKey: true, shiftKey: true }) => ({
    ctrlKey: false,
    metaKey: false,
    ...mods,
    code,
    key,
  })
  it('knows the chords by physical key, whatever letter the layout types', () => {
    expect(shortcutOf(key('KeyN', 'Ñ'))).toBe('nextOpen')
    expect(shortcutOf(key('KeyF', 'F'))).toBe('nextError')
    expect(shortcutOf(key('KeyD', 'D'))).toBe('terms')
    expect(shortcutOf(key('Backspace', 'Backspace'))).toBe('clear')
  })
  it('ignores the keys without both Alt and Shift, or with Ctrl', () => {
    expect(shortcutOf(key('KeyN', 'n', { altKey: true, shiftKey: false }))).toBeUndefined()
    expect(shortcutOf({ ...key('KeyN', 'N'), ctrlKey: true })).toBeUndefined()
    expect(shortcutOf(key('KeyX', 'X'))).toBeUndefined()
  })
})
