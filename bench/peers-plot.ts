import { PAGES, type Sizes } from './peers-report'

const COLOURS: Record<string, string> = {
  ours: '#1d4f91',
  rjsf: '#c0392b',
  surveyjs: '#1e8449',
  floor: '#7d3c98',
  'floor-bare': '#7f8c8d',
}
const DASHED = new Set(['floor', 'floor-bare'])

const W = 460
const H = 320
const M = { top: 40, right: 40, bottom: 58, left: 60 }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/** 1-2-5 steps from at or below `min` to at or above `max`: the gridlines of a log axis. */
function logTicks(min: number, max: number): number[] {
  const all: number[] = []
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++)
    for (const f of [1, 2, 5]) all.push(f * 10 ** e)
  const lo = all.filter((v) => v <= min).at(-1) ?? (all[0] as number)
  const hi = all.find((v) => v >= max) ?? (all.at(-1) as number)
  return all.filter((v) => v >= lo && v <= hi)
}

const FRAME_MS = 1000 / 60

function panel(
  sizes: Sizes,
  keys: string[],
  labels: Record<string, string[]>,
  rate: string,
  x0: number,
) {
  const values = keys.flatMap((k) =>
    PAGES.flatMap((p) => {
      const v = sizes[k]?.[rate]?.[p]?.keystroke_p95_ms
      return v ? [v] : []
    }),
  )
  const ys = logTicks(Math.min(FRAME_MS, ...values), Math.max(FRAME_MS, ...values))
  const lo = Math.log10(ys[0] as number)
  const hi = Math.log10(ys.at(-1) as number)
  const pw = W - M.left - M.right
  const ph = H - M.top - M.bottom
  const x = (i: number) => x0 + M.left + (keys.length === 1 ? pw / 2 : (i * pw) / (keys.length - 1))
  const y = (v: number) => M.top + ph - ((Math.log10(v) - lo) / (hi - lo)) * ph
  const out: string[] = [
    `<text x="${x0 + M.left + pw / 2}" y="22" text-anchor="middle" font-weight="bold">CPU ${esc(rate)}</text>`,
  ]
  for (const t of ys)
    out.push(
      `<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${y(t)}" y2="${y(t)}" stroke="#dde3ea"/>`,
      `<text x="${x0 + M.left - 6}" y="${y(t) + 4}" text-anchor="end">${t}</text>`,
    )
  out.push(
    `<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${y(FRAME_MS)}" y2="${y(FRAME_MS)}" stroke="#4a5361" stroke-dasharray="2 3"/>`,
    `<text x="${x0 + M.left + 4}" y="${y(FRAME_MS) + 13}" fill="#4a5361">one frame (16.7 ms)</text>`,
  )
  keys.forEach((k, i) => {
    const [a = k, b = ''] = labels[k] ?? []
    out.push(
      `<line x1="${x(i)}" x2="${x(i)}" y1="${M.top + ph}" y2="${M.top + ph + 4}" stroke="#1b1f24"/>`,
      `<text x="${x(i)}" y="${M.top + ph + 18}" text-anchor="middle">${esc(a)}</text>`,
      `<text x="${x(i)}" y="${M.top + ph + 32}" text-anchor="middle" fill="#4a5361">${esc(b ?? '')}</text>`,
    )
  })
  out.push(
    `<line x1="${x0 + M.left}" x2="${x0 + M.left + pw}" y1="${M.top + ph}" y2="${M.top + ph}" stroke="#1b1f24"/>`,
    `<line x1="${x0 + M.left}" x2="${x0 + M.left}" y1="${M.top}" y2="${M.top + ph}" stroke="#1b1f24"/>`,
    `<text x="${x0 + M.left + pw / 2}" y="${H - 6}" text-anchor="middle">items at mount</text>`,
    `<text transform="translate(${x0 + 14} ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">keystroke p95, ms (log scale)</text>`,
  )
  for (const p of PAGES) {
    const pts = keys.flatMap((k, i) => {
      const v = sizes[k]?.[rate]?.[p]?.keystroke_p95_ms
      return v === null || v === undefined ? [] : [[x(i), y(v)] as const]
    })
    if (!pts.length) continue
    const dash = DASHED.has(p) ? ' stroke-dasharray="6 4"' : ''
    out.push(
      `<polyline fill="none" stroke="${COLOURS[p]}" stroke-width="${p === 'ours' ? 3 : 2}"${dash} points="${pts.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`,
      ...pts.map(
        ([a, b]) =>
          `<circle cx="${a.toFixed(1)}" cy="${b.toFixed(1)}" r="3.5" fill="${COLOURS[p]}"/>`,
      ),
    )
  }
  return out.join('\n')
}

/**
 * The README's plot: keystroke p95 (median over rounds) against the instrument, one line per
 * page, a panel per CPU rate. `labels[size]` is the two lines under its tick.
 */
export function keystrokePlot(
  sizes: Sizes,
  keys: string[],
  labels: Record<string, string[]>,
  rates: string[],
  caption: string,
): string {
  const width = W * rates.length
  const legendY = H + 8
  const legend = PAGES.map((p, i) => {
    const lx = 24 + i * ((width - 48) / PAGES.length)
    const dash = DASHED.has(p) ? ' stroke-dasharray="6 4"' : ''
    return [
      `<line x1="${lx}" x2="${lx + 28}" y1="${legendY + 10}" y2="${legendY + 10}" stroke="${COLOURS[p]}" stroke-width="${p === 'ours' ? 3 : 2}"${dash}/>`,
      `<text x="${lx + 34}" y="${legendY + 14}">${esc(p === 'floor' ? 'floor (content-equal)' : p)}</text>`,
    ].join('\n')
  })
  const height = legendY + 44
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', Arial, sans-serif" font-size="12" fill="#1b1f24">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...rates.map((r, i) => panel(sizes, keys, labels, r, i * W)),
    ...legend,
    `<text x="${width / 2}" y="${height - 6}" text-anchor="middle" fill="#4a5361">${esc(caption)}</text>`,
    '</svg>',
    '',
  ].join('\n')
}
