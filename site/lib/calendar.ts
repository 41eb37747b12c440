import type { Where } from 'payload'
import type { Event, Library } from '../../cms/payload-types'
import type { EventStatus } from '../../collections/enums'
import { fromWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { resolveFilters, whereOf } from './agenda'
import { activeFilters } from './agenda-view'
import { FilterError, type Filters, filtersToParams, parseFilters, searchWords } from './filters'
import { formatMonth, formatTime, formatTimeRange, isoWithOffset, lastDay, romeDate } from './format'
import { strings } from './i18n'
import { filterOptions } from './options'
import { getPayload } from './payload'
import { currentSearchIndex } from './search/sync'
import { agendaPath, calendarPath, eventPath, type Locale } from './urls'

const MONTH = /^(\d{4})-(\d{2})$/
/** More rows than any real month has; the page says so if a month ever exceeds it. */
const MAX_ROWS = 2000
/** Entries a day shows (a title repeated on that day is one entry); the rest are behind "altri N". */
export const PER_DAY = 4

/** `mese=YYYY-MM` (default: the current month in Rome). */
export const parseMonth = (params: URLSearchParams, now: Date = new Date()): string => {
  const values = params.getAll('mese').filter((v) => v !== '')
  if (values.length > 1) throw new FilterError('mese', 'Il parametro «mese» può comparire una sola volta.')
  const value = values[0]
  if (value === undefined) return romeDate(now).slice(0, 7)
  const m = MONTH.exec(value)
  const year = Number(m?.[1])
  const month = Number(m?.[2])
  if (!m || month < 1 || month > 12 || year < 2000 || year > 2100)
    throw new FilterError('mese', 'Il mese deve essere nel formato AAAA-MM (per esempio 2026-12).')
  return value
}

const shiftMonth = (month: string, delta: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const d = new Date(Date.UTC(y, m - 1 + delta, 1))
  return d.toISOString().slice(0, 7)
}

const lastDayOfMonth = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10)
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

export type CalendarItem = {
  title: string
  href: string
  startIso: string
  timeLabel: string
  status: EventStatus
  statusLabel: string | null
  /** Where: the library, or how many libraries a repeated title is in. */
  place: string
  /** The dates this entry stands for on its day: 1, or a title repeated (a weekly reading in many libraries). */
  count: number
  /** Began on an earlier day (an exhibition still open). */
  ongoing: boolean
}
export type CalendarDay = {
  day: string
  inMonth: boolean
  items: CalendarItem[]
  /** Every date on that day, and those not among `items`. */
  total: number
  hidden: number
  moreHref: string
}

/** One date of the month as the grid sees it: from the search index or from a database row. */
type Span = { id: string; start: number; end: number; title: string; event: string; library: string | null }

/** A day's entry: the dates of one title (that began that day, or earlier), the first of them shown. */
type Entry = {
  title: string
  ongoing: boolean
  first: string
  count: number
  events: Set<string>
  libraries: Set<string>
}
type DayEntries = { total: number; entries: Map<string, Entry> }

const nextRomeMidnight = (instant: number) => {
  const [y, m, d] = romeDate(new Date(instant)).split('-').map(Number) as [number, number, number]
  return fromWall(new Date(Date.UTC(y, m - 1, d + 1))).getTime()
}

/**
 * The month's grid, fed with every matching date in agenda order (start, id): a date sits on each day it covers
 * within the month (an exhibition on every day it is open), and on each day the dates of one title are one entry.
 * Both query paths feed it the same spans, so they draw the same grid.
 */
class MonthGrid {
  readonly days = new Map<string, DayEntries>()
  /** The dates placed on at least one day of the month. */
  dates = 0
  private startDay = ''
  private startDayEnd = Number.NEGATIVE_INFINITY

  constructor(
    private readonly first: string,
    private readonly last: string,
  ) {}

