// `npm run bench`: figures and ratios measured side by side in one run (not timed tests).
// BENCH_EVENTS (default 20000) sizes the network; its database is kept in data/bench-<N>/ and reused.
import os from 'node:os'
import { load, print, ratio, startPlatform } from './lib'

const events = Number(process.env.BENCH_EVENTS ?? 20000)
const duration = Number(process.env.BENCH_SECONDS ?? 10)

console.log(
  `# agenda bench — ${new Date().toISOString()} — ${os.cpus().length} × ${os.cpus()[0]?.model} — ${Math.round(os.totalmem() / 2 ** 30)} GB — Node ${process.version} — ${events} events`,
)
const platform = await startPlatform({ dataDir: `data/bench-${events}`, events })
try {
  // The baseline: a file from public/, the cheapest answer the site server gives (its static-file handler).
  const staticPage = `${platform.site}/favicon.svg`
  const warm = async (url: string) => {
    for (let i = 0; i < 20; i++) await fetch(url).then((r) => r.arrayBuffer())
  }

  await warm(staticPage)
  const baseline = await load(staticPage, { duration })
  print('static page throughput (10 connections)', baseline.requestsPerSecond, 'req/s')
  const health = await load(`${platform.site}/healthz`, { duration })
  print('site /healthz throughput (10 connections)', health.requestsPerSecond, 'req/s')
  ratio('site /healthz ÷ static page', health.requestsPerSecond, baseline.requestsPerSecond)
  const cmsHealth = await load(`${platform.cms}/healthz`, { duration })
  print('cms /healthz throughput (10 connections)', cmsHealth.requestsPerSecond, 'req/s')

  const agendaUrl = `${platform.site}/eventi`
  if ((await fetch(agendaUrl)).ok) {
    await warm(agendaUrl)
    const agenda = await load(agendaUrl, { duration })
    print('/eventi throughput (10 connections)', agenda.requestsPerSecond, 'req/s')
    print('/eventi latency p50', agenda.p50, 'ms')
    ratio('/eventi ÷ static page (target ≥ 0.5)', agenda.requestsPerSecond, baseline.requestsPerSecond)
  }

  // Sequential requests, each address asked once (a throwaway parameter defeats the page cache), so every
  // figure is a real query and render; the first round only warms the search index and the code paths.
  const sequential = async (label: string, paths: string[], target = '') => {
    const timings: number[] = []
    for (let round = 0; round < 4; round++)
      for (const path of paths) {
        const url = `${platform.site}${path}${path.includes('?') ? '&' : '?'}nocache=${round}-${Math.random()}`
        const t = performance.now()
        const res = await fetch(url)
        await res.arrayBuffer()
        if (!res.ok) throw new Error(`${url}: ${res.status}`)
        if (round > 0) timings.push(performance.now() - t)
      }
    timings.sort((a, b) => a - b)
    print(`${label} p50 (uncached, sequential)${target}`, timings[Math.floor(timings.length / 2)] ?? 0, 'ms')
    print(`${label} p95 (uncached, sequential)`, timings[Math.floor(timings.length * 0.95)] ?? 0, 'ms')
  }
  const words = ['citta', 'lettura', 'perche', 'storie piccine', 'burattini', 'fumetto', 'bergamo', 'laboratorio']
  await sequential(
    'search /eventi.json?q=',
    words.map((q) => `/eventi.json?q=${encodeURIComponent(q)}`),
    ' (target ≤ 50 ms)',
  )
  await sequential(
    'search /eventi?q= (whole page)',
    words.map((q) => `/eventi?q=${encodeURIComponent(q)}`),
  )
  await sequential('/eventi without filters', ['/eventi', '/eventi?pagina=2', '/eventi?sistema=valle-seriana'])
  const month = new Date().toISOString().slice(0, 7)
  await sequential('month view /eventi/calendario', [`/eventi/calendario?mese=${month}`])
  await sequential('sitemap index /sitemap.xml', ['/sitemap.xml'])
  const index = await (await fetch(`${platform.site}/sitemap.xml`)).text()
  const parts = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname)
  await sequential(`sitemap parts (${parts.length}: the pages, events 10,000 a part)`, parts, ' (target ≤ 200 ms)')

  // BENCH_ONLY=ical,load runs a subset of these modules (the agenda figures above always run).
  // Each module's `bench` gets the platform; those with a process of their own (newsletter, registration-notices) ignore it.
  const only = process.env.BENCH_ONLY?.split(',')
  for (const name of [
    'ical',
    'load',
    'lighthouse',
    'newsletter',
    'auth',
    'registrations',
    'registration-notices',
    'reports',
    'statistics',
    'print',
    'import',
  ]) {
    if (only && !only.includes(name)) continue
    const mod = (await import(`./${name}.ts`)) as { bench?: (p: typeof platform) => Promise<void> }
    await mod.bench?.(platform)
  }
} finally {
  await platform.stop()
}
