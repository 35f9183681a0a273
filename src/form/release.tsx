import { createContext, useContext, useSyncExternalStore } from 'react'
import { sectionReaders, textRef, type Reader } from '../core/report/readers'
import { useText } from '../i18n/text'
import { useFormValue } from './use-form-value'

/**
 * The free texts the author has released for the employer and the employee, one per form. Kept
 * outside react-hook-form: a release is no answer, and the form's values stay what the
 * instrument asks. The form saves the list with the answers.
 */
export class ReleaseStore {
  private refs: Set<string>
  private listeners = new Set<() => void>()

  constructor(
    readonly instrumentId: string,
    released: readonly string[],
  ) {
    this.refs = new Set(released)
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  has(ref: string) {
    return this.refs.has(ref)
  }

  set(ref: string, released: boolean) {
    if (released === this.refs.has(ref)) return
    if (released) this.refs.add(ref)
    else this.refs.delete(ref)
    for (const l of this.listeners) l()
  }

  /** The released texts, sorted: the same list for the same releases. */
  list(): string[] {
    return [...this.refs].sort()
  }

  /** The readers beyond professionals who may read a section's texts, once released. */
  readersOf(sectionId: string): Reader[] {
    return sectionReaders(this.instrumentId, sectionId)
  }
}

export const ReleaseStoreContext = createContext<ReleaseStore | undefined>(undefined)

interface ReleaseToggleProps {
  itemId: string
  field: string
  sectionId: string
  /** The text box it belongs to, by id and by its name in the form. */
  inputId: string
  inputName: string
}

/**
 * The one control beside a free text that releases it for the section's readers beyond the
 * professionals ("Vrijgeven voor de werkgever en de werknemer"). Unticked by default: a text is
 * private until its author releases it. None in a preview (nothing is saved) nor in a section
 * only professionals read: there the text is not followed at all.
 */
export function ReleaseToggle(props: ReleaseToggleProps) {
  const store = useContext(ReleaseStoreContext)
  const readers = store?.readersOf(props.sectionId) ?? []
  if (!store || !readers.length) return null
  return <ReleaseControl {...props} store={store} readers={readers} />
}

const holdsText = (value: unknown) => typeof value === 'string' && value.trim() !== ''

function ReleaseControl({
  itemId,
  field,
  inputId,
  inputName,
  store,
  readers,
}: ReleaseToggleProps & { store: ReleaseStore; readers: readonly Reader[] }) {
  const { t } = useText()
  const ref = textRef(itemId, field)
  const released = useSyncExternalStore(store.subscribe, () => store.has(ref))
  // Shown once there is a text to release: an empty box has nothing to go out, and adds no tab
  // stop. Typing renders it again only when the box turns empty or stops being empty.
  const hasText = useFormValue(inputName, holdsText)
  if (!hasText) return null
  const who = readers.includes('employer') ? 'employerAndEmployee' : 'employee'
  const id = `release-${inputId}`
  return (
    <span className="release">
      <input
        id={id}
        type="checkbox"
        checked={released}
        // Described by the text box's label, so each control of an item says which text it releases.
        aria-describedby={`${inputId}-label ${id}-state`}
        onChange={(e) => store.set(ref, e.target.checked)}
      />
      <label htmlFor={id}>{t(`form.release.${who}`)}</label>
      <span id={`${id}-state`} className="release-state">
        {t(released ? 'form.release.released' : 'form.release.private')}
      </span>
    </span>
  )
}
