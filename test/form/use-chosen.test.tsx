// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, render, screen } from '@testing-library/react'
import { useEffect } from 'react'
import { FormProvider, useForm, type UseFormReturn } from 'react-hook-form'
import { afterEach, describe, expect, it } from 'vitest'
import type { FormValues } from '../../src/form/model/form-values'
import { useChosen } from '../../src/form/use-chosen'

afterEach(cleanup)

function Chosen({ name }: { name: string }) {
  return <p data-testid={name}>{useChosen(name).join(',') || '(none)'}</p>
}

function setup(defaults: Record<string, unknown>) {
  let form: UseFormReturn<FormValues> | undefined
  function Host({ onForm }: { onForm: (f: UseFormReturn<FormValues>) => void }) {
    const f = useForm<FormValues>({ defaultValues: { items: defaults } as FormValues })
    useEffect(() => {
      onForm(f)
    }, [onForm, f])
    return (
      <FormProvider {...f}>
        <Chosen name="items.a.choice" />
        <Chosen name="items.b.choices" />
      </FormProvider>
    )
  }
  render(
    <Host
      onForm={(f) => {
        form = f
      }}
    />,
  )
  return () => form as UseFormReturn<FormValues>
}

const shown = (name: string) => screen.getByTestId(name).textContent

describe('useChosen', () => {
  it('starts from the saved choice, one or a list', () => {
    setup({ a: { choice: 'nee' }, b: { choices: ['1', '2'] } })
    expect(shown('items.a.choice')).toBe('nee')
    expect(shown('items.b.choices')).toBe('1,2')
  })

  it('follows a change, a clear and a reset, each for its own field only', async () => {
    const form = setup({ a: { choice: null }, b: { choices: [] } })
    expect(shown('items.a.choice')).toBe('(none)')
    await act(async () => form().setValue('items.a.choice' as never, 'ja' as never))
    expect(shown('items.a.choice')).toBe('ja')
    expect(shown('items.b.choices')).toBe('(none)')
    await act(async () => form().setValue('items.b.choices' as never, ['0'] as never))
    expect(shown('items.b.choices')).toBe('0')
    await act(async () => form().setValue('items.a.choice' as never, null as never))
    expect(shown('items.a.choice')).toBe('(none)')
    await act(async () =>
      form().reset({ items: { a: { choice: 'nee' }, b: { choices: [] } } } as never),
    )
    expect(shown('items.a.choice')).toBe('nee')
    expect(shown('items.b.choices')).toBe('(none)')
  })
})
