import { useText } from '../i18n/text'
import { WaysBack } from './ways-back'

/** What a link to no screen of the app (a typo, a cut-off or malformed address) opens. */
export function NotFoundScreen() {
  const { t } = useText()
  return (
    <>
      <h1>{t('screen.notFound.title')}</h1>
      <p>{t('screen.notFound.text')}</p>
      <WaysBack />
    </>
  )
}
