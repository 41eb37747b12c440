// Statistics on the big network (BENCH_EVENTS, default 20,000): each report of the admin view (/admin/statistiche)
// counted by the SQL implementation on the bench database, with 60,000 attendance records (inserted here once,
// straight into the database, while the platform runs), and the Local API twin on the smallest report for
// comparison. Reports run in this process on the same file (WAL: the platform's readers are not held up).
// Alone, on a data folder (a copy: attendance is written into it):
//   BENCH_STATISTICS_DIR=<a data dir with agenda.db> node --conditions=production --import tsx bench/statistics.ts
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { databaseFile, percentile, sqliteRows } from '../tests/helpers/flood'
import { type Platform, print } from './lib'

const ATTENDANCE = 60_000
const ROUNDS = 7

export const bench = async (platform: Pick<Platform, 'dataDir'>) => {
  const db = databaseFile(platform.dataDir)
  const q = <T>(sql: string) => sqliteRows<T>(db, sql)

  const [{ n: existing } = { n: 0 }] = q<{ n: number }>('SELECT count(*) AS n FROM attendance')
  if (existing < ATTENDANCE) {
    const started = performance.now()
    // One record per date not yet recorded (a date has one, so at most as many as there are dates), spread over
    // the formats.
    q(`INSERT INTO attendance (title, event_id, start, total, checked_in, walk_ins, format, outcome, system_id,
         library_id, updated_at, created_at)
       SELECT o.title, o.event_id, o.start, 5 + (o.id % 40), 0, 0,
         CASE o.id % 3 WHEN 0 THEN 'presence' WHEN 1 THEN 'online' ELSE 'outdoor' END,
         CASE WHEN o.id % 25 = 0 THEN 'cancelled' ELSE 'held' END, o.system_id, o.library_id,
         strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')
       FROM occurrences o
       WHERE NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = o.event_id AND a.start = o.start)
       ORDER BY o.start LIMIT ${ATTENDANCE - existing}`)
    console.log(`# attendance records inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  // The seed's dates hold fewer than 60,000 records (56,854 at 20,000 events): the rest is history, the first dates
  // recorded again 52 weeks earlier, so each report's comparison with the year before has data to count.
  const [{ n: recorded } = { n: 0 }] = q<{ n: number }>('SELECT count(*) AS n FROM attendance')
  if (recorded < ATTENDANCE)
    q(`INSERT INTO attendance (title, event_id, start, total, checked_in, walk_ins, format, outcome, system_id,
         library_id, updated_at, created_at)
       SELECT a.title, a.event_id, strftime('%Y-%m-%dT%H:%M:%fZ', a.start, '-364 days'), a.total, 0, 0, a.format,
         a.outcome, a.system_id, a.library_id, a.updated_at, a.created_at
       FROM attendance a
       WHERE a.start >= (SELECT min(start) FROM occurrences)
         AND NOT EXISTS (SELECT 1 FROM attendance h WHERE h.event_id = a.event_id
           AND h.start = strftime('%Y-%m-%dT%H:%M:%fZ', a.start, '-364 days'))
       ORDER BY a.start LIMIT ${ATTENDANCE - recorded}`)
  // Two age bands per record (the second and fourth of the network's), for the records that have none yet.
  q(`WITH b AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM attendance_age_bands)
     INSERT INTO attendance_ages (_order, _parent_id, id, band_id, count)
     SELECT b.n, a.id, lower(hex(randomblob(12))), b.id, CASE b.n WHEN 2 THEN a.total / 3 ELSE a.total - a.total / 3 END
     FROM attendance a JOIN b ON b.n IN (2, 4)
     WHERE NOT EXISTS (SELECT 1 FROM attendance_ages g WHERE g._parent_id = a.id)`)
  const [{ n: total } = { n: 0 }] = q<{ n: number }>('SELECT count(*) AS n FROM attendance')
  print('attendance records in the database', total, 'rows')
  const [{ n: history } = { n: 0 }] = q<{ n: number }>(
    'SELECT count(*) AS n FROM attendance WHERE start < (SELECT min(start) FROM occurrences)',
  )
  print('of which a year before the seed', history, 'rows')

  process.env.DATABASE_URL = `file:${path.resolve(db)}`
  process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production-0123456789'
  const { getPayload } = await import('../cms/local-api')
  const { buildReport, currentYear } = await import('../cms/statistics')
  const payload = await getPayload()
  const [system] = q<{ id: number }>('SELECT id FROM systems ORDER BY id LIMIT 1')
  const [library] = q<{ id: number }>(
    'SELECT library_id AS id FROM attendance GROUP BY library_id ORDER BY count(*) DESC LIMIT 1',
  )
  const [category] = q<{ id: number }>(
    'SELECT categories_id AS id FROM events_rels WHERE categories_id IS NOT NULL LIMIT 1',
  )
  // A funder named on the busiest campaign (as bench/reports.ts names one), so "one funder" filters for real.
  let funder = (await payload.find({ collection: 'funders', where: { name: { equals: 'Bench funder' } }, limit: 1 }))
    .docs[0]
  if (!funder) {
    funder = await payload.create({ collection: 'funders', data: { name: 'Bench funder', kind: 'public' } })
    const [campaign] = q<{ id: number }>(
      'SELECT campaigns_id AS id FROM events_rels WHERE campaigns_id IS NOT NULL GROUP BY campaigns_id ORDER BY count(*) DESC LIMIT 1',
    )
    if (campaign)
      await payload.update({
        collection: 'campaigns',
        id: campaign.id,
        data: { support: [{ funder: funder.id, role: 'funded', detail: 'Bench' }] },
      })
  }
  // The seed's dates (the year before holds the history added above).
  const span = q<{ first: string; last: string }>('SELECT min(start) AS first, max(start) AS last FROM occurrences')[0]
  const year = currentYear()
  // The seed's whole span (and, as every report does, the same period a year earlier) and the default one (the
  // current year).
  const all = { from: new Date(span?.first ?? year.from), to: new Date(new Date(span?.last ?? year.to).getTime() + 1) }
  const reports: [string, Parameters<typeof buildReport>[1]][] = [
    ['network, current year', year],
    ['network, every record', all],
    ['one system, every record', { ...all, system: system?.id }],
    ['one library, every record', { ...all, library: library?.id }],
    ['one category, every record', { ...all, category: category?.id }],
    ['one funder, every record', { ...all, funder: funder?.id }],
    ['format online, every record', { ...all, format: 'online' }],
  ]
  const time = async (label: string, run: () => Promise<unknown>, rounds = ROUNDS, target = ' (target ≤ 200 ms)') => {
    await run()
    const timings: number[] = []
    for (let i = 0; i < rounds; i++) {
      const t = performance.now()
      await run()
      timings.push(performance.now() - t)
    }
    timings.sort((a, b) => a - b)
    print(`statistics ${label} p50${target}`, percentile(timings, 0.5), 'ms')
    print(`statistics ${label} p95`, percentile(timings, 0.95), 'ms')
    print(`statistics ${label} max`, percentile(timings, 1), 'ms')
  }
  // A report is the period and the year before, every grouping, bookings and subscribers: what one page load counts.
  for (const [label, filter] of reports)
    await time(`sql: ${label}`, () => buildReport(payload, filter, new Date(), 'sql'))
  await time(`api: one library, every record`, () => buildReport(payload, reports[3]![1], new Date(), 'api'), 2, '')
  await payload.destroy()
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href)
  await bench({ dataDir: path.resolve(process.env.BENCH_STATISTICS_DIR ?? 'data/bench-20000') })
