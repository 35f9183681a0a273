import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { spinMs } from './form-page'
import { DATA_ITEM_ID } from './form-probe'
import { launchChromium } from './lib/browser'
import { browserMachine } from './lib/machine'
import { pretty } from './lib/pretty'
import { writeReadmeBlock } from './lib/readme-block'
import { serveStatic, type StaticServer } from './lib/static-server'
import { measurePeerPage, type PeerPage, type PeerSample } from './peers-page'
import {
  CHOICES_PER_ROUND,
  FIELDS_PER_ROUND,
  KEYSTROKES_PER_FIELD,
  peersPlan,
  type PeersPlan,
} from './peers-plan'
import { keystrokePlot } from './peers-plot'
import {
  PAGES,
  TARGETS,
  compactWeightTable,
  markdownTable,
  pageMetrics,
  ratios,
  verdicts,
  weightTable,
  type Cell,
  type PageName,
  type Sizes,
} from './peers-report'
import { buildOurApp, buildPeerPages } from './peers/build'
import { peerSizes, type PeerSize, type SizeFacts } from './peers/sizes'

const CPU_RATES = [1, 4]
// Each round loads every page at every size and rate once; three keep the whole benchmark near
// 15 minutes on two cores. BENCH_ROUNDS is for quick checks while developing.
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))

export const PEER_PAGES: Record<PageName, PeerPage> = {
  ours: { name: 'ours', boxes: DATA_ITEM_ID, keyBy: 'id', radioCodes: true },
  floor: { name: 'floor', boxes: DATA_ITEM_ID, keyBy: 'id', radioCodes: true },
  'floor-bare': { name: 'floor-bare', boxes: DATA_ITEM_ID, keyBy: 'id', radioCodes: true },
  rjsf: {
    name: 'rjsf',
    boxes: { all: '.bench-item', one: '.bench-item-{key}' },
    keyBy: 'n',
    radioCodes: false,
  },
  surveyjs: {
    name: 'surveyjs',
    boxes: {
      all: '.sd-element-wrapper[data-key^="q"]',
      one: '.sd-element-wrapper[data-key="q{key}0"]',
    },
    keyBy: 'n',
    radioCodes: true,
  },
}

function log(line: string) {
  console.log(`[bench:peers] ${line}`)
}

interface Servers {
  app: StaticServer | null
  appDir: string
  peers: StaticServer
  peersDir: string
}

function pageUrl(s: Servers, page: PageName, size: PeerSize): string | null {
  if (page === 'ours')
    return s.app && `${s.app.url}/#/preview/${size.instrument.id}/${size.instrument.version}`
  return `${s.peers.url}/${page}/index.html?size=${size.key}`
}

async function writeAtomic(file: string, text: string) {
  writeFileSync(`${file}.tmp`, await pretty(text, file))
  renameSync(`${file}.tmp`, file)
}

const gzipCache = new Map<string, number>()
/** Gzip -9 bytes of the scripts one load requested, read from the folder they were served from. */
function gzipBytes(dir: string, paths: string[]): number {
  let total = 0
  for (const p of new Set(paths)) {
    const file = join(dir, decodeURIComponent(p))
    let n = gzipCache.get(file)
    if (n === undefined) {
      n = gzipSync(readFileSync(file), { level: 9 }).length
      gzipCache.set(file, n)
    }
    total += n
  }
  return total
}

const fmt = (s: PeerSample) =>
  s.ok
    ? `${s.mountMs?.toFixed(0)}ms ${s.keyMs.length}k ${s.choiceMs.length}c`
    : `FAILED (${s.note ?? '?'})`

/**
 * The peers benchmark (issue 16): our form beside @rjsf/core and survey-react-ui showing the same
 * content, a content-equal react-hook-form floor and the bare floor, at five instrument sizes and
 * CPU 1x and 4x; see bench/README.md.
 */