  add(span: Span) {
    if (span.start >= this.startDayEnd) {
      this.startDay = romeDate(new Date(span.start))
      this.startDayEnd = nextRomeMidnight(span.start)
    }
    // The last day it covers: an end at midnight (all-day, or a late evening) closes the day before.
    const lastCovered = span.end - 1 >= this.startDayEnd ? romeDate(new Date(span.end - 1)) : this.startDay
    const until = [lastCovered, this.last].sort()[0] as string // ISO days sort as strings
    const from = [this.startDay, this.first].sort()[1] as string
    if (from <= until) this.dates++
    for (let day = from; day <= until; day = nextDay(day)) {
      const ongoing = day !== this.startDay
      let entries = this.days.get(day)
      if (!entries) {
        entries = { total: 0, entries: new Map() }
        this.days.set(day, entries)
      }
      entries.total++
      const key = `${ongoing ? 1 : 0}|${span.title}`
      let entry = entries.entries.get(key)
      if (!entry) {
        entry = { title: span.title, ongoing, first: span.id, count: 0, events: new Set(), libraries: new Set() }
        entries.entries.set(key, entry)
      }
      entry.count++
      entry.events.add(span.event)
      if (span.library !== null) entry.libraries.add(span.library)
    }
  }

  /** The entries each day shows: those that begin that day first, then those still open, each in agenda order. */
  shown(day: string): Entry[] {
    const all = [...(this.days.get(day)?.entries.values() ?? [])]
    return [...all.filter((e) => !e.ongoing), ...all.filter((e) => e.ongoing)].slice(0, PER_DAY)
  }
}

type Row = {
  id: number | string
  title: string
  start: string
  end: string
  allDay?: boolean | null
  status?: string | null
  event?: number | Event | null
  library?: number | Library | null
}

const idOf = (value: unknown): string | null =>
  value === null || value === undefined
    ? null
    : String(typeof value === 'object' && 'id' in value ? (value as { id: unknown }).id : value)

/**
 * The month's grid and the rows of the entries it shows. From the search index when it is current: every
 * matching date is placed from the index, and only the shown entries' first rows are read; otherwise from
 * the database, at most MAX_ROWS rows.
 */
const monthGrid = async (filters: Filters, first: string, last: string, now: Date) => {
  const resolved = await resolveFilters(filters, now)
  const payload = await getPayload()
  const find = async (where: Where, limit: number) =>
    (
      await payload.find({
        collection: SLUGS.occurrences,
        where,
        sort: ['start', 'id'],
        depth: 1,
        limit,
        pagination: false,
        select: { title: true, start: true, end: true, allDay: true, status: true, event: true, library: true },
        populate: { events: { slug: true }, libraries: { name: true } },
        overrideAccess: false,
      })
    ).docs as Row[]
  const shownIds = (grid: MonthGrid) => [...grid.days.keys()].flatMap((day) => grid.shown(day).map((e) => e.first))
  const index = await currentSearchIndex({ wait: true })
  if (index) {
    const grid = new MonthGrid(first, last)
    index.forEachMatch(resolved, (id, start, event, end) => {
      const { key, title, library } = index.eventAt(event)
      grid.add({ id, start, end, title, event: key, library })
    })
    const ids = [...new Set(shownIds(grid))]
    const rows = ids.length ? await find({ id: { in: ids } }, ids.length) : []
    // Rows rewritten since the index was built (see findAgendaPage): the database answers.
    if (rows.length === ids.length) return { grid, rows, truncated: false }
  }
  const rows = await find(whereOf(resolved), MAX_ROWS)
  const grid = new MonthGrid(first, last)
  for (const o of rows)
    grid.add({
      id: String(o.id),
      start: Date.parse(o.start),
      end: Date.parse(o.end),
      title: o.title,
      event: idOf(o.event) ?? '',
      library: idOf(o.library),
    })
  return { grid, rows, truncated: rows.length >= MAX_ROWS }
}

/**
 * The month view: weeks from Monday, each day with its entries; a date spanning several days (an exhibition)
 * is on each of them, and a title repeated on one day (a weekly reading in many libraries) is one entry.
 */
