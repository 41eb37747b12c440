import type { Payload, Where } from 'payload'
import { comuneByIstat } from '../../collections/fields/comune'
import { fromWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Table } from '../tables'
import { libraryYearsSql } from './annual-sqlite'
import type { LibraryYear } from './library-year'
import { byIds, dateKey, type Id, idOf, pagesOf } from './read'
import { type ReportScope, scopeWhere } from './scope'
import { sqliteClient } from './sqlite'

const S = catalogue('it').reports.annual

/** The instants at which a calendar year begins and ends on Rome's clocks: dates whose start is in [from, to). */
export const yearPeriod = (year: number) => ({
  from: fromWall(new Date(Date.UTC(year, 0, 1))).toISOString(),
  to: fromWall(new Date(Date.UTC(year + 1, 0, 1))).toISOString(),
})

type DateRow = {
  id: Id
  event: Id
  start: string
  library?: Id | null
  system: Id
  categories?: Id[] | null
  audiences?: Id[] | null
}
type AttendanceRow = {
  id: Id
  event: Id
  start: string
  library?: Id | null
  system: Id
  total?: number | null
  ages?: { band: Id; count: number }[] | null
}

type Tally = { events: Set<string>; dates: number; eventsBy: Map<string, Set<string>>; datesBy: Map<string, number> }
const newTally = (): Tally => ({ events: new Set(), dates: 0, eventsBy: new Map(), datesBy: new Map() })

/** Dates that happened: public, not cancelled or postponed. */
const HELD = [
  { or: [{ staffOnly: { exists: false } }, { staffOnly: { equals: false } }] },
  { or: [{ status: { exists: false } }, { status: { not_in: ['cancelled', 'postponed'] } }] },
]

const rowKey = (library: unknown, system: unknown) =>
  library == null ? `system:${String(idOf(system))}` : `library:${String(idOf(library))}`

/**
 * The year's figures per library within the scope: events and dates held, each also by category (`cat:<id>`) and
 * by audience (`aud:<id>`), and attendance, total and by age band (`<band id>`). A date with two categories
 * counts under both; an event counts once under each category any of its dates has. Dates held are public dates
 * not cancelled or postponed; attendance is that of the dates held (a staff-only meeting's headcount is not the
 * public's), whatever the row's outcome. Dates in a
 * venue with no library are counted on a row of their system. Two implementations, the same figures: on SQLite
 * GROUP BY statements (`annual-sqlite.ts`); elsewhere, or with REPORTS_QUERY=scan, two scans a page at a time
 * with `select` (the occurrence rows and the attendance rows of the year).
 */
export const libraryYears = async (payload: Payload, scope: ReportScope, year: number): Promise<LibraryYear[]> => {
  const client = sqliteClient(payload)
  if (client && process.env.REPORTS_QUERY !== 'scan') return libraryYearsSql(client, scope, yearPeriod(year))
  return libraryYearsScan(payload, scope, year)
}

/** `libraryYears` on any adapter (MongoDB in production): the year's dates and attendance read a page at a time. */
const libraryYearsScan = async (payload: Payload, scope: ReportScope, year: number): Promise<LibraryYear[]> => {
  const { from, to } = yearPeriod(year)
  const period = [{ start: { greater_than_equal: from } }, { start: { less_than: to } }]
  const held = new Map<string, string[]>() // date key → its category and audience keys
  const tallies = new Map<string, Tally & { library: Id | null; system: Id }>()
  const tallyOf = (library: unknown, system: unknown) => {
    const key = rowKey(library, system)
    let t = tallies.get(key)
    if (!t) {
      t = { ...newTally(), library: idOf(library), system: idOf(system) as Id }
      tallies.set(key, t)
    }
    return t
  }
  const dateSelect = {
    event: true,
    start: true,
    library: true,
    system: true,
    categories: true,
    audiences: true,
  } as const
  for await (const page of pagesOf<DateRow>(
    payload,
    SLUGS.occurrences,
    { and: [...period, ...HELD, ...scopeWhere(scope)] },
    dateSelect,
  )) {
    for (const row of page) {
      const t = tallyOf(row.library, row.system)
      const event = String(idOf(row.event))
      t.events.add(event)
      t.dates++
      const keys = [
        ...(row.categories ?? []).map((c) => `cat:${String(idOf(c))}`),
        ...(row.audiences ?? []).map((a) => `aud:${String(idOf(a))}`),
      ]
      held.set(dateKey(row.event, row.start), [...new Set(keys)])
      for (const k of new Set(keys)) {
        t.datesBy.set(k, (t.datesBy.get(k) ?? 0) + 1)
        const set = t.eventsBy.get(k) ?? new Set<string>()
        set.add(event)
        t.eventsBy.set(k, set)
      }
    }
  }
  const attendance = new Map<string, { total: number; by: Map<string, number> }>()
  const attendanceSelect = { event: true, start: true, library: true, system: true, total: true, ages: true } as const
  for await (const page of pagesOf<AttendanceRow>(
    payload,
    SLUGS.attendance,
    { and: [...period, ...scopeWhere(scope)] },
    attendanceSelect,
  )) {
    for (const row of page) {
      const keys = held.get(dateKey(row.event, row.start))
      if (!keys) continue
      const key = rowKey(row.library, row.system)
      const a = attendance.get(key) ?? { total: 0, by: new Map<string, number>() }
      a.total += row.total ?? 0
      for (const k of keys) a.by.set(k, (a.by.get(k) ?? 0) + (row.total ?? 0))
      for (const age of row.ages ?? []) {
        const band = String(idOf(age.band))
        a.by.set(band, (a.by.get(band) ?? 0) + (age.count ?? 0))
      }
      attendance.set(key, a)
    }
  }
  return [...tallies.entries()].map(([key, t]) => ({
    library: t.library,
    system: t.system,
    events: t.events.size,
    dates: t.dates,
    eventsBy: Object.fromEntries([...t.eventsBy].map(([k, s]) => [k, s.size])),
    datesBy: Object.fromEntries(t.datesBy),
    attendance: attendance.get(key)?.total ?? 0,
    attendanceBy: Object.fromEntries(attendance.get(key)?.by ?? []),
  }))
}

