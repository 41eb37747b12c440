import type { Where } from 'payload'
import type { Event } from '../../cms/payload-types'
import type { EventStatus } from '../../collections/enums'
import { fromWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { resolveFilters, whereOf } from './agenda'
import { FilterError, type Filters, filtersToParams, parseFilters } from './filters'
import { formatMonth, formatTime, formatTimeRange, type Instant, isoWithOffset, lastDay, romeDate } from './format'
import { strings } from './i18n'
import { getPayload } from './payload'
import { currentSearchIndex } from './search/sync'
import { agendaPath, calendarPath, eventPath, type Locale } from './urls'

const MONTH = /^(\d{4})-(\d{2})$/
/** More rows than any real month has; the page says so if a month ever exceeds it. */
const MAX_ROWS = 2000
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

export type CalendarItem = {
  title: string
  href: string
  startIso: string
  timeLabel: string
  status: EventStatus
  statusLabel: string | null
}
export type CalendarDay = { day: string; inMonth: boolean; items: CalendarItem[]; moreHref: string; total: number }

/** The Rome day a row sits on in the grid: its start day, or the 1st for what began the month before. */
const dayOf = (start: Instant, first: string) => {
  const day = romeDate(start)
  return day < first ? first : day
}

const nextRomeMidnight = (instant: number) => {
  const [y, m, d] = romeDate(new Date(instant)).split('-').map(Number) as [number, number, number]
  return fromWall(new Date(Date.UTC(y, m - 1, d + 1))).getTime()
}

/**
 * The rows the grid shows and how many each day has. From the search index when it is current: only the
 * first PER_DAY rows of each day are read; otherwise from the database, at most MAX_ROWS rows.
 */
const monthRows = async (filters: Filters, first: string, now: Date) => {
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
        select: { title: true, start: true, end: true, allDay: true, status: true, event: true },
        populate: { events: { slug: true } },
        overrideAccess: false,
      })
    ).docs
  const totals = new Map<string, number>()
  const index = await currentSearchIndex({ wait: true })
  if (index) {
    const shown: string[] = []
    let day = ''
    let dayEnd = Number.NEGATIVE_INFINITY
    index.forEachMatch(resolved, (id, start) => {
      if (start >= dayEnd) {
        day = dayOf(new Date(start), first)
        dayEnd = nextRomeMidnight(start)
      }
      const seen = totals.get(day) ?? 0
      if (seen < PER_DAY) shown.push(id)
      totals.set(day, seen + 1)
    })
    const rows = shown.length ? await find({ id: { in: shown } }, shown.length) : []
    if (rows.length === shown.length) return { rows, totals, truncated: false }
    totals.clear() // rows rewritten since the index was built (see findAgendaPage): the database answers
  }
  const rows = await find(whereOf(resolved), MAX_ROWS)
  for (const o of rows) {
    const day = dayOf(o.start, first)
    totals.set(day, (totals.get(day) ?? 0) + 1)
  }
  return { rows, totals, truncated: rows.length >= MAX_ROWS }
}

/** The month view: weeks from Monday, each day with its events (an event that began earlier sits on the 1st). */
export const calendarView = async (searchParams: URLSearchParams, locale: Locale, now: Date = new Date()) => {
  const t = strings(locale)
  const month = parseMonth(searchParams, now)
  const parsed = parseFilters(searchParams)
  const first = `${month}-01`
  const last = lastDayOfMonth(month)
  const filters: Filters = { ...parsed, quando: null, da: first, a: last, pagina: 1 }
  const byDay = new Map<string, CalendarItem[]>()
  const { rows, totals, truncated } = await monthRows(filters, first, now)
  for (const o of rows) {
    const day = dayOf(o.start, first)
    const slug = (o.event as Event | null)?.slug
    const status = (o.status ?? 'scheduled') as EventStatus
    const item: CalendarItem = {
      title: o.title,
      href: slug ? eventPath(slug, locale, romeDate(o.start)) : '#',
      startIso: isoWithOffset(o.start),
      timeLabel:
        o.allDay || lastDay(o) !== romeDate(o.start) ? formatTimeRange(o, locale, now) : formatTime(o.start, locale),
      status,
      statusLabel: status === 'scheduled' ? null : t.statusLabels[status],
    }
    byDay.set(day, [...(byDay.get(day) ?? []), item])
  }

  // Filters other than the month travel with every link.
  const base = filtersToParams({ ...parsed, quando: null, da: null, a: null, pagina: 1 }, { page: false })
  const monthHref = (m: string) => {
    const p = new URLSearchParams(base)
    p.set('mese', m)
    return calendarPath(p, locale)
  }
  const dayHref = (day: string) => {
    const p = new URLSearchParams(base)
    p.set('da', day)
    p.set('a', day)
    return agendaPath(p, locale)
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
      const items = byDay.get(day) ?? []
      week.push({
        day,
        inMonth: day.startsWith(month),
        items: items.slice(0, PER_DAY),
        total: totals.get(day) ?? 0,
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
    total: [...totals.values()].reduce((a, b) => a + b, 0),
    truncated,
    previousHref: monthHref(shiftMonth(month, -1)),
    nextHref: monthHref(shiftMonth(month, 1)),
    listHref: agendaPath(base, locale),
    canonical: monthHref(month),
    today: romeDate(now),
  }
}

export type CalendarView = Awaited<ReturnType<typeof calendarView>>