export async function runPeersBench(root: string): Promise<boolean> {
  const sizes = peerSizes(root)
  const plans = new Map<string, PeersPlan>(
    sizes.map((s) => [s.key, peersPlan(s.key, s.instrument)]),
  )
  const loadBefore = loadavg()[0] as number
  // Outside the tree: nothing for lint or Git to see, and no clash with other work's dist/.
  const tmp = mkdtempSync(join(tmpdir(), 'bar-peers-bench-'))
  let browser: Browser | null = null
  let servers: Servers | null = null
  try {
    log(`building our app (with the synthetic instruments) and the peer pages in ${tmp}`)
    let appError: string | null = null
    const appDir = await buildOurApp(root, root, sizes, join(tmp, 'app')).catch((e: Error) => {
      appError = e.message
      console.error(`[bench:peers] OUR APP DID NOT BUILD, measuring the others only:\n${e.message}`)
      return null
    })
    const { peersDir, facts } = await buildPeerPages(root, sizes, tmp)
    servers = {
      app: appDir ? await serveStatic(appDir) : null,
      appDir: appDir ?? '',
      peers: await serveStatic(peersDir),
      peersDir,
    }
    browser = await launchChromium()
    const spin: Record<string, number> = {}
    for (const rate of CPU_RATES)
      spin[rate] = await spinMs(browser, `${servers.peers.url}/floor/index.html?size=-`, rate)

    // One load of every page first, discarded: the server, the disk and Chromium warm up.
    for (const rate of CPU_RATES)
      for (const page of PAGES) {
        const size = sizes[0] as PeerSize
        const url = pageUrl(servers, page, size)
        if (url)
          await measurePeerPage(browser, url, PEER_PAGES[page], plans.get(size.key) as PeersPlan, {
            cpuRate: rate,
            round: 0,
            interact: false,
          })
      }

    const samples = new Map<string, PeerSample[]>()
    const at = (size: string, rate: number, page: string) => `${size}|${rate}|${page}`
    const started = Date.now()
    for (let round = 0; round < ROUNDS; round++) {
      for (const rate of CPU_RATES)
        for (const [si, size] of sizes.entries()) {
          // Every page goes first in turn: no page always follows the same one.
          const shift = (round + si) % PAGES.length
          const order = [...PAGES.slice(shift), ...PAGES.slice(0, shift)]
          const line: string[] = []
          for (const page of order) {
            const url = pageUrl(servers, page, size)
            if (!url) continue
            const t0 = Date.now()
            const s = await measurePeerPage(
              browser,
              url,
              PEER_PAGES[page],
              plans.get(size.key) as PeersPlan,
              {
                cpuRate: rate,
                round,
                interact: true,
              },
            )
            if (s.foreign.length)
              log(`WARNING: requests outside 127.0.0.1: ${s.foreign.join(', ')}`)
            const list = samples.get(at(size.key, rate, page)) ?? []
            list.push(s)
            samples.set(at(size.key, rate, page), list)
            line.push(`${page} ${fmt(s)} ${((Date.now() - t0) / 1000).toFixed(1)}s`)
          }
          log(`round ${round + 1}/${ROUNDS} ${size.key} @${rate}x: ${line.join(' | ')}`)
        }
      log(`round ${round + 1} done after ${((Date.now() - started) / 1000).toFixed(0)} s`)
    }

    const result: Sizes = {}
    for (const size of sizes)
      for (const rate of CPU_RATES) {
        const cell = {} as Cell
        for (const page of PAGES) {
          const list = samples.get(at(size.key, rate, page)) ?? []
          const first = list.find((s) => s.ok)
          const dir = page === 'ours' ? servers.appDir : servers.peersDir
          cell[page] = pageMetrics(list, first ? gzipBytes(dir, first.scripts) : null)
          if (page === 'ours' && appError) cell[page].notes.push('our app did not build')
        }
        ;(result[size.key] ??= {})[`${rate}x`] = cell
      }
    const itemsAtMount = Object.fromEntries(
      Object.entries(facts).map(([k, f]) => [k, f.items_at_mount]),
    )
    const judged = verdicts(result, itemsAtMount)
    const first = spin[CPU_RATES[0] as number] as number
    const machine = {
      ...browserMachine(browser),
      load_avg_1m: { start: loadBefore, end: loadavg()[0] as number },
      cpu_rates: CPU_RATES,
      busy_loop_ms: spin,
      measured_slowdown: Object.fromEntries(
        CPU_RATES.map((r) => [r, Math.round(((spin[r] as number) / first) * 100) / 100]),
      ),
    }
    const versions = Object.fromEntries(
      [
        '@rjsf/core',
        '@rjsf/validator-ajv8',
        'survey-core',
        'survey-react-ui',
        'react-hook-form',
        'react',
      ].map((p) => [
        p,
        (
          JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as {
            version: string
          }
        ).version,
      ]),
    )
    const report = {
      benchmark: 'peers',
      machine,
      date: machine.date,
      rounds: ROUNDS,
      per_round: {
        keystrokes: `${KEYSTROKES_PER_FIELD} in each of up to ${FIELDS_PER_ROUND} fields`,
        choices: CHOICES_PER_ROUND,
      },
      versions,
      instruments: facts,
      measure:
        'Each page loaded fresh (own browser context, CPU throttled through CDP, scripts served no-store). mount: navigation start → the paint after every item box is in the DOM (rAF + MessageChannel); first_input: the same for the first item box with an input. keystroke / choice: keydown / pointerdown event.timeStamp → the paint after the input event it caused; each after the previous one was painted. p50/p95 per page load, then the median over rounds. heap: Runtime.getHeapUsage after HeapProfiler.collectGarbage, after mount. js_gzip_kb: gzip -9 of the scripts requested before the mount mark. dom_nodes: document.getElementsByTagName("*").length after mount.',
      notes: [
        'ours: the built app (a copy of the project with the synthetic instruments in schemas/), #/preview/<id>/<version>.',
        'floor: content-equal: our form markup, classes and stylesheet, every text our preview shows, react-hook-form register on the same native inputs; no app logic.',
        'floor-bare: the form benchmark floor (bench/floor): item labels and register only; dates as text inputs.',
        'rjsf / surveyjs: the same texts and inputs per item, generated from the instrument (bench/peers/generate.ts), inside the same static page frame (header, menu, sidebar, toolbar); their section containers get the content-visibility rule our stylesheet gives sections after the first.',
        'size 64: the FML 1.0.0 (64 rubriek items and 7 cover items, 69 at mount); bar: the latest BAR; 128/256/512: synthetic, 16 items per section (11 single choices of 3–5 options with descriptions, 2 multiple choices, 2 free texts, 1 quantity).',
        'FML keystrokes go into its two date items (it has no free text at mount).',
      ],
      targets: TARGETS,
      verdicts: judged,
      sizes: result,
      ratios: ratios(result),
    }
    mkdirSync(join(root, 'bench/results'), { recursive: true })
    const jsonFile = join(root, 'bench/results/peers.json')
    await writeAtomic(jsonFile, JSON.stringify(report))

    const labels: Record<string, string> = Object.fromEntries(
      sizes.map((s) => {
        const f = facts[s.key] as SizeFacts
        return [
          s.key,
          s.synthetic
            ? `${s.key} synthetic`
            : `${f.id.toUpperCase()} ${f.version} (${f.items_at_mount})`,
        ]
      }),
    )
    const order = [...sizes]
      .sort((a, b) => (facts[a.key]?.items_at_mount ?? 0) - (facts[b.key]?.items_at_mount ?? 0))
      .map((s) => s.key)
    const readme = join(root, 'README.md')
    const table = (await pretty(markdownTable(result, order, labels), readme)).trim()
    const weights = (await pretty(weightTable(result, order, labels, '1x'), readme)).trim()
    const compact = (await pretty(compactWeightTable(result, order, labels, '1x'), readme)).trim()
    console.log(`\n${table}\n\n${weights}\n`)
    for (const v of judged)
      console.log(
        `${v.holds === null ? '?' : v.holds ? '✓' : '✗'} ${v.rule}${v.failures.length ? `: ${v.failures.join('; ')}` : ''}`,
      )

    const date = machine.date.slice(0, 10)
    const where = `${machine.cpus} CPUs (${machine.cpu_model ?? 'unknown'}), Chromium ${machine.chromium}`
    const tickLabels = Object.fromEntries(
      sizes.map((s) => [
        s.key,
        s.synthetic
          ? [s.key, 'synthetic']
          : [s.instrument.id.toUpperCase(), String(facts[s.key]?.items_at_mount)],
      ]),
    )
    const svg = keystrokePlot(
      result,
      order,
      tickLabels,
      CPU_RATES.map((r) => `${r}x`),
      `Keystroke to next paint, p95 (median of ${ROUNDS} rounds), ${date}, ${where}`,
    )
    writeFileSync(join(root, 'bench/results/peers-keystroke.svg'), svg)

    const marks = judged.map((v) => `${v.holds === null ? '?' : v.holds ? '✓' : '✗'} ${v.rule}`)
    const block = [
      `Peers benchmark (\`npm run bench -- peers\`, ${date}, ${where}, Node ${machine.node}, ${ROUNDS} rounds, pages alternating).`,
      'Cells: ours / rjsf / surveyjs / floor / floor-bare in ms, median over rounds of each page load’s p95 (mount: of each load’s mount); the lowest of the three tools in bold.',
      `How each page is made and measured, and what the figures mean: [bench/README.md](bench/README.md#peers). Raw figures and ratios: \`bench/results/peers.json\`.`,
      '',
      table,
      '',
      compact,
      '',
      ...marks.map((m) => `- ${m}`),
      '',
      '![Keystroke p95 against instrument size, CPU 1x and 4x](bench/results/peers-keystroke.svg)',
    ].join('\n')
    writeReadmeBlock(readme, 'peers', await pretty(block, readme))
    log('wrote bench/results/peers.json, bench/results/peers-keystroke.svg and the README block')
    return !appError && [...samples.values()].every((list) => list.some((s) => s.ok))
  } finally {
    await browser?.close()
    await servers?.app?.close()
    await servers?.peers.close()
    rmSync(tmp, { recursive: true, force: true })
  }
}
