import { useState } from 'react'
import { newAssessment } from '../../core/assessment/new-assessment'
import type { Localized } from '../../core/instrument/base-schema'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { findVocabulary } from '../../core/instrument/catalogue-data'
import { findInstrument } from '../../core/instrument/find-instrument'
import { AssessmentForm } from '../../form/assessment-form'
import { useText } from '../../i18n/text'
import { WithCatalogue } from '../../ui/with-catalogue'

/**
 * An instrument version as a blank form, to try without saving anything: the heading at once when
 * the title is known (the build-time index has it), the form when the instrument file is in.
 */
export function PreviewScreen({
  load,
  id,
  version,
  title,
}: {
  load: () => Promise<Catalogue>
  id: string
  version: string
  title?: Localized | undefined
}) {
  const { t, l } = useText()
  const headingOf = (title: Localized) => t('form.previewTitle', { title: l(title), version })
  return (
    <>
      {title && <h1>{headingOf(title)}</h1>}
      <WithCatalogue load={load}>
        {(catalogue) => {
          const found = findInstrument(catalogue.instruments, { id, version })
          return (
            <>
              {!title && (
                // A version that is not there is still named, by its id, above why it is not.
                <h1>{found.ok ? headingOf(found.value.title) : headingOf({ nl: id, en: id })}</h1>
              )}
              <PreviewForm catalogue={catalogue} found={found} />
            </>
          )
        }}
      </WithCatalogue>
    </>
  )
}

function PreviewForm({
  catalogue,
  found,
}: {
  catalogue: Catalogue
  found: ReturnType<typeof findInstrument>
}) {
  const { l, lang } = useText()
  const vocabulary = found.ok
    ? findVocabulary(catalogue.vocabularies, found.value.vocabulary.version)
    : undefined
  const [draft] = useState(() =>
    found.ok
      ? newAssessment({
          instrument: found.value,
          id: '00000000-0000-4000-8000-000000000000',
          now: new Date(),
          language: lang,
          authorRole: found.value.authorRoles[0] ?? 'bedrijfsarts',
        })
      : undefined,
  )
  if (!found.ok || !vocabulary || !draft)
    return <p role="alert">{found.ok ? '' : found.issues.map((i) => l(i.message)).join(' ')}</p>
  return <AssessmentForm instrument={found.value} vocabulary={vocabulary} assessment={draft} />
}
