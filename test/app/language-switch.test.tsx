// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LanguageSwitch } from '../../src/app/language-switch'
import { renderWithI18n } from '../helpers/render'
import { useText } from '../../src/i18n/text'

afterEach(cleanup)

function Field() {
  const { t } = useText()
  return (
    <main>
      <div data-item-id="a">
        <label htmlFor="field">{t('form.meta.authorName')}</label>
        <input id="field" />
      </div>
    </main>
  )
}

function setup() {
  const user = userEvent.setup()
  const view = renderWithI18n(
    <>
      <LanguageSwitch />
      <Field />
    </>,
  )
  return { user, ...view }
}

describe('LanguageSwitch', () => {
  it('switches the language by a click while focus stays in the field being filled in', async () => {
    const { user, i18n } = setup()
    const field = screen.getByLabelText('Naam van de opsteller')
    field.focus()
    await user.click(screen.getByRole('button', { name: 'English' }))
    expect(i18n.language).toBe('en')
    expect(screen.getByLabelText("Author's name")).toBe(field)
    expect(field).toHaveFocus()
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true')
  })

  it('keeps focus on the switch itself when used from the keyboard, and scrolls nothing for the language already chosen', async () => {
    const { user, i18n } = setup()
    const scrollBy = vi.spyOn(window, 'scrollBy').mockImplementation(() => {})
    const nl = screen.getByRole('button', { name: 'Nederlands' })
    nl.focus()
    await user.keyboard('{Enter}')
    expect(i18n.language).toBe('nl')
    expect(nl).toHaveFocus()
    expect(scrollBy).not.toHaveBeenCalled()
    await user.keyboard('{Tab}{Enter}')
    expect(i18n.language).toBe('en')
    expect(screen.getByRole('button', { name: 'English' })).toHaveFocus()
    scrollBy.mockRestore()
  })
})
