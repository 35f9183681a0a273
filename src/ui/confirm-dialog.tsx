import { useEffect, useId, useRef, type ReactNode } from 'react'

/**
 * A modal question with a safe default: Cancel has focus, Escape cancels. The dialog is closed
 * before either callback runs, so a callback may move focus outside it.
 */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  cancelLabel,
  danger = false,
  onConfirm,
  onCancel,
}: {
  title: string
  body: ReactNode
  confirmLabel: string
  cancelLabel: string
  /** The confirm button looks destructive (deleting). */
  danger?: boolean
  onConfirm: () => void
  onCancel: () => void
}) {
  const ref = useRef<HTMLDialogElement>(null)
  const id = useId()
  useEffect(() => {
    ref.current?.showModal()
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
      className="dialog"
    >
      <h2 id={`${id}-title`}>{title}</h2>
      <p id={`${id}-body`}>{body}</p>
      <div className="dialog-actions">
        <button type="button" onClick={close(onCancel)} autoFocus>
          {cancelLabel}
        </button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={close(onConfirm)}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  )
}
