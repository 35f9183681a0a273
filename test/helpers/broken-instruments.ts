interface Expectation {
  /** What the zod loader must report: [JSON path, English message (a prefix is enough)]. */
  loader: [string, string][]
  /** What ajv must report against the JSON Schema: [instancePath, keyword], or 'accepts' for a rule JSON Schema cannot express. */
  ajv: [string, string][] | 'accepts'
}

/** Every file in test/fixtures/instruments/broken/, with the problems each validator must find. */
export const brokenFixtures: Record<string, Expectation> = {
  'unknown-field': {
    loader: [['$.sections[0].items[0]', 'Unknown field: colour']],
    ajv: [['/sections/0/items/0', 'additionalProperties']],
  },
  'missing-english-label': {
    loader: [['$.sections[0].items[1].label.en', 'Text missing in English']],
    ajv: [['/sections/0/items/1/label', 'required']],
  },
  'empty-dutch-label': {
    loader: [['$.sections[0].items[3].answer.options[1].label.nl', 'Text missing in Dutch']],
    ajv: [['/sections/0/items/3/answer/options/1/label/nl', 'pattern']],
  },
  'bad-semver': {
    loader: [['$.version', '"1.0" is not a valid version number (semver, e.g. 1.0.0)']],
    ajv: [['/version', 'pattern']],
  },
  'bad-icf-code': {
    loader: [
      [
        '$.sections[0].items[0].icf[0]',
        '"x123" is not an ICF code (b, s, d or e followed by digits, e.g. d4300)',
      ],
    ],
    ajv: [['/sections/0/items/0/icf/0', 'pattern']],
  },
  'unknown-answer-kind': {
    loader: [['$.sections[0].items[4].answer.kind', 'Unknown answer kind: "slider"']],
    ajv: [['/sections/0/items/4/answer', 'oneOf']],
  },
  'unknown-unit': {
    loader: [['$.sections[0].items[4].answer.unit', 'Invalid option: expected one of "kg"|"N"|']],
    ajv: [['/sections/0/items/4/answer', 'oneOf']],
  },
  'duplicate-item-id': {
    loader: [
      ['$.sections[0].items[1].id', 'Item id "keuze" occurs more than once'],
      ['$.sections[0].items[2].id', 'Item id "keuze" occurs more than once'],
    ],
    ajv: 'accepts',
  },
  'duplicate-option-code': {
    loader: [
      ['$.sections[0].items[1].answer.options[0].code', 'Option code "ja" occurs more than once'],
      ['$.sections[0].items[1].answer.options[1].code', 'Option code "ja" occurs more than once'],
      ['$.sections[0].items[2].visibleWhen.anyOf[0]', 'Item "keuze" has no option "nee"'],
    ],
    ajv: 'accepts',
  },
  'dangling-term': {
    loader: [
      ['$.sections[0].items[0].terms[1]', 'Term "onbekend-begrip" is not in the vocabulary'],
    ],
    ajv: 'accepts',
  },
  'condition-missing-item': {
    loader: [
      [
        '$.sections[0].items[2].visibleWhen.item',
        'Condition refers to item "bestaat-niet", which does not exist',
      ],
    ],
    ajv: 'accepts',
  },
  'condition-missing-option': {
    loader: [
      ['$.sections[0].items[2].visibleWhen.anyOf[0]', 'Item "keuze" has no option "misschien"'],
    ],
    ajv: 'accepts',
  },
  'partial-ranks': {
    loader: [['$.sections[0].items[3].answer.options', 'Give a rank on every option or on none']],
    ajv: 'accepts',
  },
  'unknown-domain': {
    loader: [['$.sections[0].domain', 'Domain "mentaal" does not exist in this instrument']],
    ajv: 'accepts',
  },
  'several-problems': {
    loader: [
      ['$.version', '"v2" is not a valid version number (semver, e.g. 1.0.0)'],
      ['$.sections[0].items[0].label.nl', 'Text missing in Dutch'],
      ['$.sections[0].items[1]', 'Unknown field: extra'],
    ],
    ajv: [
      ['/version', 'pattern'],
      ['/sections/0/items/0/label', 'required'],
      ['/sections/0/items/1', 'additionalProperties'],
    ],
  },
}
