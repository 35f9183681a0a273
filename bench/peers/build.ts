import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { readSchemaFiles } from '../../src/cli/schema-files'
import { buildCatalogue } from '../../src/core/instrument/catalogue'
import { formatIssues } from '../../src/core/issues/validation-issue'
import { copyProject } from '../lib/copy-project'
import { viteBuild } from '../lib/vite-build'
import { writePeerData, type PeerSize, type SizeFacts } from './sizes'

/**
 * Our app built from a copy of the project at `from` into `dir`, with the synthetic instruments of
 * `sizes` added to its schemas/ (checked as the app checks its shipped files); returns the dist.
 */
export async function buildOurApp(
  root: string,
  from: string,
  sizes: readonly PeerSize[],
  dir: string,
  viteArgs: string[] = [],
): Promise<string> {
  copyProject(root, from, dir)
  for (const s of sizes.filter((x) => x.synthetic)) {
    const folder = join(dir, 'schemas', s.instrument.id)
    mkdirSync(folder, { recursive: true })
    writeFileSync(
      join(folder, `${s.instrument.version}.json`),
      `${JSON.stringify(s.instrument, null, 2)}\n`,
    )
  }
  const { problems } = buildCatalogue(readSchemaFiles(join(dir, 'schemas')))
  if (problems.length)
    throw new Error(
      `schemas/ with the synthetic instruments has problems:\n${problems.map((p) => `${p.path}:\n${formatIssues(p.issues, 'en')}`).join('\n')}`,
    )
  await viteBuild(dir, viteArgs)
  return join(dir, 'dist')
}

/**
 * The other pages of the peers benchmark (rjsf, SurveyJS, the two floors) for `sizes`, built into
 * `<dir>/peers` from the forms generated into `<dir>/data`; returns that folder and what each
 * size holds.
 */
export async function buildPeerPages(
  root: string,
  sizes: readonly PeerSize[],
  dir: string,
  viteArgs: string[] = [],
): Promise<{ peersDir: string; facts: Record<string, SizeFacts> }> {
  const facts = writePeerData(root, [...sizes], join(dir, 'data'))
  process.env.PEERS_DATA = join(dir, 'data')
  process.env.PEERS_OUT = join(dir, 'peers')
  await viteBuild(root, ['--config', 'bench/peers/vite.config.ts', ...viteArgs])
  return { peersDir: join(dir, 'peers'), facts }
}
