// The printed programme (issue 17): what the `renderProgramme` job does for a 100-event A4 programme (read the
// filter's dates, lay out the tagged PDF with its QR codes), then the A5 booklet and the A3 poster of the same dates.
// Targets: ≤ 3 s and ≤ 2 MB for the A4. Printed, not asserted.
//
//   BENCH_ONLY=print npm run bench                         (within the whole bench, on its platform's database)
//   BENCH_PRINT_DIR=<a data dir with agenda.db> node --conditions=production --import tsx bench/print.ts
//
// The filter is the system with most coming dates over the shortest window (7, 14, 30, 60, 120, 365 days) that holds
// at least 100 of them; the programme keeps its first 100. The measuring runs in a process of its own.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { databaseFile, sqliteRows } from '../tests/helpers/flood'
import { print, runPhase, writeResult } from './lib'

const SELF = path.join('bench', 'print.ts')
const EVENTS = 100
const ROUNDS = 3

type Timing = { best: number; worst: number; bytes: number; pages: number }
type Result = { filter: string; readMs: number; a4: Timing; a5: Timing; a3: Timing; entries: number }

const measure = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { readProgramme, programmePdf } = await import('../cms/print')
  const payload = await getPayload()
  const dataDir = process.env.DATA_DIR as string
  const [system] = sqliteRows<{ slug: string }>(
    databaseFile(dataDir),
    `SELECT s.slug FROM occurrences o JOIN systems s ON s.id = o.system_id
     WHERE o.start > strftime('%Y-%m-%dT%H:%M:%fZ', 'now') GROUP BY s.id ORDER BY count(*) DESC LIMIT 1`,
  )
  if (!system) throw new Error('no coming dates in this database')
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)
  let filter = ''
  let readMs = 0
  let programme = null as Awaited<ReturnType<typeof readProgramme>> | null
  for (const days of [7, 14, 30, 60, 120, 365]) {
    filter = `sistema=${system.slug}&da=${day(0)}&a=${day(days)}`
    const t = performance.now()
    programme = await readProgramme(payload, filter)
    readMs = performance.now() - t
    if (programme.entries.length >= EVENTS) break
  }
  if (!programme) throw new Error('no programme')
  const hundred = { ...programme, entries: programme.entries.slice(0, EVENTS), more: 0 }
  const time = async (layout: 'a4' | 'a5' | 'a3') => {
    const timings: number[] = []
    let body: Buffer = Buffer.alloc(0)
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now()
      body = await programmePdf(hundred, layout)
      timings.push(performance.now() - t)
    }
    const pages = (body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
    return { best: Math.min(...timings), worst: Math.max(...timings), bytes: body.length, pages }
  }
  const result: Result = {
    filter,
    readMs,
    entries: hundred.entries.length,
    a4: await time('a4'),
    a5: await time('a5'),
    a3: await time('a3'),
  }
  writeResult(result)
  process.exit(0)
}

const runMeasure = (dataDir: string) =>
  runPhase<Result>(SELF, {
    APP_ROOT: process.cwd(),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${databaseFile(dataDir)}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-secret-not-for-production-0123456789',
    BENCH_PRINT_PHASE: 'measure',
    JOBS_AUTORUN: '0',
  })

export const bench = async (platform: { dataDir: string }) => {
  const r = await runMeasure(platform.dataDir)
  const kb = (bytes: number) => Math.round(bytes / 1024)
  console.log(`# print: ${r.entries} dates of /eventi?${r.filter}`)
  print('print: reading the programme’s dates', r.readMs, 'ms')
  print('print: A4 programme, 100 events, read + PDF (target ≤ 3000 ms)', r.readMs + r.a4.best, 'ms')
  print(`print: A4 PDF only, slowest of ${ROUNDS}`, r.a4.worst, 'ms')
  print('print: A4 programme size (target ≤ 2048 KB)', kb(r.a4.bytes), 'KB')
  print('print: A4 programme pages', r.a4.pages, 'pages')
  print('print: A5 booklet PDF', r.a5.best, 'ms')
  print('print: A5 booklet size', kb(r.a5.bytes), 'KB')
  print('print: A5 booklet pages', r.a5.pages, 'pages')
  print('print: A3 poster PDF', r.a3.best, 'ms')
  print('print: A3 poster size', kb(r.a3.bytes), 'KB')
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  if (process.env.BENCH_PRINT_PHASE === 'measure') await measure()
  else await bench({ dataDir: path.resolve(process.env.BENCH_PRINT_DIR ?? 'data/bench-20000') })
}
