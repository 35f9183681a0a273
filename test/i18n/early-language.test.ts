// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { EARLY_LANGUAGE_SCRIPT, LANGUAGE_STORAGE_KEY } from '../../src/i18n/early-language'
import { createI18n, rememberLanguage } from '../../src/i18n/i18n'

const html = () => document.documentElement

afterEach(() => {
  vi.restoreAllMocks()
  localStorage.clear()
  delete html().dataset.storedLanguage
})

describe('the stored language, read early by index.html', () => {
  it('starts the app in the language the script found, without reading storage again', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en')
    window.eval(EARLY_LANGUAGE_SCRIPT)
    expect(html().dataset.storedLanguage).toBe('en')
    const read = vi.spyOn(Storage.prototype, 'getItem')
    expect(createI18n().language).toBe('en')
    expect(read).not.toHaveBeenCalled()
    // Taken once: a later start (another App) asks storage, which may have changed since.
    expect(html().dataset.storedLanguage).toBeUndefined()
  })

  it('starts in Dutch when nothing was stored, or storage is blocked', () => {
    window.eval(EARLY_LANGUAGE_SCRIPT)
    expect(html().dataset.storedLanguage).toBe('')
    expect(createI18n().language).toBe('nl')

    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError')
    })
    window.eval(EARLY_LANGUAGE_SCRIPT)
    expect(html().dataset.storedLanguage).toBe('')
    expect(createI18n().language).toBe('nl')
  })

  it('ignores a stored value that is not one of our languages', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'de')
    window.eval(EARLY_LANGUAGE_SCRIPT)
    expect(createI18n().language).toBe('nl')
  })

  it('reads storage itself where the script did not run', () => {
    rememberLanguage('en')
    expect(createI18n().language).toBe('en')
  })
})
