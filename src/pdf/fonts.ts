import { Font } from '@react-pdf/renderer'

export interface FontSources {
  regular: string
  bold: string
}

let registered = false

/** Registers Inter (TTF, full Latin with ĳ, ≥, €, curly quotes): URLs in the browser, paths in Node. */
export function registerFonts(sources: FontSources) {
  if (registered) return
  Font.register({
    family: 'Inter',
    fonts: [
      { src: sources.regular, fontWeight: 400 },
      { src: sources.bold, fontWeight: 700 },
    ],
  })
  // Long words wrap at any character instead of running off the page.
  Font.registerHyphenationCallback((word) => (word.length > 24 ? [...word] : [word]))
  registered = true
}
