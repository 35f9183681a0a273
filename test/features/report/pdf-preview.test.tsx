// @vitest-environment jsdom
import '@testing-library/jest-dom/vitest'
import { act, cleanup, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { PdfPreview } from '../../../src/features/report/pdf-preview'
import { renderWithI18n } from '../../helpers/render'

// jsdom draws no canvas: pdf.js is replaced by a stand-in; test/e2e/pdf-preview.spec.ts draws for real.
const pdfjs = vi.hoisted(() => ({
  GlobalWorkerOptions: { workerSrc: '' },
  VerbosityLevel: { ERRORS: 0 },
  getDocument: vi.fn(),
}))
vi.mock('pdfjs-dist', () => pdfjs)
vi.mock('pdfjs-dist/build/pdf.worker.min.mjs?worker&url', () => ({
  default: '/assets/pdf.worker.js',
}))

class FixedWidth {
  constructor(private readonly callback: ResizeObserverCallback) {}
  observe() {
    this.callback(
      [{ contentBoxSize: [{ inlineSize: 600 }] } as unknown as ResizeObserverEntry],
      this as unknown as ResizeObserver,
    )
  }
  disconnect() {}
}

/** A document of `pages` A4 pages whose drawing ends when `finish` is called (or at once). */
function fakeDocument(pages: number, { hold = false } = {}) {
  const renders: { cancel: ReturnType<typeof vi.fn>; canvas: HTMLCanvasElement }[] = []
  let finish = () => {}
  const page = {
    getViewport: ({ scale }: { scale: number }) => ({ width: 595 * scale, height: 842 * scale }),
    render: ({ canvas }: { canvas: HTMLCanvasElement }) => {
      const task = {
        cancel: vi.fn(() => finish()),
        promise: hold ? new Promise<void>((resolve) => (finish = resolve)) : Promise.resolve(),
        canvas,
      }
      renders.push(task)
      return task
    },
  }
  const doc = { numPages: pages, getPage: vi.fn(() => Promise.resolve(page)) }
  const task = { promise: Promise.resolve(doc), destroy: vi.fn(() => Promise.resolve()) }
  return { doc, task, renders }
}

const pdf = () => new Blob(['%PDF-1.7'], { type: 'application/pdf' })

beforeEach(() => {
  vi.stubGlobal('ResizeObserver', FixedWidth)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  pdfjs.getDocument.mockReset()
})

describe('PdfPreview', () => {
  it('draws every page on a canvas named after its place, as wide as the preview', async () => {
    const { task, renders } = fakeDocument(3)
    pdfjs.getDocument.mockReturnValue(task)
    renderWithI18n(<PdfPreview pdf={pdf()} />)
    expect(screen.getByRole('status')).toHaveTextContent('Voorbeeld van de PDF wordt geladen…')

    expect(await screen.findByText("Voorbeeld van de PDF: 3 pagina's")).toBeInTheDocument()
    expect(screen.getAllByRole('img').map((c) => c.getAttribute('aria-label'))).toEqual([
      'Pagina 1 van 3',
      'Pagina 2 van 3',
      'Pagina 3 van 3',
    ])
    expect(renders.map((r) => r.canvas)).toEqual(screen.getAllByRole('img'))
    // 600 CSS pixels, rounded up to the next step of 256 device pixels.
    expect(renders.map((r) => r.canvas.width)).toEqual([768, 768, 768])
    expect(pdfjs.GlobalWorkerOptions.workerSrc).toBe('/assets/pdf.worker.js')
  })

  it('reads the PDF from memory, without eval, and asks for no font from elsewhere', async () => {
    pdfjs.getDocument.mockReturnValue(fakeDocument(1).task)
    renderWithI18n(<PdfPreview pdf={pdf()} />)
    await screen.findByText('Voorbeeld van de PDF: 1 pagina')
    const options = pdfjs.getDocument.mock.calls[0]?.[0] as Record<string, unknown>
    expect(new TextDecoder().decode(options.data as Uint8Array)).toBe('%PDF-1.7')
    expect(options).toMatchObject({ isEvalSupported: false, useSystemFonts: false })
    expect(options).not.toHaveProperty('url')
    expect(options).not.toHaveProperty('standardFontDataUrl')
    expect(options).not.toHaveProperty('cMapUrl')
  })

  it('names the pages in English on an English screen', async () => {
    pdfjs.getDocument.mockReturnValue(fakeDocument(2).task)
    renderWithI18n(<PdfPreview pdf={pdf()} />, 'en')
    expect(await screen.findByText('PDF preview: 2 pages')).toBeInTheDocument()
    expect(screen.getByRole('img', { name: 'Page 2 of 2' })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: 'PDF preview' })).toBeInTheDocument()
  })

  it('says why when the file cannot be read', async () => {
    pdfjs.getDocument.mockReturnValue({
      promise: Promise.reject(new Error('Invalid PDF structure.')),
      destroy: vi.fn(() => Promise.resolve()),
    })
    renderWithI18n(<PdfPreview pdf={pdf()} />)
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Het voorbeeld van de PDF kon niet getoond worden: Invalid PDF structure.',
    )
    expect(screen.queryByRole('img')).not.toBeInTheDocument()
    expect(screen.getByRole('status')).toBeEmptyDOMElement()
  })

  it('stops drawing and frees the document when it goes', async () => {
    const { task, renders } = fakeDocument(4, { hold: true })
    pdfjs.getDocument.mockReturnValue(task)
    const { unmount } = renderWithI18n(<PdfPreview pdf={pdf()} />)
    await vi.waitFor(() => expect(renders).toHaveLength(1))
    await act(async () => unmount())
    expect(renders[0]?.cancel).toHaveBeenCalledOnce()
    expect(task.destroy).toHaveBeenCalledOnce()
    expect(renders).toHaveLength(1)
  })
})
