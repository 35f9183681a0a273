import { useText } from '../i18n/text'

/** Links out of a screen that cannot be shown: to the assessments and to the start screen. */
export function WaysBack() {
  const { t } = useText()
  return (
    <ul className="ways-back">
      <li>
        <a href="#/assessments">{t('screen.toAssessments')}</a>
      </li>
      <li>
        <a href="#/">{t('screen.toHome')}</a>
      </li>
    </ul>
  )
}
