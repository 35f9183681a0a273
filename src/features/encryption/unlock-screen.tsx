import { useId } from 'react'
import { useText } from '../../i18n/text'
import { unlock } from '../../storage/unlock'
import './encryption.css'
import { required } from './passphrase-check'
import { PassphraseForm } from './passphrase-form'

/** Asks for the passphrase before any screen that reads the encrypted storage; a wrong one changes nothing. */
export function UnlockScreen() {
  const { t } = useText()
  const id = useId()
  return (
    <>
      <h1>{t('encryption.unlock.title')}</h1>
      <p className="lead" id={`${id}-intro`}>
        {t('encryption.unlock.intro')}
      </p>
      <PassphraseForm
        fields={[
          {
            name: 'passphrase',
            label: t('encryption.passphrase'),
            autoComplete: 'current-password',
            check: required,
          },
        ]}
        describedBy={`${id}-intro`}
        autoFocus
        submitLabel={t('encryption.unlock.submit')}
        busyLabel={t('encryption.unlock.busy')}
        wrongField="passphrase"
        onSubmit={async ({ passphrase }) => {
          await unlock(passphrase ?? '')
          // The form makes way for the screen: focus stays in the content.
          document.getElementById('main')?.focus()
        }}
      />
      <p className="hint">{t('encryption.unlock.forgotten')}</p>
    </>
  )
}
