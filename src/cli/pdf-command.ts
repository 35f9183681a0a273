import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Side } from '../core/compare/compare'
import type { Catalogue } from '../core/instrument/catalogue-data'
import type { ValidationIssue } from '../core/issues/validation-issue'
import { createFixedT } from '../i18n/fixed-t'
import { prepareReport } from '../pdf/prepare-report'
import { renderReport } from '../pdf/render-report'
import type { Reader } from '../core/report/readers'

const require = createRequire(import.meta.url)

export const nodeFonts = {
  regular: require.resolve('@expo-google-fonts/inter/400Regular/Inter_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/inter/700Bold/Inter_700Bold.ttf'),
}

export function appVersion(): string {
  return (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string
    }
  ).version
}

/** Renders the report PDF for one assessment (and optionally the other party's) to a file. */
export async function writeReportPdf(args: {
  main: Side
  other?: Side
  catalogue: Catalogue
  lang: 'nl' | 'en'
  out: string
  audience?: Reader
}): Promise<{ ok: true; bytes: number } | { ok: false; issues: ValidationIssue[] }> {
  const t = createFixedT(args.lang)
  const model = await prepareReport({
    main: args.main,
    ...(args.other ? { other: args.other } : {}),
    catalogue: args.catalogue,
    lang: args.lang,
    ...(args.audience ? { audience: args.audience } : {}),
    t: (key, options) => t(key as 'units.kg', options),
    appVersion: appVersion(),
  })
  if (!model.ok) return model
  const blob = await renderReport(model.value, t, nodeFonts)
  const bytes = new Uint8Array(await blob.arrayBuffer())
  writeFileSync(args.out, bytes)
  return { ok: true, bytes: bytes.length }
}
