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
  const staticPage = `${platform.site}/bench/static`
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

  const timings: number[] = []
  for (const q of ['citta', 'lettura', 'perche', 'storie piccine', 'burattini', 'fumetto', 'bergamo', 'laboratorio']) {
    for (let i = 0; i < 5; i++) {
      const t = performance.now()
      const res = await fetch(`${platform.site}/eventi.json?q=${encodeURIComponent(q)}`)
      await res.arrayBuffer()
      if (i > 0) timings.push(performance.now() - t)
    }
  }
  timings.sort((a, b) => a - b)
  print('search /eventi.json?q= p50 (warm, sequential)', timings[Math.floor(timings.length / 2)] ?? 0, 'ms')
  print('search /eventi.json?q= p95 (warm, sequential)', timings[Math.floor(timings.length * 0.95)] ?? 0, 'ms')

  for (const name of ['ical', 'load', 'newsletter']) {
    const mod = await import(`./${name}.ts`).catch(() => null)
    if (mod?.bench) await mod.bench(platform)
  }
} finally {
  await platform.stop()
}
