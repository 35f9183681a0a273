import { createHash } from 'node:crypto'
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { schemaFileKind } from '../../src/core/instrument/catalogue-data'
import { readSchemaFiles, schemasDir } from '../../src/cli/schema-files'
import { fixtures } from '../helpers/files'

/*
 * Published versions are immutable: an assessment names the version it was filled in against and
 * must mean the same thing for ever. Adding a file here is the moment it is published.
 */
const PUBLISHED: Record<string, string> = {
  'bar/1.0.0.json': 'eba90c5612398e77f0dc8965ede0047407fac6ccca6cd02d1e7cfed6378a12b0',
  'bar/1.1.0.json': '2b2239a0d55e75470ebc188fce1f13ea3fe850d6e14086ada7acb06df9807a54',
  'bar/1.2.0.json': '04c03ac9032a969c8deab7b27a9a91704eba68dec7b66ce0046423380ae054d3',
  'fml/1.0.0.json': '9d6d511bdfef89daa5cb450abb6a535d569c7167716ec7fa0fb51f1bc78f13d9',
  'vocabulary/1.0.0.json': 'f2b565cd910a6aca1dc9a8cfe8eba970dfce987c03a935a12fa49408783e29d3',
  'crosswalk/bar-1.0.0__fml-1.0.0.json':
    '83b4192cbef7d79b5d093c9a06acef9b02a412b2ce0edea6bd0cc66dd91708f2',
  'crosswalk/bar-1.1.0__fml-1.0.0.json':
    '72183050bce012492e2ee47134672017519547e45b9ec5afeff71a67565c85b4',
  'crosswalk/bar-1.2.0__fml-1.0.0.json':
    'b83fce92697014d4b111d02b53b22e12e1021ee926034a68a6302e640e361853',
}

/** One example assessment per published instrument version, frozen as it was exported. */
const FROZEN: Record<string, string> = {
  'bar-1.0.0.json': '74a137d7d1a484b21c8af1a89a1d415e428d6aa7e0609edbb59c16d68f77225f',
  'bar-1.1.0.json': '5fcd24a91086dbd83f753da4bbc784dfc310d3ce541ed71017760d344d2775d5',
  'bar-1.2.0.json': '241b6e584a97c6d1d9a7b4e886d540dda967accddc4f575bd34bc47e494b3b91',
  'fml-1.0.0.json': '8969eb831ad5b1240ad3141f67a104edba237c2edbdae3cefd1ed8b8e9150c1f',
}

/** SHA-256 of a file's text with LF line ends, so a checkout with CRLF hashes the same. */
function sha256(path: string): string {
  const text = readFileSync(path, 'utf8').replace(/\r\n/g, '\n')
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

function changed(pins: Record<string, string>, dir: string): string[] {
  return Object.entries(pins).flatMap(([file, pin]) =>
    sha256(join(dir, file)) === pin ? [] : [file],
  )
}

describe('published files', () => {
  it('pins every instrument, vocabulary and crosswalk file in schemas/', () => {
    const versioned = readSchemaFiles()
      .map((f) => f.path)
      .filter((p) => schemaFileKind(p) !== 'other')
      .sort()
    const unpinned = versioned.filter((p) => !(p in PUBLISHED))
    expect(
      unpinned,
      'a new file in schemas/: add its SHA-256 to PUBLISHED in test/schemas/published-files.test.ts once it is published',
    ).toEqual([])
    expect(Object.keys(PUBLISHED).sort(), 'a pinned file is missing from schemas/').toEqual(
      versioned,
    )
  })

  it('finds every published file unchanged', () => {
    expect(
      changed(PUBLISHED, schemasDir),
      'a published version changed: never edit it, make a new version (e.g. bar/1.2.0.json with a migration from the one before) instead',
    ).toEqual([])
  })

  it('finds every frozen example assessment unchanged, and no other', () => {
    const dir = join(fixtures, 'frozen')
    expect(readdirSync(dir).sort()).toEqual(Object.keys(FROZEN).sort())
    expect(
      changed(FROZEN, dir),
      'a frozen example changed: it stands for files users exported; add a new one instead',
    ).toEqual([])
  })
})