export const calendarView = async (searchParams: URLSearchParams, locale: Locale, now: Date = new Date()) => {
  const t = strings(locale)
  const month = parseMonth(searchParams, now)
  const parsed = parseFilters(searchParams)
  const first = `${month}-01`
  const last = lastDayOfMonth(month)
  const filters: Filters = { ...parsed, quando: null, da: first, a: last, pagina: 1 }
  const [{ grid, rows, truncated }, options] = await Promise.all([
    monthGrid(filters, first, last, now),
    filterOptions(),
  ])
  const rowById = new Map(rows.map((o) => [String(o.id), o]))

  // Filters other than the month travel with every link.
  const shown: Filters = { ...parsed, quando: null, da: null, a: null, pagina: 1 }
  const base = filtersToParams(shown, { page: false })
  const monthHref = (m: string) => {
    const p = new URLSearchParams(base)
    p.set('mese', m)
    return calendarPath(p, locale)
  }
  const dayHref = (day: string, q?: string) => {
    const p = new URLSearchParams(base)
    p.set('da', day)
    p.set('a', day)
    if (q) p.set('q', q)
    return agendaPath(p, locale)
  }

  const itemOf = (day: string, entry: Entry): CalendarItem | null => {
    const o = rowById.get(entry.first)
    if (!o) return null
    const status = (o.status ?? 'scheduled') as EventStatus
    const slug = typeof o.event === 'object' ? o.event?.slug : null
    const library = typeof o.library === 'object' ? (o.library?.name ?? '') : ''
    // A title repeated on the day leads to that day's list of it; one event's dates to the event.
    const href =
      entry.events.size > 1
        ? dayHref(day, searchWords(entry.title).join(' '))
        : slug
          ? eventPath(slug, locale, romeDate(o.start))
          : '#'
    return {
      title: o.title,
      href,
      startIso: isoWithOffset(o.start),
      timeLabel:
        o.allDay || lastDay(o) !== romeDate(o.start) ? formatTimeRange(o, locale, now) : formatTime(o.start, locale),
      status,
      statusLabel: status === 'scheduled' ? null : t.statusLabels[status],
      place: entry.libraries.size > 1 ? t.calendarLibraries(entry.libraries.size) : library,
      count: entry.count,
      ongoing: entry.ongoing,
    }
  }

  // Monday-first weeks covering the month.
  const firstDate = new Date(`${first}T00:00:00Z`)
  const lead = (firstDate.getUTCDay() + 6) % 7
  const weeks: CalendarDay[][] = []
  let cursor = new Date(firstDate.getTime() - lead * 86_400_000)
  while (cursor.toISOString().slice(0, 10) <= last) {
    const week: CalendarDay[] = []
    for (let i = 0; i < 7; i++) {
      const day = cursor.toISOString().slice(0, 10)
      const entries = day.startsWith(month) ? grid.shown(day) : []
      const items = entries.flatMap((e) => itemOf(day, e) ?? [])
      const total = grid.days.get(day)?.total ?? 0
      week.push({
        day,
        inMonth: day.startsWith(month),
        items,
        total,
        hidden: total - entries.reduce((n, e) => n + e.count, 0),
        moreHref: dayHref(day),
      })
      cursor = new Date(cursor.getTime() + 86_400_000)
    }
    weeks.push(week)
  }

  return {
    month,
    monthLabel: formatMonth(month, locale),
    weeks,
    /** Dates in the month (an exhibition counts once, however many days it is open). */
    total: grid.dates,
    truncated,
    active: activeFilters(shown, options, locale, (p) => {
      p.set('mese', month)
      return calendarPath(p, locale)
    }),
    previousHref: monthHref(shiftMonth(month, -1)),
    nextHref: monthHref(shiftMonth(month, 1)),
    listHref: agendaPath(base, locale),
    canonical: monthHref(month),
    today: romeDate(now),
  }
}

export type CalendarView = Awaited<ReturnType<typeof calendarView>>
