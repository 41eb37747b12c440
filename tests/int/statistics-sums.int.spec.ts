// The attendance kept added up per month of Rome's calendar (cms/statistics/sums.ts, kept by SQLite triggers):
// after every kind of write through Payload the sums equal a recount of the records made here in JavaScript, and
// a period's figures read from them equal the figures read from every record, whatever the period's edges.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onSqlite } from '../helpers/db-kind'

type Id = number | string
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>
type Sql = typeof import('../../cms/statistics/sql')
type StatsFilter = import('../../cms/statistics').StatsFilter
type Row = Record<string, unknown>

let payload: Payload
let net: Net
let sql: Sql
let bands: Id[]
const records: Id[] = []

/** `YYYYMM` as Rome's calendar has it, written here independently of the wing and of the triggers. */
const ROME_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' })
const romeMonth = (iso: string) => Number(ROME_MONTH.format(new Date(iso)).slice(0, 7).replace('-', ''))

/** Dates on both sides of month ends, in winter and in summer time (all in the past: attendance is for past dates). */
const STARTS = [
  '2025-10-31T22:30:00.000Z', // 31 October 23:30 in Rome (UTC+1)
  '2025-10-31T23:00:00.000Z', // 1 November 00:00
  '2025-12-10T10:00:00.000Z',
  '2025-12-31T22:59:00.000Z', // 31 December 23:59
  '2025-12-31T23:00:00.000Z', // 1 January 2026 00:00
  '2026-02-15T10:00:00.000Z',
  '2026-03-31T21:30:00.000Z', // 31 March 23:30 (UTC+2 since 29 March)
  '2026-03-31T22:00:00.000Z', // 1 April 00:00
  '2026-04-15T08:00:00.000Z',
  '2026-05-20T08:00:00.000Z',
]

const execute = async (statement: string): Promise<Row[]> => {
  const db = payload.db as unknown as { client: { execute: (q: string) => Promise<{ rows: Row[] }> } }
  return (await db.client.execute(statement)).rows
}

/** Recounts the records (read through the Local API) by month, library, system and format, and by band too. */
const recount = async () => {
  const { docs } = await payload.find({ collection: 'attendance', pagination: false, depth: 0, overrideAccess: true })
  const plain = new Map<string, [number, number, number]>()
  const banded = new Map<string, [number, number, number]>()
  const add = (map: Map<string, [number, number, number]>, key: string, held: number, people: number) => {
    const row = map.get(key) ?? [0, 0, 0]
    map.set(key, [row[0] + 1, row[1] + held, row[2] + people])
  }
  for (const doc of docs) {
    const key = [romeMonth(doc.start), doc.library ?? 0, doc.system ?? 0, doc.format ?? ''].join('|')
    const held = !doc.outcome || doc.outcome === 'held' ? 1 : 0
    add(plain, key, held, doc.total ?? 0)
    for (const age of doc.ages ?? []) add(banded, `${age.band}|${key}`, held, age.count)
  }
  const sorted = (map: Map<string, [number, number, number]>) =>
    [...map].map(([key, sums]) => `${key}=${sums.join(',')}`).sort()
  return { plain: sorted(plain), bands: sorted(banded) }
}

/** The sums as the triggers keep them, rows of nothing left out. */
const kept = async () => {
  const plain = await execute(
    'SELECT month, library_id, system_id, format, records, held, people FROM attendance_sums WHERE records <> 0',
  )
  const banded = await execute(
    'SELECT band_id, month, library_id, system_id, format, rows, held, people FROM attendance_band_sums WHERE rows <> 0',
  )
  return {
    plain: plain
      .map((r) => `${[r.month, r.library_id, r.system_id, r.format].join('|')}=${r.records},${r.held},${r.people}`)
      .sort(),
    bands: banded
      .map(
        (r) => `${[r.band_id, r.month, r.library_id, r.system_id, r.format].join('|')}=${r.rows},${r.held},${r.people}`,
      )
      .sort(),
  }
}

const update = (id: Id, data: Record<string, unknown>) =>
  payload.update({ collection: 'attendance', id, data: data as never, overrideAccess: true })

/** The figures of a period read from the sums and from every record. */
const bothWays = async (filter: StatsFilter) => {
  const now = new Date()
  const withSums = await sql.sqlFigures(payload)(filter, now)
  const fromRecords = await sql.sqlFigures(payload, { monthlySums: false })(filter, now)
  return { withSums, fromRecords }
}

