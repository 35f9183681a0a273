/*
 * The language the user chose last time, read by a small script in index.html while the app
 * itself downloads. The first access to localStorage in a page costs milliseconds (the browser
 * opens the site's storage); done there, it no longer delays the app's first screen.
 *
 * This module has no imports: vite.config.ts puts its script into index.html, before the
 * Content-Security-Policy is in force.
 */

export const LANGUAGE_STORAGE_KEY = 'bar-studio.language'

/** `<html data-stored-language>`: the stored choice, or '' when there is none or storage is blocked. */
export const EARLY_LANGUAGE_ATTRIBUTE = 'storedLanguage'

export const EARLY_LANGUAGE_SCRIPT = `try{document.documentElement.dataset.${EARLY_LANGUAGE_ATTRIBUTE}=localStorage.getItem(${JSON.stringify(LANGUAGE_STORAGE_KEY)})||''}catch(e){document.documentElement.dataset.${EARLY_LANGUAGE_ATTRIBUTE}=''}`

/**
 * What the script in index.html found, once: later calls (and pages without the script, such as
 * tests) get undefined and read localStorage themselves.
 */
export function takeEarlyLanguage(): string | undefined {
  const data = globalThis.document?.documentElement?.dataset
  const value = data?.[EARLY_LANGUAGE_ATTRIBUTE]
  if (value !== undefined) delete data[EARLY_LANGUAGE_ATTRIBUTE]
  return value
}
