import { launchChromium } from './lib/browser'
import { serveStaticWithHeaders, builtPolicyHeader } from './builder-server'
import { spinMs } from './form-page'
const dir = 'bench/.builder-dist'
const s = await serveStaticWithHeaders(dir, { 'Content-Security-Policy': builtPolicyHeader(dir) })
const b = await launchChromium()
for (const r of [1, 4, 1, 4]) console.log(r, 'svg', await spinMs(b, s.url + '/favicon.svg', r), 'manifest', await spinMs(b, s.url + '/examples/' + process.argv[2], r))
await b.close(); await s.close()