describe.skipIf(!onSqlite)('attendance kept added up per month', () => {
  beforeAll(async () => {
    payload = await (await import('../helpers/payload')).getPayload()
    sql = await import('../../cms/statistics/sql')
    const helpers = await import('../helpers/network')
    net = await helpers.buildNetwork(payload)
    const attendanceWing = await import('../../cms/attendance')
    await attendanceWing.ensureAttendanceBands(payload)
    bands = (await attendanceWing.listBands(payload)).map((b) => b.id)
    const places = [
      { system: net.systems.a, library: net.libraries.a1 },
      { system: net.systems.a, library: net.libraries.a2 },
      { system: net.systems.b, library: net.libraries.b1 },
    ]
    const formats = ['presence', 'online', 'outdoor']
    for (const [i, start] of STARTS.entries()) {
      const place = places[i % places.length]!
      const event = await helpers.fixtureEvent(payload, net, {
        title: `Incontro ${i}`,
        start,
        end: new Date(new Date(start).getTime() + 3_600_000).toISOString(),
        categories: i % 2 ? [net.category] : [],
        ...place,
      })
      const total = 10 + i
      const record = await payload.create({
        collection: 'attendance',
        data: {
          event: event.id,
          start: new Date(event.start).toISOString(),
          ...place,
          total,
          format: formats[i % formats.length],
          outcome: i === 4 ? 'cancelled' : 'held',
          ages:
            i === 4
              ? []
              : [
                  { band: bands[0], count: 4 },
                  { band: bands[3], count: total - 4 },
                ],
        } as never,
        overrideAccess: true,
      })
      records.push(record.id)
    }
  })

  afterAll(async () => payload?.destroy())

  it('the sums equal a recount of the records after they are recorded, corrected and deleted', async () => {
    expect((await kept()).plain.length).toBeGreaterThan(5)
    expect(await kept()).toEqual(await recount())
    // A correction: another total and split, another format, the date turned out cancelled.
    await update(records[0]!, { total: 30, ages: [{ band: bands[1], count: 30 }] })
    await update(records[1]!, { format: 'outdoor' })
    await update(records[2]!, { outcome: 'cancelled', total: 0, ages: [] })
    await update(records[4]!, { outcome: 'held', total: 7, ages: [{ band: bands[2], count: 7 }] })
    expect(await kept()).toEqual(await recount())
    await payload.delete({ collection: 'attendance', id: records[5]!, overrideAccess: true })
    expect(await kept()).toEqual(await recount())
  })

  it('the migration counts what was recorded before the sums existed', async () => {
    const migration = await import('../../cms/migrations/20261207_203439_attendance_monthly_sums')
    const db = (payload.db as unknown as { drizzle: never }).drizzle
    await migration.down({ db, payload } as never)
    expect(await execute("SELECT name FROM sqlite_master WHERE name LIKE 'attendance%sums%'")).toEqual([])
    await migration.up({ db, payload } as never)
    expect(await kept()).toEqual(await recount())
  })

  it('a period reads the same figures from the sums as from every record, whatever its edges', async () => {
    const periods: [string, StatsFilter][] = [
      // Whole months only: 1 November 2025 to 1 June 2026, Rome.
      ['whole months', { from: new Date('2025-10-31T23:00:00.000Z'), to: new Date('2026-05-31T22:00:00.000Z') }],
      // Edges inside months, the start on the date at 23:59 on 31 December and the end two hours into 1 April.
      ['cut months', { from: new Date('2025-12-31T22:59:00.000Z'), to: new Date('2026-04-01T00:00:00.000Z') }],
      // Ends at Rome's midnight of 1 April: the date at that instant is outside, the one at 23:30 inside.
      [
        'ends at a month start',
        { from: new Date('2025-10-01T00:00:00.000Z'), to: new Date('2026-03-31T22:00:00.000Z') },
      ],
      ['inside one month', { from: new Date('2026-02-01T00:00:00.000Z'), to: new Date('2026-02-20T00:00:00.000Z') }],
    ]
    const filters: [string, Partial<StatsFilter>][] = [
      ['network', {}],
      ['a system', { system: net.systems.a }],
      ['a library', { library: net.libraries.b1 }],
      ['a format', { format: 'outdoor' }],
      ['a category', { category: net.category }],
    ]
    const { docs } = await payload.find({ collection: 'attendance', pagination: false, depth: 0, overrideAccess: true })
    for (const [periodName, period] of periods)
      for (const [filterName, extra] of filters) {
        const filter = { ...period, ...extra } as StatsFilter
        const { withSums, fromRecords } = await bothWays(filter)
        expect(withSums, `${periodName}, ${filterName}`).toEqual(fromRecords)
        if (filterName !== 'network') continue
        // And the people counted are those of the records whose date is in the period, counted here.
        const inPeriod = docs.filter((d) => new Date(d.start) >= period.from && new Date(d.start) < period.to)
        expect(withSums.summary.people, periodName).toBe(inPeriod.reduce((n, d) => n + (d.total ?? 0), 0))
        expect(
          withSums.groups.band.reduce((n, r) => n + r.people, 0),
          periodName,
        ).toBe(inPeriod.reduce((n, d) => n + (d.ages ?? []).reduce((m, a) => m + a.count, 0), 0))
      }
    const { monthSplit } = await import('../../cms/statistics/sums')
    expect(monthSplit(periods[0]![1])).toMatchObject({ first: 202511, last: 202605, edges: [] })
  })
})
