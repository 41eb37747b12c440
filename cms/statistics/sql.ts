import type { Payload } from 'payload'
import { ATTENDANCE_FORMAT_LABELS } from '../../collections/enums'
import { aggregateReader } from '../sqlite-readers'
import { romeMonthSql } from './period'
import { type MonthSplit, monthSplit, summedBandRows, summedPlainRows } from './sums'
import {
  compareKeys,
  type FigureSource,
  type Group,
  type GroupRow,
  type StatsFilter,
  type Subscribers,
  type Summary,
} from './types'

type Row = Record<string, unknown>
type Client = { execute: (stmt: { sql: string; args: unknown[] }) => Promise<{ rows: Row[] }> }

/** The read-only workers on the database file (cms/sqlite-readers.ts), else the adapter's reader. */
const clientOf = (payload: Payload): Client => {
  const client = aggregateReader(payload.db as unknown as { name: string; client?: unknown })
  if (!client) throw new Error('statistics: the SQL figures need the SQLite adapter')
  return client
}

const num = (value: unknown) => Number(value ?? 0) || 0

/** A WHERE clause and its arguments, built piece by piece. */
class Clause {
  readonly parts: string[] = []
  readonly args: unknown[] = []
  add(sql: string, ...args: unknown[]) {
    this.parts.push(sql)
    this.args.push(...args)
    return this
  }
  get sql() {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
}

/**
 * The events one funder supports as `mergeSupport` (cms/funders) reads them: named in the event's own support
 * list, its rassegna's, its festival's or one of its campaigns'. Four `?`, each branch read through its funder
 * index.
 */
const FUNDED_EVENTS = `SELECT _parent_id FROM events_support WHERE funder_id = ?
  UNION SELECT e.id FROM events e WHERE e.series_id IN (SELECT _parent_id FROM series_support WHERE funder_id = ?)
  UNION SELECT e.id FROM events e WHERE e.festival_id IN (SELECT _parent_id FROM festivals_support WHERE funder_id = ?)
  UNION SELECT r.parent_id FROM events_rels r
    WHERE r.campaigns_id IN (SELECT _parent_id FROM campaigns_support WHERE funder_id = ?)`

/**
 * The filters on a table whose rows carry `event_id`, `start`, `system_id`, `library_id` (attendance,
 * occurrences, registrations). Categories, audiences and campaigns are the event's (its occurrences carry
 * the same); a funder is one of the event's (FUNDED_EVENTS).
 */
const dated = (alias: string, filter: StatsFilter) => {
  const c = new Clause()
    .add(`${alias}.start >= ?`, filter.from.toISOString())
    .add(`${alias}.start < ?`, filter.to.toISOString())
  if (filter.system != null) c.add(`${alias}.system_id = ?`, filter.system)
  if (filter.library != null) c.add(`${alias}.library_id = ?`, filter.library)
  // An uncorrelated IN list: SQLite builds it once (a correlated EXISTS re-reads the relation per row). The unary
  // `+` keeps the planner on the period's covering index: driven by event instead, a category with most of the
  // events reads every row through the table.
  const rel = (column: string, id: unknown) =>
    c.add(`+${alias}.event_id IN (SELECT parent_id FROM events_rels WHERE ${column} = ?)`, id)
  if (filter.category != null) rel('categories_id', filter.category)
  if (filter.audience != null) rel('audiences_id', filter.audience)
  if (filter.campaign != null) rel('campaigns_id', filter.campaign)
  if (filter.funder != null)
    c.add(`+${alias}.event_id IN (${FUNDED_EVENTS})`, filter.funder, filter.funder, filter.funder, filter.funder)
  return c
}

/** The groupings read from the attendance row itself (and its library's comune). */
const PLAIN = ['system', 'library', 'comune', 'month', 'format'] as const
type PlainGroup = (typeof PLAIN)[number]

/**
 * The groupings by what the event carries (its relations and its funders), read from the period's attendance
 * added up per event: each branch joins a few thousand event rows instead of every attendance row.
 */
const EVENT_GROUPS = {
  category: 'SELECT parent_id AS event_id, categories_id AS k FROM events_rels WHERE categories_id IS NOT NULL',
  audience: 'SELECT parent_id AS event_id, audiences_id AS k FROM events_rels WHERE audiences_id IS NOT NULL',
  campaign: 'SELECT parent_id AS event_id, campaigns_id AS k FROM events_rels WHERE campaigns_id IS NOT NULL',
  // Driven by the support lists (a few rows each; CROSS JOIN keeps that order), then matched to the period's
  // events: cheaper than looking up the funders of every event of the period.
  funder: `SELECT s._parent_id AS event_id, s.funder_id AS k FROM events_support s
    UNION SELECT e.id, s.funder_id FROM series_support s CROSS JOIN events e ON e.series_id = s._parent_id
    UNION SELECT e.id, s.funder_id FROM festivals_support s CROSS JOIN events e ON e.festival_id = s._parent_id
    UNION SELECT r.parent_id, s.funder_id FROM campaigns_support s CROSS JOIN events_rels r ON r.campaigns_id = s._parent_id`,
} as const
type EventGroup = keyof typeof EVENT_GROUPS

const HELD = "(a.outcome IS NULL OR a.outcome = 'held')"

const attendanceClause = (filter: StatsFilter) => {
  const c = dated('a', filter)
  if (filter.format) c.add('a.format = ?', filter.format)
  return c
}

/**
 * The four event groupings in one statement: the period's attendance added up per event once (MATERIALIZED, so
 * the branches share it), then one small GROUP BY per grouping. An event names a category, audience, campaign or
 * funder at most once, so its dates count once under each.
 */
const eventGroups = async (db: Client, filter: StatsFilter): Promise<Record<EventGroup, GroupRow[]>> => {
  const where = attendanceClause(filter)
  const kinds = Object.keys(EVENT_GROUPS) as EventGroup[]
  const branches = kinds.map(
    (kind) => `SELECT '${kind}' AS kind, g.k AS k, SUM(pe.dates) AS dates, SUM(pe.people) AS people
      FROM per_event pe JOIN (${EVENT_GROUPS[kind]}) g ON g.event_id = pe.event_id GROUP BY g.k`,
  )
  const { rows } = await db.execute({
    sql: `WITH per_event AS MATERIALIZED (
        SELECT a.event_id AS event_id, COUNT(CASE WHEN ${HELD} THEN 1 END) AS dates, COALESCE(SUM(a.total), 0) AS people
        FROM attendance a ${where.sql} GROUP BY a.event_id)
      ${branches.join('\n      UNION ALL ')}`,
    args: where.args,
  })
  const out = Object.fromEntries(kinds.map((k) => [k, [] as GroupRow[]])) as Record<EventGroup, GroupRow[]>
  for (const r of rows) {
    if (r.k == null) continue
    out[r.kind as EventGroup].push({ key: String(r.k), dates: num(r.dates), people: num(r.people) })
  }
  for (const k of kinds) out[k].sort((a, b) => compareKeys(a.key, b.key))
  return out
}

/**
 * Attendance by age band: the bands' counts of each record, a record's date counted once per band it names (a
 * record names a band at most once: `checkAttendance`).
 */
const bandRows = async (db: Client, filter: StatsFilter): Promise<Row[]> => {
  const where = attendanceClause(filter)
  const { rows } = await db.execute({
    sql: `SELECT g.band_id AS k, COUNT(CASE WHEN ${HELD} THEN 1 END) AS dates, COALESCE(SUM(g.count), 0) AS people
      FROM attendance a JOIN attendance_ages g ON g._parent_id = a.id ${where.sql}
      GROUP BY g.band_id HAVING g.band_id IS NOT NULL`,
    args: where.args,
  })
  return rows
}

/** The bands of the whole months from the kept sums and of the edges from the records, added up by band. */
const bandGroups = async (db: Client, filter: StatsFilter, split: MonthSplit | null): Promise<GroupRow[]> => {
  const parts = await Promise.all(
    split
      ? [summedBandRows(db, filter, split), ...split.edges.map((edge) => bandRows(db, { ...filter, ...edge }))]
      : [bandRows(db, filter)],
  )
  const sums = new Map<string, GroupRow>()
  for (const r of parts.flat()) {
    const key = String(r.k)
    const row = sums.get(key) ?? { key, dates: 0, people: 0 }
    row.dates += num(r.dates)
    row.people += num(r.people)
    sums.set(key, row)
  }
  return [...sums.values()].sort((a, b) => compareKeys(a.key, b.key))
}

/** One combination of the plain groupings with its attendance. */
type PlainRow = {
  sys: unknown
  lib: unknown
  com: unknown
  mon: unknown
  fmt: unknown
  dates: unknown
  people: unknown
}

const FORMATS = Object.keys(ATTENDANCE_FORMAT_LABELS)
/** Ids below this fit the packed key (library and system, each one decimal field of it). */
const PACKED_ID_LIMIT = 10_000

/**
 * The combinations grouped on one integer, library · system · month · format packed in decimal fields (at most
 * 1.6e15, exact in a JavaScript number): SQLite sorts one integer about three times faster than four columns.
 * Used when every id fits and the period's years have four digits; otherwise the four columns.
 */
const plainRows = async (db: Client, filter: StatsFilter): Promise<PlainRow[]> => {
  const where = attendanceClause(filter)
  const { rows: limits } = await db.execute({
    sql: 'SELECT (SELECT MAX(id) FROM libraries) AS lib, (SELECT MAX(id) FROM systems) AS sys',
    args: [],
  })
  const packable =
    num(limits[0]?.lib) < PACKED_ID_LIMIT &&
    num(limits[0]?.sys) < PACKED_ID_LIMIT &&
    filter.from.getUTCFullYear() >= 1000 &&
    filter.to.getUTCFullYear() <= 9998
  if (!packable) {
    const { rows } = await db.execute({
      sql: `SELECT c.sys, c.lib, l.comune AS com, c.mon, c.fmt, c.dates, c.people FROM (
          SELECT a.system_id AS sys, a.library_id AS lib, ${romeMonthSql('a.start')} AS mon, a.format AS fmt,
            COUNT(CASE WHEN ${HELD} THEN 1 END) AS dates, COALESCE(SUM(a.total), 0) AS people
          FROM attendance a ${where.sql} GROUP BY a.system_id, a.library_id, mon, a.format) c
        LEFT JOIN libraries l ON l.id = c.lib`,
      args: where.args,
    })
    return rows as PlainRow[]
  }
  const format = `CASE a.format ${FORMATS.map((f, i) => `WHEN '${f}' THEN ${i + 1}`).join(' ')} ELSE 0 END`
  const month = `CAST(replace(${romeMonthSql('a.start')}, '-', '') AS INTEGER)`
  const { rows } = await db.execute({
    sql: `SELECT c.k, l.comune AS com, c.dates, c.people FROM (
        SELECT ((COALESCE(a.library_id, 0) * ${PACKED_ID_LIMIT} + COALESCE(a.system_id, 0)) * 1000000 + ${month}) * 16
            + ${format} AS k,
          COUNT(CASE WHEN ${HELD} THEN 1 END) AS dates, COALESCE(SUM(a.total), 0) AS people
        FROM attendance a ${where.sql} GROUP BY k) c
      LEFT JOIN libraries l ON l.id = c.k / ${16 * 1000000 * PACKED_ID_LIMIT}`,
    args: where.args,
  })
  return rows.map((r) => {
    const k = num(r.k)
    const fmt = k % 16
    const yyyymm = Math.floor(k / 16) % 1000000
    const sys = Math.floor(k / 16 / 1000000) % PACKED_ID_LIMIT
    const lib = Math.floor(k / 16 / 1000000 / PACKED_ID_LIMIT)
    return {
      sys: sys || null,
      lib: lib || null,
      com: r.com,
      mon: `${String(Math.floor(yyyymm / 100)).padStart(4, '0')}-${String(yyyymm % 100).padStart(2, '0')}`,
      fmt: fmt ? FORMATS[fmt - 1] : null,
      dates: r.dates,
      people: r.people,
    }
  })
}

/**
 * The plain groupings and the attendance totals from one GROUP BY over their combinations (a few thousand rows
 * at most: systems × libraries × months × formats), added up here; one scan of the period instead of six.
 */
const plainGroups = async (db: Client, filter: StatsFilter, split: MonthSplit | null) => {
  const parts = await Promise.all(
    split
      ? [summedPlainRows(db, filter, split), ...split.edges.map((edge) => plainRows(db, { ...filter, ...edge }))]
      : [plainRows(db, filter)],
  )
  const rows: PlainRow[] = parts.flat()
  const sums = Object.fromEntries(PLAIN.map((g) => [g, new Map<string, GroupRow>()])) as Record<
    PlainGroup,
    Map<string, GroupRow>
  >
  let people = 0
  let heldDates = 0
  for (const r of rows) {
    const dates = num(r.dates)
    const n = num(r.people)
    people += n
    heldDates += dates
    const keys: Record<PlainGroup, unknown> = {
      system: r.sys,
      library: r.lib,
      comune: r.com,
      month: r.mon,
      format: r.fmt,
    }
    for (const by of PLAIN) {
      if (keys[by] == null || keys[by] === '') continue
      const key = String(keys[by])
      const row = sums[by].get(key) ?? { key, dates: 0, people: 0 }
      row.dates += dates
      row.people += n
      sums[by].set(key, row)
    }
  }
  const groups = Object.fromEntries(
    PLAIN.map((g) => [g, [...sums[g].values()].sort((a, b) => compareKeys(a.key, b.key))]),
  ) as Record<PlainGroup, GroupRow[]>
  return { groups, people, heldDates }
}

/** The summary's calendar and booking figures (attendance comes from the plain groupings). */
const calendarFigures = async (
  db: Client,
  filter: StatsFilter,
  now: Date,
): Promise<Omit<Summary, 'people' | 'heldDates'>> => {
  const occ = dated('o', filter).add("(o.status IS NULL OR o.status <> 'cancelled')")
  // A date's places: its own number, else the event's when registration is on; none on a date without
  // registration. Added up per event first, so the wide events table is read once per event, not per date.
  const datesRead = db.execute({
    sql: `SELECT COALESCE(SUM(pe.dates), 0) AS dates, COUNT(*) AS events,
        COALESCE(SUM(pe.own + CASE WHEN e.registration_mode IN ('required', 'optional')
          THEN pe.inherit * COALESCE(e.registration_places, 0) ELSE 0 END), 0) AS places
      FROM (SELECT o.event_id AS event_id, COUNT(*) AS dates,
          SUM(CASE WHEN o.no_registration = 1 THEN 0 ELSE COALESCE(o.places, 0) END) AS own,
          COUNT(CASE WHEN (o.no_registration IS NULL OR o.no_registration = 0) AND o.places IS NULL THEN 1 END) AS inherit
        FROM occurrences o ${occ.sql} GROUP BY o.event_id) pe
      LEFT JOIN events e ON e.id = pe.event_id`,
    args: occ.args,
  })
  const reg = dated('b', filter)
  const bookingsRead = db.execute({
    sql: `SELECT
        COALESCE(SUM(CASE WHEN b.status IN ('confirmed', 'attended') THEN b.people END), 0) AS booked,
        COALESCE(SUM(CASE WHEN b.status = 'confirmed' AND b.start < ? THEN b.people END), 0) AS no_shows,
        COALESCE(SUM(CASE WHEN b.status IN ('waiting', 'offered') THEN b.people END), 0) AS waiting
      FROM registrations b ${reg.sql}`,
    args: [now.toISOString(), ...reg.args],
  })
  const [dates, bookings] = await Promise.all([datesRead, bookingsRead])
  const d = dates.rows[0] ?? {}
  const b = bookings.rows[0] ?? {}
  return {
    dates: num(d.dates),
    events: num(d.events),
    places: num(d.places),
    booked: num(b.booked),
    noShows: num(b.no_shows),
    waiting: num(b.waiting),
  }
}

const SYSTEMS_OF = 'SELECT parent_id, systems_id FROM subscribers_rels WHERE systems_id IS NOT NULL'

const subscribers = async (db: Client, filter: StatsFilter): Promise<Subscribers> => {
  const own = filter.system != null ? `AND s.id IN (SELECT parent_id FROM (${SYSTEMS_OF}) WHERE systems_id = ?)` : ''
  const ownArgs = filter.system != null ? [filter.system] : []
  // An address that only follows pages (preferences.newsletter off) is not a newsletter subscriber.
  const confirmed =
    "s.status = 'confirmed' AND s.consent_confirmed_at IS NOT NULL AND COALESCE(s.preferences_newsletter, 1) = 1"
  const before = await db.execute({
    sql: `SELECT COUNT(*) AS n FROM subscribers s WHERE ${confirmed} AND s.consent_confirmed_at < ? ${own}`,
    args: [filter.from.toISOString(), ...ownArgs],
  })
  const months = await db.execute({
    sql: `SELECT ${romeMonthSql('s.consent_confirmed_at')} AS k, COUNT(*) AS n FROM subscribers s
      WHERE ${confirmed} AND s.consent_confirmed_at >= ? AND s.consent_confirmed_at < ? ${own} GROUP BY k ORDER BY k`,
    args: [filter.from.toISOString(), filter.to.toISOString(), ...ownArgs],
  })
  const systems = await db.execute({
    sql: `SELECT r.systems_id AS k, COUNT(DISTINCT s.id) AS n FROM subscribers s JOIN (${SYSTEMS_OF}) r ON r.parent_id = s.id
      WHERE ${confirmed} AND s.consent_confirmed_at < ? ${filter.system != null ? 'AND r.systems_id = ?' : ''}
      GROUP BY r.systems_id ORDER BY r.systems_id`,
    args: [filter.to.toISOString(), ...ownArgs],
  })
  let running = num(before.rows[0]?.n)
  return {
    before: running,
    byMonth: months.rows.map((r) => {
      running += num(r.n)
      return { key: String(r.k), value: num(r.n), cumulative: running }
    }),
    bySystem: systems.rows.map((r) => ({ key: String(r.k), value: num(r.n) })),
  }
}

/**
 * The figures counted by SQLite itself: one GROUP BY per table and grouping, nothing loaded row by row; the
 * attendance of whole months from the kept monthly sums (`monthlySums: false` reads every record, for the tests).
 */
export const sqlFigures =
  (payload: Payload, { monthlySums = true } = {}): FigureSource =>
  async (filter, now) => {
    const db = clientOf(payload)
    const split = monthlySums ? monthSplit(filter) : null
    // Independent statements: on the worker pool they run side by side.
    const [plain, events, band, calendar, subs] = await Promise.all([
      plainGroups(db, filter, split),
      eventGroups(db, filter),
      bandGroups(db, filter, split),
      calendarFigures(db, filter, now),
      subscribers(db, filter),
    ])
    const groups: Record<Group, GroupRow[]> = { ...plain.groups, ...events, band }
    return {
      summary: { ...calendar, people: plain.people, heldDates: plain.heldDates },
      groups,
      subscribers: subs,
    }
  }
