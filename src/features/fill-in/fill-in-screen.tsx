import { useEffect, useState } from 'react'
import { useText } from '../../i18n/text'
import type { Assessment } from '../../core/assessment/assessment-schema'
import { assessmentFileName, assessmentJson } from '../../core/assessment/file-name'
import { newAssessment } from '../../core/assessment/new-assessment'
import type { Catalogue } from '../../core/instrument/catalogue-data'
import { findVocabulary } from '../../core/instrument/catalogue-data'
import { findInstrument } from '../../core/instrument/find-instrument'
import { getAssessment, putAssessment } from '../../storage/assessment-store'
import { download } from '../../ui/download'
import { AssessmentForm } from './assessment-form'

type InstrumentRef = Assessment['instrument']

type Loaded = { kind: 'loading' } | { kind: 'missing' } | { kind: 'ready'; assessment: Assessment }

/** Opens a saved assessment by id and fills it in, saving as the user types. */
export function FillInScreen({
  catalogueFor,
  assessmentId,
}: {
  /** The catalogue holding (at least) the assessment's instrument and its vocabulary. */
  catalogueFor: (instrument: InstrumentRef) => Catalogue
  assessmentId: string
}) {
  const { t, l } = useText()
  const [state, setState] = useState<Loaded>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    void getAssessment(assessmentId).then((a) => {
      if (live) setState(a ? { kind: 'ready', assessment: a } : { kind: 'missing' })
    })
    return () => {
      live = false
    }
  }, [assessmentId])

  if (state.kind === 'loading') return <p role="status">{t('form.loading')}</p>
  const catalogue = state.kind === 'ready' ? catalogueFor(state.assessment.instrument) : undefined
  const found =
    state.kind === 'ready' && catalogue
      ? findInstrument(catalogue.instruments, state.assessment.instrument)
      : undefined
  const vocabulary =
    found?.ok && catalogue
      ? findVocabulary(catalogue.vocabularies, found.value.vocabulary.version)
      : undefined
  if (state.kind === 'missing' || !found?.ok || !vocabulary)
    return (
      <>
        <h1>{t('assessments.title')}</h1>
        <p role="alert">{t('form.notFound')}</p>
        <a href="#/assessments">{t('form.back')}</a>
      </>
    )
  const instrument = found.value
  const heading = `${l(instrument.title)} ${instrument.version}`
  return (
    <>
      <h1>{heading}</h1>
      <AssessmentForm
        instrument={instrument}
        vocabulary={vocabulary}
        assessment={state.assessment}
        onSave={putAssessment}
        toolbar={
          <>
            <button
              type="button"
              onClick={() =>
                void getAssessment(assessmentId).then(
                  (a) =>
                    a &&
                    download(
                      assessmentFileName(a),
                      new Blob([assessmentJson(a)], { type: 'application/json' }),
                    ),
                )
              }
            >
              {t('form.export')}
            </button>
            <a href="#/assessments">{t('form.back')}</a>
          </>
        }
      />
    </>
  )
}

/** The form of an instrument without saving anything: for instrument maintainers and the benchmark. */
export function PreviewScreen({
  catalogue,
  id,
  version,
}: {
  catalogue: Catalogue
  id: string
  version: string
}) {
  const { t, l, lang } = useText()
  const found = findInstrument(catalogue.instruments, { id, version })
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
  return (
    <>
      <h1>{t('form.previewTitle', { title: l(found.value.title), version })}</h1>
      <AssessmentForm instrument={found.value} vocabulary={vocabulary} assessment={draft} />
    </>
  )
}
