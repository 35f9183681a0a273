// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startDraft } from '../../../src/core/builder/draft'
import type { Edit } from '../../../src/core/builder/edits'
import type { ValidationIssue } from '../../../src/core/issues/validation-issue'
import { NodeEditor } from '../../../src/features/builder/node-editor'
import { shipped } from '../../helpers/instruments'
import { renderWithI18n } from '../../helpers/render'

afterEach(cleanup)

const draft = startDraft(shipped('fml', '1.0.0'))

function renderInstrumentNode(onEdit = vi.fn<(edit: Edit) => ValidationIssue[]>(() => [])) {
  renderWithI18n(
    <NodeEditor
      draft={draft}
      selected={{ kind: 'instrument' }}
      vocabulary={undefined}
      problems={[]}
      onEdit={onEdit}
      onMove={() => {}}
    />,
  )
  return onEdit
}

describe('NodeEditor', () => {
  it('edits the conclusion as JSON: applied when valid', () => {
    const onEdit = renderInstrumentNode()
    const box = screen.getByRole('textbox', { name: 'Conclusie' })
    const next = { ...draft.instrument.conclusion, noCapacity: ['nee'] }
    fireEvent.change(box, { target: { value: JSON.stringify(next) } })
    fireEvent.click(screen.getByRole('button', { name: 'Conclusie toepassen' }))
    expect(onEdit).toHaveBeenCalledWith({ op: 'set', path: ['conclusion'], value: next })
  })

  it('refuses JSON that does not parse, in Dutch, and changes nothing', () => {
    const onEdit = renderInstrumentNode()
    const box = screen.getByRole('textbox', { name: 'Conclusie' })
    fireEvent.change(box, { target: { value: '{"kind": "cover",' } })
    fireEvent.click(screen.getByRole('button', { name: 'Conclusie toepassen' }))
    expect(screen.getByRole('alert').textContent).toMatch(
      /^Geen geldige JSON: .+ Er is niets gewijzigd\.$/,
    )
    expect(onEdit).not.toHaveBeenCalled()
    expect(box).toHaveAttribute('aria-invalid', 'true')
  })

  it('sets a label per language, keeping the other', () => {
    const onEdit = vi.fn<(edit: Edit) => ValidationIssue[]>(() => [])
    renderWithI18n(
      <NodeEditor
        draft={draft}
        selected={{ kind: 'item', section: 1, item: 0 }}
        vocabulary={undefined}
        problems={[]}
        onEdit={onEdit}
        onMove={() => {}}
      />,
    )
    const item = draft.instrument.sections[1]!.items[0]!
    const label = screen.getByRole('group', { name: 'Label' })
    const nl = label.querySelector('input[lang="nl"]') as HTMLInputElement
    fireEvent.change(nl, { target: { value: 'Nieuw label' } })
    expect(onEdit).toHaveBeenCalledWith({
      op: 'set',
      path: ['sections', 1, 'items', 0, 'label'],
      value: { nl: 'Nieuw label', en: item.label.en },
    })
  })
})
