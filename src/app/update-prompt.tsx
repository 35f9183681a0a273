import { useText } from '../i18n/text'
import { postponeUpdate, useUpdateState } from './service-worker'

/** "A new version is ready": loaded when the user says so, never under their hands. */
export function UpdatePrompt() {
  const { t } = useText()
  const { waiting, update } = useUpdateState()
  return (
    <div role="status" className="update-prompt" hidden={!waiting}>
      {waiting && (
        <>
          <p>{t('app.update.ready')}</p>
          <button type="button" className="primary" onClick={() => void update?.()}>
            {t('app.update.load')}
          </button>
          <button type="button" onClick={postponeUpdate}>
            {t('app.update.later')}
          </button>
        </>
      )}
    </div>
  )
}
