// iCal feed figures. Two ways to run:
//  - from `npm run bench` (bench/run.ts calls `bench(platform)`): over HTTP against the running site;
//  - alone: `node --import tsx bench/ical.ts` — in-process, so a build can be timed without the
//    feed memo: one system with BENCH_ICAL_EVENTS (default 1000) events, seeded once in data/bench-ical-<N>/.
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import type { Platform } from './lib'
import { print } from './lib'

const SYSTEMS = [
  'area-di-dalmine',
  'area-nord-ovest',
  'bassa-pianura-bergamasca',
  'seriate-laghi',
  'valle-seriana',
  'urbano-di-bergamo',
]

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? 0
const count = (ics: string) => ics.split('\r\nBEGIN:VEVENT\r\n').length - 1

const time = async (run: () => Promise<unknown>, times: number) => {
  const samples: number[] = []
  for (let i = 0; i < times; i++) {
    const t = performance.now()
    await run()
    samples.push(performance.now() - t)
  }
  return samples
}

/** Over HTTP: the first request of each system feed builds it, the next ones hit the memo or get a 304. */
export const bench = async (platform: Platform) => {
  const urls = SYSTEMS.map((s) => `${platform.site}/sistemi/${s}/calendario.ics`)
  const first: number[] = []
  let largest = { url: '', body: '', etag: '' }
  for (const url of urls) {
    const t = performance.now()
    const res = await fetch(url)
    const body = await res.text()
    first.push(performance.now() - t)
    if (res.ok && body.length > largest.body.length) largest = { url, body, etag: res.headers.get('etag') ?? '' }
  }
  print('ical system feed, events in the largest', count(largest.body), 'events')
  print('ical system feed, size of the largest', Buffer.byteLength(largest.body) / 1024, 'KiB')
  print('ical system feed first request (build) p50 over 6 systems, HTTP', median(first), 'ms')
  print('ical system feed first request (build) max over 6 systems, HTTP', Math.max(...first), 'ms')
  const hits = await time(() => fetch(largest.url).then((r) => r.arrayBuffer()), 50)
  print('ical system feed 200 from memo p50, HTTP', median(hits), 'ms')
  const gz = await fetch(largest.url, { headers: { 'accept-encoding': 'gzip' } })
  print('ical system feed gzip size', Number(gz.headers.get('content-length')) / 1024, 'KiB')
  const notModified = await time(
    () => fetch(largest.url, { headers: { 'if-none-match': largest.etag } }).then((r) => r.arrayBuffer()),
    100,
  )
  print('ical 304 p50, HTTP (target ≤ 5)', median(notModified), 'ms')
  print('ical 304 p95, HTTP', p95(notModified), 'ms')
}

/** One system with `events` published events (1 in 20 a weekly series), unique titles, real hooks. */
const seedSystem = async (payload: import('payload').Payload, events: number) => {
  const { plainTextToLexical } = await import('../collections/lib/lexical-text')
  const { fromWall, toWall } = await import('../collections/lib/recurrence')
  const base = { overrideAccess: true, depth: 0 } as const // bench fixtures, not a person's request
  const system = await payload.create({
    collection: 'systems',
    data: { name: 'Sistema Bibliotecario Valle Seriana', shortName: 'Valle Seriana', email: 'info@valle.example.org' },
    ...base,
  })
  const comuni = ['016004', '016091', '016207', '016024', '016189']
  const libraries = []
  for (const [i, comune] of comuni.entries())
    libraries.push(
      await payload.create({
        collection: 'libraries',
        data: { name: `Biblioteca ${i + 1}`, system: system.id, comune: comune as never, address: `Via Roma ${i + 1}` },
        ...base,
      }),
    )
  const category = await payload.create({ collection: 'categories', data: { name: 'Lettura ad alta voce' }, ...base })
  const audience = await payload.create({
    collection: 'audiences',
    data: { name: '3–6 anni', minAge: 3, maxAge: 6 },
    ...base,
  })
  const today = toWall(new Date())
  const at = (day: number, hour: number) =>
    fromWall(new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + day, hour, 30)))
  const text =
    'Letture ad alta voce di albi illustrati per bambine e bambini, con le bibliotecarie e i volontari di Nati per Leggere. Al termine un piccolo laboratorio creativo. '
  for (let i = 0; i < events; i++) {
    const weekly = i % 20 === 0
    const day = -30 + Math.floor((i * 360) / events)
    const start = at(day, 9 + (i % 10))
    await payload.create({
      collection: 'events',
      data: {
        title: `Storie per piccoli n. ${i + 1}`,
        summary: 'Storie, filastrocche e giochi per i più piccoli.',
        description: plainTextToLexical(text.repeat(2)) as never,
        system: system.id,
        library: libraries[i % libraries.length]?.id,
        start: start.toISOString(),
        end: new Date(start.getTime() + 3_600_000).toISOString(),
        recurrence: weekly ? { frequency: 'weekly', interval: 1, byWeekday: ['SA'], count: 20 } : { frequency: 'none' },
        categories: [category.id],
        audiences: [audience.id],
        booking: { mode: 'required', phone: '035 000000' },
        _status: 'published',
      } as never,
      ...base,
    })
    if ((i + 1) % 250 === 0) console.log(`[seed] ${i + 1}/${events}`)
  }
  return system.slug as string
}

