import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { useText } from '../../i18n/text'
import { backupJson, makeBackup } from '../../storage/backup'
import {
  changePassphrase,
  turnOffEncryption,
  turnOnEncryption,
} from '../../storage/encryption-settings'
import type { EncryptionReport } from '../../storage/encryption-settings'
import { storageMessageKey } from '../../storage/storage-error'
import { lock, onKeyStateChange, tabKey } from '../../storage/tab-key'
import { download } from '../../ui/download'
import './encryption.css'
import { MIN_PASSPHRASE_LENGTH, newPassphrase, repeats, required } from './passphrase-check'
import { PassphraseForm } from './passphrase-form'

const unlocked = () => tabKey() !== undefined

/**
 * Encryption at rest: turn it on with a passphrase (after a warning and the offer of a back-up),
 * change the passphrase, turn it off, lock this tab. Behind the storage gate: when encryption is
 * on, this tab is unlocked. The instrument files load only for a back-up.
 */
export function EncryptionScreen({ catalogue }: { catalogue: () => Promise<Catalogue> }) {
  const { t } = useText()
  const id = useId()
  const on = useSyncExternalStore(onKeyStateChange, unlocked)
  const [notice, setNotice] = useState<string>()
  const [exportError, setExportError] = useState<unknown>()
  const noticeRef = useRef<HTMLParagraphElement>(null)
  // The form that was used goes away: focus goes to what it did.
  useEffect(() => {
    if (notice) noticeRef.current?.focus()
  }, [notice])

  const counted = (key: 'encryption.on.done' | 'encryption.off.done', r: EncryptionReport) =>
    t(key, {
      assessments: t('assessments.backup.assessmentCount', { count: r.assessments }),
      comparisons: t('assessments.backup.comparisonCount', { count: r.comparisons }),
    })

  const exportAll = async () => {
    setExportError(undefined)
    try {
      const backup = await makeBackup((await catalogue()).instruments, new Date())
      download(
        `bar-studio-backup-${backup.exportedAt.slice(0, 10)}.json`,
        new Blob([backupJson(backup)], { type: 'application/json' }),
      )
    } catch (e) {
      setExportError(e)
    }
  }

  return (
    <>
      <h1>{t('encryption.title')}</h1>
      <p className="lead">{t('encryption.intro')}</p>
      <p>
        <strong>{t(on ? 'encryption.stateOn' : 'encryption.stateOff')}</strong>
      </p>
      <div aria-live="polite" className="notices">
        {notice && (
          <p className="notice" ref={noticeRef} tabIndex={-1}>
            {notice}
          </p>
        )}
      </div>
      {on ? (
        <div className="panels">
          <section aria-labelledby={`${id}-lock`} className="card">
            <h2 id={`${id}-lock`}>{t('encryption.lock')}</h2>
            <p>{t('encryption.lockHint')}</p>
            <button
              type="button"
              className="primary"
              onClick={() => {
                // The unlock screen takes this one's place: focus stays in the content.
                document.getElementById('main')?.focus()
                lock()
              }}
            >
              {t('encryption.lock')}
            </button>
          </section>
          <section aria-labelledby={`${id}-change`} className="card">
            <h2 id={`${id}-change`}>{t('encryption.change.title')}</h2>
            <PassphraseForm
              fields={[
                {
                  name: 'current',
                  label: t('encryption.current'),
                  autoComplete: 'current-password',
                  check: required,
                },
                {
                  name: 'next',
                  label: t('encryption.newPassphrase'),
                  autoComplete: 'new-password',
                  hint: t('encryption.lengthHint', { min: MIN_PASSPHRASE_LENGTH }),
                  check: newPassphrase,
                },
                {
                  name: 'repeat',
                  label: t('encryption.repeatNew'),
                  autoComplete: 'new-password',
                  check: (v, all) => repeats(all.next ?? '')(v),
                },
              ]}
              submitLabel={t('encryption.change.submit')}
              busyLabel={t('encryption.change.busy')}
              wrongField="current"
              onSubmit={async ({ current, next }) => {
                await changePassphrase(current ?? '', next ?? '')
                setNotice(t('encryption.change.done'))
              }}
            />
          </section>
          <section aria-labelledby={`${id}-off`} className="card">
            <h2 id={`${id}-off`}>{t('encryption.off.title')}</h2>
            <p id={`${id}-off-intro`}>{t('encryption.off.intro')}</p>
            <PassphraseForm
              fields={[
                {
                  name: 'passphrase',
                  label: t('encryption.passphrase'),
                  autoComplete: 'current-password',
                  check: required,
                },
              ]}
              describedBy={`${id}-off-intro`}
              submitLabel={t('encryption.off.submit')}
              busyLabel={t('encryption.off.busy')}
              wrongField="passphrase"
              danger
              onSubmit={async ({ passphrase }) =>
                setNotice(counted('encryption.off.done', await turnOffEncryption(passphrase ?? '')))
              }
            />
          </section>
        </div>
      ) : (
        <div className="panels">
          <section aria-labelledby={`${id}-on`} className="card">
            <h2 id={`${id}-on`}>{t('encryption.on.title')}</h2>
            <p id={`${id}-warning`} className="encryption-warning">
              {t('encryption.on.warning')}
            </p>
            <PassphraseForm
              fields={[
                {
                  name: 'passphrase',
                  label: t('encryption.passphrase'),
                  autoComplete: 'new-password',
                  hint: t('encryption.lengthHint', { min: MIN_PASSPHRASE_LENGTH }),
                  check: newPassphrase,
                },
                {
                  name: 'repeat',
                  label: t('encryption.repeat'),
                  autoComplete: 'new-password',
                  check: (v, all) => repeats(all.passphrase ?? '')(v),
                },
              ]}
              describedBy={`${id}-warning`}
              submitLabel={t('encryption.on.submit')}
              busyLabel={t('encryption.on.busy')}
              wrongField="passphrase"
              onSubmit={async ({ passphrase }) =>
                setNotice(counted('encryption.on.done', await turnOnEncryption(passphrase ?? '')))
              }
            />
          </section>
          <section aria-labelledby={`${id}-backup`} className="card">
            <h2 id={`${id}-backup`}>{t('assessments.backup.title')}</h2>
            <p>{t('assessments.backup.intro')}</p>
            <p className="hint">{t('assessments.backup.plain')}</p>
            <button type="button" onClick={() => void exportAll()}>
              {t('assessments.backup.export')}
            </button>
            {exportError !== undefined && (
              <p role="alert" className="problems">
                {t(storageMessageKey(exportError), { reason: String(exportError) })}
              </p>
            )}
          </section>
        </div>
      )}
      <p>
        <a href="#/assessments">{t('encryption.back')}</a>
      </p>
    </>
  )
}
