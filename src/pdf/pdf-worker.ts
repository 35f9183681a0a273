/// <reference lib="webworker" />
import boldUrl from '@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf?url'
import regularUrl from '@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf?url'
import type { ReportModel } from '../core/report/report-model'
import { createFixedT } from '../i18n/fixed-t'
import { renderReport } from './render-report'

export type WorkerRequest = { model: ReportModel }
export type WorkerMessage =
  | { type: 'stage'; stage: 'fonts' | 'render' }
  | { type: 'done'; pdf: Blob; pages: number }
  | { type: 'failed'; reason: string }

const scope = self as unknown as DedicatedWorkerGlobalScope

/** Counts the page objects of a finished PDF. */
async function countPages(pdf: Blob) {
  const text = new TextDecoder('latin1').decode(await pdf.arrayBuffer())
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const post = (m: WorkerMessage) => scope.postMessage(m)
  try {
    const { model } = event.data
    post({ type: 'stage', stage: 'fonts' })
    const t = createFixedT(model.lang)
    const origin = scope.location.origin
    post({ type: 'stage', stage: 'render' })
    const pdf = await renderReport(model, t, {
      regular: new URL(regularUrl, origin).href,
      bold: new URL(boldUrl, origin).href,
    })
    post({ type: 'done', pdf, pages: await countPages(pdf) })
  } catch (e) {
    post({ type: 'failed', reason: (e as Error).message })
  }
}