/**
 * The system feed rebuilt after a change touching one event: its title changes through the Local API (hooks
 * rewrite its dates), then, as once VERSION_CHECK_MS has passed, the feed's version is read again, the search index
 * catches up and the feed is recomposed from the blocks kept by the previous build.
 */
const benchRebuildAfterChange = async (payload: import('payload').Payload, feed: () => Promise<Response>) => {
  const { clearFeedCache } = await import('../site/lib/ical/http')
  const { dataVersion, forgetDataVersion } = await import('../site/lib/ical/version')
  const { feedBlocksSize, lastComposeStats } = await import('../site/lib/ical/blocks')
  const { currentSearchIndex } = await import('../site/lib/search/sync')
  clearFeedCache()
  await (await feed()).arrayBuffer()
  const { docs } = await payload.find({ collection: 'events', sort: 'id', limit: 1, depth: 0, overrideAccess: true })
  const event = docs[0] as { id: number; title: string }
  const phases = { total: [] as number[], version: [] as number[], index: [] as number[], build: [] as number[] }
  const stats: ReturnType<typeof lastComposeStats>[] = []
  for (let i = 0; i < 15; i++) {
    const title = `${event.title.replace(/ \(modificato.*$/, '')} (modificato ${i + 1})`
    await payload.update({ collection: 'events', id: event.id, data: { title }, overrideAccess: true })
    await new Promise((r) => setTimeout(r, 600)) // the page cache's version, which the search index follows, moves
    forgetDataVersion()
    const t0 = performance.now()
    await dataVersion()
    const t1 = performance.now()
    await currentSearchIndex({ wait: true })
    const t2 = performance.now()
    const response = await feed()
    const t3 = performance.now()
    const body = await response.text()
    if (!body.includes(title)) throw new Error('the rebuilt feed does not show the change')
    stats.push(lastComposeStats())
    phases.total.push(t3 - t0)
    phases.version.push(t1 - t0)
    phases.index.push(t2 - t1)
    phases.build.push(t3 - t2)
  }
  // The recompose's own phases, called one by one after the same kind of change.
  const { parseFilters } = await import('../site/lib/filters')
  const { horizonFilters } = await import('../site/lib/ical/horizon')
  const { resolveFilters } = await import('../site/lib/agenda')
  const { readWindowRows, readEventVersions } = await import('../site/lib/ical/reads')
  const { composeEvents } = await import('../site/lib/ical/blocks')
  const { namedDocs } = await import('../site/lib/ical/named')
  const { dataVersionParts } = await import('../site/lib/ical/version')
  const { assembleCalendar } = await import('../collections/lib/ical/build')
  const { feedHorizon } = await import('../site/lib/ical/horizon')
  const { createHash } = await import('node:crypto')
  const slug = (await payload.find({ collection: 'systems', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.slug
  const parts = { select: [] as number[], rows: [] as number[], versions: [] as number[], compose: [] as number[] }
  const tail = { assemble: [] as number[], etag: [] as number[] }
  for (let i = 0; i < 7; i++) {
    const title = `${event.title} (fase ${i + 1})`
    await payload.update({ collection: 'events', id: event.id, data: { title }, overrideAccess: true })
    await new Promise((r) => setTimeout(r, 600))
    forgetDataVersion()
    await dataVersion() // read by the feed's memo before the build starts
    await currentSearchIndex({ wait: true })
    const now = new Date()
    let t = performance.now()
    const resolved = await resolveFilters(
      horizonFilters(parseFilters(new URLSearchParams(`sistema=${slug}`)), now),
      now,
    )
    const index = await currentSearchIndex({ wait: true })
    const ids = [...new Set(index?.matchingRows(resolved).map((r) => Number(r.event)))].slice(0, 1000)
    parts.select.push(performance.now() - t)
    t = performance.now()
    const rows = await readWindowRows(ids, { from: resolved.from, to: resolved.to }, 'sql')
    parts.rows.push(performance.now() - t)
    t = performance.now()
    const [named, versions] = await Promise.all([dataVersionParts().then(namedDocs), readEventVersions(ids, 'sql')])
    parts.versions.push(performance.now() - t)
    t = performance.now()
    const h = feedHorizon(now)
    const { rendered } = await composeEvents(ids, rows, versions, named, {
      now: h.today,
      from: resolved.from,
      until: resolved.to ?? undefined,
      transparent: true,
    })
    parts.compose.push(performance.now() - t)
    t = performance.now()
    const ics = assembleCalendar({ name: 'x', description: 'x' }, rendered)
    Buffer.byteLength(ics)
    tail.assemble.push(performance.now() - t)
    t = performance.now()
    createHash('sha1').update(Buffer.from(ics, 'utf8')).digest('base64url')
    tail.etag.push(performance.now() - t)
  }
  const label = 'ical system feed rebuild after a change touching one event'
  print(`${label} p50, in-process (target ≤ 50)`, median(phases.total), 'ms')
  print(`${label} p95`, p95(phases.total), 'ms')
  print(`${label} max`, Math.max(...phases.total), 'ms')
  print('  of which: feed data version check p50', median(phases.version), 'ms')
  print('  of which: search index catch-up p50', median(phases.index), 'ms')
  print(
    '  of which: recompose (rows, versions, one event read and rendered, assemble, ETag) p50',
    median(phases.build),
    'ms',
  )
  print('  recompose phase: filter resolved, events picked by the search index p50', median(parts.select), 'ms')
  print("  recompose phase: kept events' dates, SQL p50", median(parts.rows), 'ms')
  print("  recompose phase: kept events' versions, SQL, and named documents p50", median(parts.versions), 'ms')
  print('  recompose phase: blocks keyed, one event read and rendered p50', median(parts.compose), 'ms')
  print('  recompose phase: calendar assembled (1 MB) p50', median(tail.assemble), 'ms')
  print('  recompose phase: body encoded and hashed (ETag) p50', median(tail.etag), 'ms')
  const last = stats.at(-1)
  print('ical rebuild: events in the feed', last?.events ?? 0, 'events')
  print('ical rebuild: events read through the Local API', last?.read ?? 0, 'events')
  print('ical rebuild: events rendered again', last?.rendered ?? 0, 'events')
  print('ical block cache held after the rebuilds', feedBlocksSize().bytes / 1024 / 1024, 'MB')
  print('ical block cache entries', feedBlocksSize().entries, 'entries')
  print('process RSS after the rebuilds', process.memoryUsage().rss / 1024 / 1024, 'MB')
  await payload.update({ collection: 'events', id: event.id, data: { title: event.title }, overrideAccess: true })
}

/** In-process: a 1,000-event system feed built with a warm Payload (memo cleared each time), and a 304. */
export const benchInProcess = async () => {
  const events = Number(process.env.BENCH_ICAL_EVENTS ?? 1000)
  const dataDir = path.resolve(process.env.BENCH_ICAL_DIR ?? `data/bench-ical-${events}`)
  mkdirSync(dataDir, { recursive: true })
  process.env.DATA_DIR = dataDir
  process.env.DATABASE_URL = `file:${path.join(dataDir, 'agenda.db')}`
  process.env.PAYLOAD_SECRET ??= 'bench-secret'
  process.env.SITE_URL ??= 'http://localhost:4321'
  const { getPayload } = await import('../cms/local-api')
  const { clearFeedCache } = await import('../site/lib/ical/http')
  const { agendaFeedResponse } = await import('../site/lib/ical/endpoints')
  const payload = await getPayload()
  let slug = (await payload.find({ collection: 'systems', limit: 1, depth: 0, overrideAccess: true })).docs[0]?.slug
  if (!slug) {
    console.log(`# seeding ${events} events into ${dataDir} (once)`)
    slug = await seedSystem(payload, events)
  }
  const feed = (headers: Record<string, string> = {}) =>
    agendaFeedResponse(new Request(`http://localhost:4321/sistemi/${slug}/calendario.ics`, { headers }), {
      kind: 'sistema',
      slug: slug as string,
    })
  const first = performance.now()
  const body = await (await feed()).text()
  print('ical system feed first build (cold process), in-process', performance.now() - first, 'ms')
  print('ical system feed, events', count(body), 'events')
  print('ical system feed, size', Buffer.byteLength(body) / 1024, 'KiB')
  const builds = await time(async () => {
    clearFeedCache()
    await (await feed()).arrayBuffer()
  }, 15)
  print(
    'ical system feed full rebuild (every cache cleared) p50, warm, in-process (target ≤ 100)',
    median(builds),
    'ms',
  )
  print('ical system feed full rebuild max, warm, in-process', Math.max(...builds), 'ms')
  await benchRebuildAfterChange(payload, feed)
  // Where a build goes: the occurrence rows, the events (Payload Local API), rendering.
  const { buildWhere } = await import('../site/lib/agenda')
  const { parseFilters } = await import('../site/lib/filters')
  const { horizonFilters } = await import('../site/lib/ical/horizon')
  const { datesByEvent, loadFeedEvents, ROW_SELECT } = await import('../site/lib/ical/load')
  const { buildCalendar } = await import('../collections/lib/ical/build')
  const phases = { rows: [] as number[], events: [] as number[], render: [] as number[] }
  for (let i = 0; i < 7; i++) {
    const now = new Date()
    let t = performance.now()
    const where = await buildWhere(horizonFilters(parseFilters(new URLSearchParams(`sistema=${slug}`)), now), now)
    const { docs } = await payload.find({
      collection: 'occurrences',
      where,
      depth: 0,
      pagination: false,
      select: ROW_SELECT,
      overrideAccess: false,
    })
    phases.rows.push(performance.now() - t)
    t = performance.now()
    const rows = docs as unknown as import('../site/lib/ical/load').Row[]
    const ids = [...new Set(rows.map((r) => r.event))].slice(0, 1000)
    const { events: loaded } = await loadFeedEvents(ids, datesByEvent(rows))
    phases.events.push(performance.now() - t)
    t = performance.now()
    buildCalendar({ name: 'x', description: 'x', events: loaded, now })
    phases.render.push(performance.now() - t)
  }
  print('ical build phase: occurrence rows (Local API) p50', median(phases.rows), 'ms')
  print('ical build phase: events + places (Local API) p50', median(phases.events), 'ms')
  print('ical build phase: render (ical-generator + recurrence) p50', median(phases.render), 'ms')
  const etag = (await feed()).headers.get('etag') ?? ''
  const hits = await time(() => feed().then((r) => r.arrayBuffer()), 100)
  print('ical system feed 200 from memo p50, in-process', median(hits), 'ms')
  const notModified = await time(() => feed({ 'if-none-match': etag }), 500)
  print('ical 304 p50, in-process (target ≤ 5)', median(notModified), 'ms')
  print('ical 304 p95, in-process', p95(notModified), 'ms')
  await payload.destroy()
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Under Node 20, tsx's off-thread loader can let the event loop drain while the dynamic import of the
  // Payload config is pending, and the process exits with code 13: a timer keeps it alive meanwhile.
  const keepAlive = setInterval(() => {}, 60_000)
  try {
    await benchInProcess()
  } finally {
    clearInterval(keepAlive)
  }
}
