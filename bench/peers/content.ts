/**
 * What our form shows for an instrument in Dutch, as final strings: the one source from which
 * the content-equal floor, the rjsf page and the SurveyJS page are made, so they show the same
 * labels, descriptions, help texts, term names and option texts with the same inputs. Items with
 * `visibleWhen` are left out: our form does not show them at mount, and no benchmark click
 * opens them.
 */
export interface PeerContent {
  key: string
  /** The page heading, "Voorbeeld: <title> <version>". */
  heading: string
  chrome: Chrome
  meta: Meta
  sections: PeerSection[]
  /** Items shown at mount, over all sections. */
  items: number
  /** Inputs (input and textarea elements) of the items and the assessment details. */
  inputs: number
}

export interface Chrome {
  skip: string
  appName: string
  tagline: string
  languageLabel: string
  languages: string[]
  navLabel: string
  nav: string[]
  sectionsNav: string
  /** "Nog niet beantwoord: 69 items nog open". */
  open: string
  /** The FML cover's "Alle overige items: Norm", or null. */
  norm: string | null
  saveStatus: string
  nextOpen: string
  nextError: string
  check: string
  itemKeys: string
  shortcuts: { nextOpen: string; nextError: string }
}

export interface Meta {
  title: string
  roleLegend: string
  roles: string[]
  role: string
  authorName: string
  employee: string
  employeeHint: string
  assessmentDate: string
  validUntil: string
  dateFormat: string
}

export interface PeerSection {
  id: string
  label: string
  description?: string
  /** The capacity scale explained once for the section (BAR). */
  scale?: { summary: string; rows: { label: string; description: string }[] }
  items: PeerItem[]
}

export interface PeerOption {
  code: string
  label: string
  description?: string
}

export interface ItemBase {
  id: string
  /** Position among the items shown, from 0: the name every page gives the item's inputs. */
  n: number
  code?: string
  label: string
  /** "verplicht". */
  required?: string
  /** "ICF b1400, d160". */
  icf?: string
  help?: string
  /** "Begrippen:" and the term names. */
  terms?: { label: string; names: string[] }
  /** "Antwoord wissen", on items whose answer a button clears. */
  clear?: string
}

export type PeerItem = ItemBase &
  (
    | { kind: 'single' | 'multiple'; options: PeerOption[] }
    | {
        kind: 'capacity'
        levelLegend: string
        levels: PeerOption[]
        quantitiesTitle: string
        quantities: { label: string; unit: string; hint: string }[]
        texts: { label: string; rows: number }[]
      }
    | { kind: 'text'; rows: number; maxLength: number }
    | { kind: 'quantity'; unit: string; hint: string }
    | { kind: 'date'; hint: string }
  )

/** What the page around the form shows (./pages/chrome.tsx): the same on every page but the bare floor. */
export interface PeerFrame {
  heading: string
  chrome: Chrome
  sections: { id: string; label: string; items: number }[]
}

export function frameOf(content: PeerContent): PeerFrame {
  return {
    heading: content.heading,
    chrome: content.chrome,
    sections: content.sections.map((s) => ({ id: s.id, label: s.label, items: s.items.length })),
  }
}
