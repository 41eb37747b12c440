// Change notices bench (issue 14): 500 bookings on one date, the date is cancelled by a save, and the mail
// queue of a CMS-like process (JOBS_AUTORUN=1, JOBS_QUEUES=mail: the production cron, every 5 s) sends the
// notices to a local SMTP sink. Figure: time from the save to the 500th SMTP 250 (target ≤ 60 s).
//
//   node --conditions=production --import tsx bench/registration-notices.ts   (BENCH_NOTICE_BOOKINGS to resize)
//
// The measured run is a child process of its own (fresh SQLite in a temp folder, its own Payload), so the
// figures do not depend on what else `npm run bench` loaded. The sink runs in the same child: its parsing is
// off, but it shares the sender's CPU, so the figures are on the pessimistic side.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { print } from './lib'

const BOOKINGS = Number(process.env.BENCH_NOTICE_BOOKINGS ?? 500)
const SELF = path.join('bench', 'registration-notices.ts')
const TARGET_S = 60

type Result = {
  bookings: number
  saveMs: number
  firstMs: number
  lastMs: number
  p50Ms: number
  p95Ms: number
  atSink: number
  distinct: number
  notice: { recipients: number; sent: number; failed: number; completed: boolean }
  cancelled: number
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0

/** The measured run (child process): everything in one Payload, as the CMS runs its mail queue. */
const runPhase = async () => {
  const { startSmtpSink } = await import('../tests/helpers/smtp')
  const arrivals: number[] = []
  let t0 = 0
  const sink = await startSmtpSink({
    parse: false,
    beforeAccept: () => {
      arrivals.push(performance.now() - t0)
      return true
    },
  })
  process.env.SMTP_URL = sink.url
  const { getPayload } = await import('payload')
  const config = (await import('../cms/payload.config')).default
  const payload = await getPayload({ config, cron: true })
  const base = { overrideAccess: true, depth: 0 } as const
  const system = await payload.create({
    collection: 'systems',
    data: { name: 'Sistema di prova', shortName: 'Prova' },
    ...base,
  })
  const library = await payload.create({
    collection: 'libraries',
    data: { name: 'Biblioteca di prova', system: system.id, comune: '016091' as never, address: 'Via Roma 1' },
    ...base,
  })
  const start = new Date(Date.now() + 7 * 86_400_000)
  start.setUTCHours(9, 30, 0, 0)
  const event = await payload.create({
    collection: 'events',
    data: {
      title: 'Nati per Leggere: letture per i più piccoli',
      summary: 'Storie e rime per bambini da 0 a 5 anni.',
      system: system.id,
      library: library.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      recurrence: { frequency: 'weekly', count: 2 },
      registration: { mode: 'required', places: 5000, maxPerBooking: 6 },
      _status: 'published',
    } as never,
    ...base,
  })
  // The bookings are written straight through the adapter: their confirmations are not what is measured.
  for (let i = 0; i < BOOKINGS; i++)
    await payload.db.create({
      collection: 'registrations',
      data: {
        event: event.id,
        start: start.toISOString(),
        status: 'confirmed',
        people: 2,
        adults: 2,
        name: `Persona ${i}`,
        email: `famiglia${i}@bench.example.org`,
        language: i % 10 === 0 ? 'en' : 'it',
        source: 'web',
        system: system.id,
        library: library.id,
        tokenNonce: `nonce${i}`,
      },
      returning: false,
    })

  t0 = performance.now()
  await payload.update({
    collection: 'events',
    id: event.id,
    data: {
      changedDates: [{ originalStart: start.toISOString(), status: 'cancelled' }],
      _status: 'published',
    } as never,
    ...base,
  })
  const saveMs = performance.now() - t0
  const deadline = Date.now() + 5 * TARGET_S * 1000
  while (sink.accepted() < BOOKINGS && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  // Let the runner write its last counts.
  let notice:
    | { recipients?: number | null; sent?: number | null; failed?: number | null; completedAt?: string | null }
    | undefined
  for (let i = 0; i < 100 && !notice?.completedAt; i++) {
    await new Promise((r) => setTimeout(r, 100))
    notice = (await payload.find({ collection: 'notices', where: { event: { equals: event.id } }, ...base })).docs[0]
  }
  const cancelled = (
    await payload.count({
      collection: 'registrations',
      where: { and: [{ event: { equals: event.id } }, { status: { equals: 'cancelled' } }] },
      overrideAccess: true,
    })
  ).totalDocs
  const sorted = [...arrivals].sort((a, b) => a - b)
  const result: Result = {
    bookings: BOOKINGS,
    saveMs,
    firstMs: sorted[0] ?? 0,
    lastMs: sorted[BOOKINGS - 1] ?? Number.NaN,
    p50Ms: percentile(sorted, 0.5),
    p95Ms: percentile(sorted, 0.95),
    atSink: sink.accepted(),
    distinct: new Set(sink.received.flatMap((r) => r.to)).size,
    notice: {
      recipients: Number(notice?.recipients ?? 0),
      sent: Number(notice?.sent ?? 0),
      failed: Number(notice?.failed ?? 0),
      completed: !!notice?.completedAt,
    },
    cancelled,
  }
  process.stdout.write(`@@result ${JSON.stringify(result)}\n`)
  process.exit(0)
}

export const bench = async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'agenda-bench-notices-'))
  try {
    const env = {
      APP_ROOT: process.cwd(),
      DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
      PAYLOAD_SECRET: 'notices-bench-not-for-production-0123456789',
      CMS_URL: 'https://cms.rbbg.example.org',
      SITE_URL: 'https://agenda.rbbg.example.org',
      JOBS_AUTORUN: '1',
      JOBS_QUEUES: 'mail',
      SMTP_MAX_CONNECTIONS: process.env.SMTP_MAX_CONNECTIONS ?? '5',
      LOG_LEVEL: 'warn',
      BENCH_NOTICES_PHASE: 'run',
    }
    console.log(`# registration notices bench: ${BOOKINGS} bookings on one date, the date cancelled`)
    const result = await new Promise<Result>((resolve, reject) => {
      const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', SELF], {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let out = ''
      child.stdout.on('data', (d) => (out += d))
      child.on('exit', (code) => {
        const line = out.split('\n').find((l) => l.startsWith('@@result '))
        if (code !== 0 || !line) reject(new Error(`notices bench failed (${code}):\n${out.slice(-2000)}`))
        else resolve(JSON.parse(line.slice(9)) as Result)
      })
    })
    const total = result.lastMs / 1000
    print(`notices: save → ${result.bookings}th SMTP 250 (target ≤ ${TARGET_S} s)`, total, 's')
    print('notices: throughput over the whole run (save → last 250)', result.bookings / total, 'msg/s')
    print(
      'notices: sending rate (first → last 250)',
      result.bookings / ((result.lastMs - result.firstMs) / 1000),
      'msg/s',
    )
    print('notices: the save itself (hook queues the job)', result.saveMs, 'ms')
    print('notices: save → first 250 (mail queue tick, notice written, bookings cancelled)', result.firstMs / 1000, 's')
    print('notices: per-mail latency save → 250, p50', result.p50Ms / 1000, 's')
    print('notices: per-mail latency save → 250, p95', result.p95Ms / 1000, 's')
    print('notices: messages at the sink / distinct recipients', result.atSink, `/ ${result.distinct}`)
    console.log(`notices: notice row ${JSON.stringify(result.notice)}, bookings cancelled ${result.cancelled}`)
    const ok =
      total <= TARGET_S &&
      result.atSink === result.bookings &&
      result.distinct === result.bookings &&
      result.notice.sent === result.bookings &&
      result.notice.completed &&
      result.cancelled === result.bookings
    console.log(`registration notices bench: ${ok ? 'PASS' : 'FAIL'}`)
    if (!ok) process.exitCode = 1
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.env.BENCH_NOTICES_PHASE === 'run') await runPhase()
else if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) await bench()
