import { useEffect, useRef, useState } from 'react'
import type * as PdfjsModule from 'pdfjs-dist'
import type { PDFDocumentLoadingTask, PDFDocumentProxy, RenderTask } from 'pdfjs-dist'
// Bundled by Vite as a worker of our own origin, so the policy's worker-src 'self' covers it.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?worker&url'
import { useText } from '../../i18n/text'
import './pdf-preview.css'

type Pdfjs = typeof PdfjsModule

let pdfjs: Promise<Pdfjs> | undefined

/** pdf.js in a chunk of its own, fetched the first time a preview is shown. */
function loadPdfjs(): Promise<Pdfjs> {
  pdfjs ??= import('pdfjs-dist').then((lib) => {
    lib.GlobalWorkerOptions.workerSrc = workerUrl
    return lib
  })
  // A chunk that failed to load (offline, or replaced by an update) is tried again next time.
  pdfjs.catch(() => (pdfjs = undefined))
  return pdfjs
}

/**
 * Canvas widths are rounded up to this many device pixels: a page is drawn again only when the
 * container grows or shrinks past a step, and the browser scales the drawing in between.
 */
const WIDTH_STEP = 256
/** At most this many pixels per page (about 15 MB of canvas memory): a long report stays light. */
const MAX_PIXELS = 4_000_000

const reasonOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

type Loaded =
  | { for: Blob; kind: 'ready'; doc: PDFDocumentProxy }
  | { for: Blob; kind: 'failed'; reason: string }

/**
 * Every page of `pdf` drawn on a canvas as wide as the container, for a look before downloading.
 * The PDF is read from memory: pdf.js fetches nothing, runs no eval, and the document is freed
 * when the preview goes.
 */
export function PdfPreview({ pdf }: { pdf: Blob }) {
  const { t } = useText()
  const [loaded, setLoaded] = useState<Loaded | undefined>()
  const [drawn, setDrawn] = useState<{ doc: PDFDocumentProxy; failed?: string } | undefined>()
  const [pixelWidth, setPixelWidth] = useState(0)
  const box = useRef<HTMLElement>(null)
  const canvases = useRef<(HTMLCanvasElement | null)[]>([])

  const current = loaded?.for === pdf ? loaded : undefined
  const doc = current?.kind === 'ready' ? current.doc : undefined

  useEffect(() => {
    let live = true
    let task: PDFDocumentLoadingTask | undefined
    void (async () => {
      try {
        const [lib, bytes] = await Promise.all([loadPdfjs(), pdf.arrayBuffer()])
        if (!live) return
        task = lib.getDocument({
          data: new Uint8Array(bytes),
          // Glyphs are drawn without new Function(): the policy has no 'unsafe-eval'.
          isEvalSupported: false,
          // The app's PDFs embed their fonts; nothing else is fetched for a font or a character map.
          useSystemFonts: false,
          verbosity: lib.VerbosityLevel.ERRORS,
        })
        const value = await task.promise
        if (live) setLoaded({ for: pdf, kind: 'ready', doc: value })
      } catch (e) {
        if (live) setLoaded({ for: pdf, kind: 'failed', reason: reasonOf(e) })
      }
    })()
    return () => {
      live = false
      // Frees the document, its pages and pdf.js's worker.
      void task?.destroy()
    }
  }, [pdf])

  useEffect(() => {
    const el = box.current
    if (!el) return
    const observer = new ResizeObserver(([entry]) => {
      const css = entry?.contentBoxSize[0]?.inlineSize ?? el.clientWidth
      const px = Math.ceil((css * (window.devicePixelRatio || 1)) / WIDTH_STEP) * WIDTH_STEP
      setPixelWidth(Math.max(px, WIDTH_STEP))
    })
    observer.observe(el)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (!doc || !pixelWidth) return
    let live = true
    let task: RenderTask | undefined
    void (async () => {
      try {
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n)
          const canvas = canvases.current[n - 1]
          if (!live || !canvas) return
          const natural = page.getViewport({ scale: 1 })
          const wanted = pixelWidth / natural.width
          const most = Math.sqrt(MAX_PIXELS / (natural.width * natural.height))
          const viewport = page.getViewport({ scale: Math.min(wanted, most) })
          canvas.width = Math.floor(viewport.width)
          canvas.height = Math.floor(viewport.height)
          task = page.render({ canvas, viewport })
          await task.promise
        }
        if (live) setDrawn({ doc })
      } catch (e) {
        if (live && !(e instanceof Error && e.name === 'RenderingCancelledException'))
          setDrawn({ doc, failed: reasonOf(e) })
      }
    })()
    return () => {
      live = false
      task?.cancel()
    }
  }, [doc, pixelWidth])

  const pages = doc?.numPages ?? 0
  const failed = current?.kind === 'failed' ? current.reason : drawn?.doc === doc && drawn?.failed
  const ready = doc && drawn?.doc === doc && !drawn.failed

  return (
    <section ref={box} aria-label={t('report.preview.label')} className="pdf-preview">
      <p role="status" className={ready ? 'visually-hidden' : undefined}>
        {ready
          ? t('report.preview.ready', { count: pages })
          : !failed && t('report.preview.loading')}
      </p>
      {failed && (
        <p role="alert" className="problems">
          {t('report.preview.failed', { reason: failed })}
        </p>
      )}
      {doc && (
        <ol className="pdf-pages">
          {Array.from({ length: pages }, (_, i) => (
            <li key={i}>
              <canvas
                ref={(el) => {
                  canvases.current[i] = el
                }}
                role="img"
                aria-label={t('report.preview.page', { page: i + 1, pages })}
              />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