/**
 * The yearly per-library summary (ISTAT library survey, Regione): every library within the scope (also those
 * with nothing in the year, a row of zeros), its comune and system, then the figures of `libraryYears` with one
 * column per category, audience and age band that occurs.
 */
export const annualSummary = async (payload: Payload, scope: ReportScope, year: number): Promise<Table> => {
  const years = await libraryYears(payload, scope, year)
  const libraryWhere: Where =
    scope.kind === 'network'
      ? {}
      : scope.kind === 'system'
        ? { system: { equals: scope.system } }
        : { id: { equals: scope.library } }
  const libraries: { id: Id; name: string; comune?: string | null; system: Id }[] = []
  for await (const page of pagesOf<(typeof libraries)[number]>(payload, SLUGS.libraries, libraryWhere, {
    name: true,
    comune: true,
    system: true,
  }))
    libraries.push(...page)
  const known = new Map(years.map((y) => [rowKey(y.library, y.system), y]))
  for (const library of libraries) {
    if (!known.has(rowKey(library.id, library.system)))
      known.set(rowKey(library.id, library.system), {
        library: library.id,
        system: idOf(library.system) as Id,
        events: 0,
        dates: 0,
        eventsBy: {},
        datesBy: {},
        attendance: 0,
        attendanceBy: {},
      })
  }
  const all = [...known.values()]
  const keysOf = (prefix: string) => [
    ...new Set(
      all.flatMap((y) =>
        Object.keys(y.datesBy)
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length)),
      ),
    ),
  ]
  const [categories, audiences, bands, systems, libraryNames] = await Promise.all([
    byIds<{ id: Id; name: string }>(payload, SLUGS.categories, keysOf('cat:'), { name: true }),
    byIds<{ id: Id; name: string }>(payload, SLUGS.audiences, keysOf('aud:'), { name: true }),
    payload.find({
      collection: SLUGS.attendanceBands,
      sort: ['order', 'id'],
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    byIds<{ id: Id; name: string }>(
      payload,
      SLUGS.systems,
      all.map((y) => y.system),
      { name: true },
    ),
    Promise.resolve(new Map(libraries.map((l) => [String(l.id), l]))),
  ])
  const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'it')
  const cats = [...categories.values()].sort(byName)
  const auds = [...audiences.values()].sort(byName)
  const bandList = bands.docs as unknown as { id: Id; name: string }[]
  const C = S.columns
  const num = (label: string) => ({ label, type: 'number' as const })
  const libraryOf = (y: LibraryYear) => (y.library == null ? undefined : libraryNames.get(String(y.library)))
  const rows = all
    .map((y) => ({ y, library: libraryOf(y), system: systems.get(String(y.system))?.name ?? '' }))
    .sort(
      (a, b) =>
        a.system.localeCompare(b.system, 'it') ||
        (a.library?.name ?? '\uffff').localeCompare(b.library?.name ?? '\uffff', 'it'),
    )
    .map(({ y, library, system }) => [
      library?.name ?? S.noLibrary,
      library?.comune ? (comuneByIstat.get(library.comune)?.name ?? '') : '',
      system,
      y.events,
      y.dates,
      ...cats.flatMap((c) => [y.eventsBy[`cat:${c.id}`] ?? 0, y.datesBy[`cat:${c.id}`] ?? 0]),
      ...auds.flatMap((a) => [y.eventsBy[`aud:${a.id}`] ?? 0, y.datesBy[`aud:${a.id}`] ?? 0]),
      y.attendance,
      ...bandList.map((b) => y.attendanceBy[String(b.id)] ?? 0),
    ])
  return {
    title: S.title(year),
    columns: [
      { label: C.library, type: 'text' },
      { label: C.comune, type: 'text' },
      { label: C.system, type: 'text' },
      num(C.events),
      num(C.dates),
      ...[...cats, ...auds].flatMap((x) => [num(C.eventsOf(x.name)), num(C.datesOf(x.name))]),
      num(C.attendance),
      ...bandList.map((b) => num(C.attendanceOf(b.name))),
    ],
    rows,
  }
}

export type { LibraryYear }
