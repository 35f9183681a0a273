import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal question with a safe default: Cancel has focus, Escape cancels. The dialog is closed
 * before either callback runs, so a callback may move focus outside it.
 */
export function ConfirmDialog({
  title,
  body,
  details,
  confirmLabel,
  cancelLabel,
  danger = false,
  wide = false,
  onConfirm,
  onCancel,
}: {
  title: string
  body: ReactNode
  /** More than a sentence (lists, headings), below the body; the dialog scrolls when it is long. */
  details?: ReactNode
  confirmLabel: string
  cancelLabel: string
  /** The confirm button looks destructive (deleting). */
  danger?: boolean
  /** Room for a list: wider on a large screen, the full width on a small one. */
  wide?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const cancel = useRef<HTMLButtonElement>(null)
  const id = useId()
  useEffect(() => {
    ref.current?.showModal()
    // Not the first focusable element when details come first; the dialog stays at its top.
    cancel.current?.focus({ preventScroll: true })
  }, [])
  const close = (then: () => void) => () => {
    ref.current?.close()
    then()
  }
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={onCancel}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      {details !== undefined && <div className="dialog-details">{details}</div>}
      <div className="dialog-actions">
        <button type="button" ref={cancel} onClick={close(onCancel)}>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={close(onConfirm)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
