// Ready-made reports on the big network (BENCH_EVENTS, default 20,000 events): the yearly per-library summary,
// the Maggio dei Libri export of the busiest campaign and the report of a funder named on it, each built as
// the endpoint builds it (query, table, CSV and XLSX). Target ≤ 2 s each; printed, not asserted.
//
//   BENCH_ONLY=reports npm run bench                         (within the whole bench, on its platform's database)
//   BENCH_REPORTS_DIR=<a data dir with agenda.db> node --conditions=production --import tsx bench/reports.ts
//
// Attendance is filled in first (one row per date, with an age split, up to 60,000 rows) straight into the
// database with the sqlite3 client. The measuring runs in a process of its own, on its own Payload.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { databaseFile, sqliteRows } from '../tests/helpers/flood'
import { print, runPhase, writeResult } from './lib'

const ATTENDANCE = 60_000
const SELF = path.join('bench', 'reports.ts')
const ROUNDS = 3

const prepare = (dataDir: string) => {
  const db = databaseFile(dataDir)
  const q = <T>(sql: string) => sqliteRows<T>(db, sql)
  const [{ n: existing } = { n: 0 }] = q<{ n: number }>('SELECT count(*) AS n FROM attendance')
  if (existing >= ATTENDANCE) return
  const started = performance.now()
  q(`INSERT OR IGNORE INTO attendance (title, event_id, start, total, outcome, format, system_id, library_id)
     SELECT o.title, o.event_id, o.start, 10 + (o.id % 40), 'held', 'presence', o.system_id, o.library_id
     FROM occurrences o ORDER BY o.id LIMIT ${ATTENDANCE - existing}`)
  q(`INSERT OR IGNORE INTO attendance_ages (_order, _parent_id, id, band_id, count)
     SELECT 1, a.id, 'bench-' || a.id, (SELECT id FROM attendance_age_bands ORDER BY id LIMIT 1), a.total
     FROM attendance a`)
  console.log(`# attendance filled in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** The child process: one Payload on the bench database, each report built ROUNDS times, best and worst kept. */
const measure = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { annualSummary, funderReport, maggioDeiLibri } = await import('../cms/reports')
  const { tableCsv, tableXlsx } = await import('../cms/tables')
  const payload = await getPayload()
  const network = { kind: 'network' } as const
  const [campaign] = sqliteRows<{ id: number; title: string; n: number }>(
    databaseFile(process.env.DATA_DIR as string),
    `SELECT c.id, c.title, count(*) AS n FROM occurrences_rels r JOIN campaigns c ON c.id = r.campaigns_id
     GROUP BY c.id ORDER BY n DESC LIMIT 1`,
  )
  let funder = (await payload.find({ collection: 'funders', where: { name: { equals: 'Bench funder' } }, limit: 1 }))
    .docs[0]
  if (!funder) {
    funder = await payload.create({ collection: 'funders', data: { name: 'Bench funder', kind: 'public' } })
    if (campaign)
      await payload.update({
        collection: 'campaigns',
        id: campaign.id,
        data: { support: [{ funder: funder.id, role: 'funded', detail: 'Bench' }] },
      })
  }
  const year = Number(
    sqliteRows<{ y: string }>(
      databaseFile(process.env.DATA_DIR as string),
      `SELECT strftime('%Y', start) AS y, count(*) AS n FROM occurrences GROUP BY y ORDER BY n DESC LIMIT 1`,
    )[0]?.y ?? new Date().getFullYear(),
  )
  const time = async (build: () => Promise<import('../cms/tables').Table>) => {
    const timings: number[] = []
    let rows = 0
    for (let i = 0; i < ROUNDS; i++) {
      const t = performance.now()
      const table = await build()
      tableCsv(table)
      await tableXlsx(table)
      timings.push(performance.now() - t)
      rows = table.rows.length
    }
    return { best: Math.min(...timings), worst: Math.max(...timings), rows }
  }
  // BENCH_REPORTS=annual,maggio,funder measures a subset.
  const kinds = (process.env.BENCH_REPORTS ?? 'annual,maggio,funder').split(',')
  const result = {
    year,
    campaignDates: campaign?.n ?? 0,
    annual: kinds.includes('annual') ? await time(() => annualSummary(payload, network, year)) : null,
    maggio:
      campaign && kinds.includes('maggio')
        ? await time(
            async () => (await maggioDeiLibri(payload, network, { id: campaign.id, title: campaign.title })).table,
          )
        : null,
    funder: !kinds.includes('funder')
      ? null
      : await time(() =>
          funderReport(
            payload,
            network,
            { id: funder.id, name: 'Bench funder' },
            {
              from: `${year}-01-01T00:00:00.000Z`,
              to: `${year + 1}-01-01T00:00:00.000Z`,
            },
          ),
        ),
  }
  writeResult(result)
  process.exit(0)
}

type Timing = { best: number; worst: number; rows: number }
type Result = {
  year: number
  campaignDates: number
  annual: Timing | null
  maggio: Timing | null
  funder: Timing | null
}

const runMeasure = (dataDir: string) =>
  runPhase<Result>(SELF, {
    APP_ROOT: process.cwd(),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${databaseFile(dataDir)}`,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-secret-not-for-production-0123456789',
    BENCH_REPORTS_PHASE: 'measure',
    JOBS_AUTORUN: '0',
  })

export const bench = async (platform: { dataDir: string }) => {
  prepare(platform.dataDir)
  const r = await runMeasure(platform.dataDir)
  const report = (label: string, t: Timing | null) => {
    if (!t) return
    print(`${label} (target ≤ 2000 ms)`, t.best, 'ms')
    print(`${label}, slowest of ${ROUNDS}`, t.worst, 'ms')
    print(`${label}: rows`, t.rows, 'rows')
  }
  report(`reports: yearly per-library summary ${r.year}`, r.annual)
  report(`reports: Maggio dei Libri export (${r.campaignDates} dates)`, r.maggio)
  report(`reports: funder report ${r.year}`, r.funder)
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  if (process.env.BENCH_REPORTS_PHASE === 'measure') await measure()
  else await bench({ dataDir: path.resolve(process.env.BENCH_REPORTS_DIR ?? 'data/bench-20000') })
}
