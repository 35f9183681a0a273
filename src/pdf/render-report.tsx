import { pdf } from '@react-pdf/renderer'
import type { TFunction } from 'i18next'
import type { ReportModel } from '../core/report/report-model'
import type { FontSources } from './fonts'
import { registerFonts } from './fonts'
import { ReportDocument } from './report-document'

/** Renders the report to PDF bytes; works in Node and in a Web Worker. */
export async function renderReport(
  model: ReportModel,
  t: TFunction,
  fonts: FontSources,
): Promise<Blob> {
  registerFonts(fonts)
  return pdf(<ReportDocument model={model} t={t} />).toBlob()
}
