// Agenda under load: 100 concurrent clients on /eventi for 30 s (autocannon). The target is zero errors,
// zero timeouts and zero 5xx. Called by bench/run.ts (`npm run bench`) through `bench(platform)`, or alone:
//   node --import tsx bench/load.ts                      (starts its own platform, BENCH_EVENTS events)
//   LOAD_URL=http://localhost:4321 node --import tsx bench/load.ts     (against a running site)
// LOAD_CONNECTIONS and LOAD_SECONDS change the load; LOAD_PATHS (comma-separated) the pages.
import { pathToFileURL } from 'node:url'
import autocannon from 'autocannon'
import { type Platform, print, startPlatform } from './lib'

const connections = Number(process.env.LOAD_CONNECTIONS ?? 100)
const duration = Number(process.env.LOAD_SECONDS ?? 30)
const paths = (process.env.LOAD_PATHS ?? '/eventi').split(',').filter(Boolean)

export type LoadReport = {
  path: string
  requests: number
  requestsPerSecond: number
  p50: number
  p97_5: number
  p99: number
  max: number
  errors: number
  timeouts: number
  status5xx: number
  status4xx: number
}

/** One autocannon run; every answer's status is counted, so a 5xx can never hide behind an average. */
export const hammer = async (site: string, path: string): Promise<LoadReport> => {
  const result = await autocannon({ url: `${site}${path}`, connections, duration, timeout: 10 })
  return {
    path,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    status5xx: result['5xx'],
    status4xx: result['4xx'],
  }
}

/** Runs the load on each path, prints the figures, and says whether the target held. */
export const bench = async (platform: Pick<Platform, 'site'>): Promise<boolean> => {
  let ok = true
  for (const path of paths) {
    // Warm the caches the way real traffic would before measuring.
    for (let i = 0; i < 20; i++) await fetch(`${platform.site}${path}`).then((r) => r.arrayBuffer())
    const r = await hammer(platform.site, path)
    const label = `${path} under ${connections} concurrent clients for ${duration} s`
    print(`${label}: throughput`, r.requestsPerSecond, 'req/s')
    print(`${label}: requests`, r.requests, 'requests')
    print(`${label}: latency p50`, r.p50, 'ms')
    print(`${label}: latency p97.5`, r.p97_5, 'ms')
    print(`${label}: latency p99`, r.p99, 'ms')
    print(`${label}: latency max`, r.max, 'ms')
    print(`${label}: errors + timeouts (target 0)`, r.errors + r.timeouts, 'errors')
    print(`${label}: 5xx answers (target 0)`, r.status5xx, 'answers')
    print(`${label}: 4xx answers`, r.status4xx, 'answers')
    if (r.errors + r.timeouts + r.status5xx > 0 || r.requests === 0) ok = false
  }
  return ok
}

const runAlone = import.meta.url === pathToFileURL(process.argv[1] ?? '').href
if (runAlone) {
  const events = Number(process.env.BENCH_EVENTS ?? 20000)
  const platform: Pick<Platform, 'site'> & { stop?: () => Promise<void> } = process.env.LOAD_URL
    ? { site: process.env.LOAD_URL.replace(/\/$/, '') }
    : await startPlatform({ dataDir: `data/bench-${events}`, events })
  let ok = false
  try {
    ok = await bench(platform)
  } finally {
    await platform.stop?.()
  }
  console.log(ok ? 'load: target met (no errors, no 5xx)' : 'load: TARGET MISSED')
  process.exit(ok ? 0 : 1)
}
