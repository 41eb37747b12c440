import { ATTENDANCE_FORMAT_LABELS, type AttendanceFormat } from '../../collections/enums'
import type { Id, StatsFilter } from './types'

/** The instant Rome's clocks show midnight of 1 January of `year` (Italy: UTC+1 in winter). */
export const yearStart = (year: number) => new Date(Date.UTC(year - 1, 11, 31, 23, 0, 0))

const ROME_YEAR = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric' })
const ROME_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' })

/** The month Rome's calendar gives an instant, `YYYY-MM`: a date at 00:30 on 1 April belongs to April. */
export const romeMonth = (iso: string | Date): string => {
  const d = iso instanceof Date ? iso : new Date(iso)
  return Number.isNaN(d.getTime()) ? '' : ROME_MONTH.format(d).slice(0, 7)
}

/**
 * The same in SQLite, for an ISO column: only the two hours before a month's end can differ from UTC (a cheap
 * test on day and hour leaves the date arithmetic to those rows), and at
 * every month's end Rome is UTC+2 from the end of March to the end of September (summer time begins on the last
 * Sunday of March, ends on the last Sunday of October) and UTC+1 otherwise. The triggers of the kept monthly sums
 * (migration `20261207_203439_attendance_monthly_sums`) hold a copy: a change here needs a migration rebuilding them.
 */
export const romeMonthSql = (column: string) =>
  `CASE WHEN substr(${column}, 9, 5) >= '28T22' THEN substr(datetime(${column}, CASE WHEN CAST(substr(${column}, 6, 2) AS INTEGER) BETWEEN 3 AND 9 THEN '+2 hours' ELSE '+1 hours' END), 1, 7) ELSE substr(${column}, 1, 7) END`

/** The same period one year earlier. */
export const lastYear = (filter: StatsFilter): StatsFilter => {
  const back = (d: Date) => {
    const c = new Date(d)
    c.setUTCFullYear(c.getUTCFullYear() - 1)
    return c
  }
  return { ...filter, from: back(filter.from), to: back(filter.to) }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const ID = /^[0-9a-f]{1,24}$/i

/** A `YYYY-MM-DD` of the form as the instant Rome's day begins (winter or summer offset taken from the date). */
const romeDay = (day: string, plusDays = 0): Date | null => {
  if (!DAY.test(day)) return null
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  const check = new Date(Date.UTC(y, m - 1, d))
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null
  const utc = new Date(Date.UTC(y, m - 1, d + plusDays))
  const offset = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Rome', timeZoneName: 'shortOffset' })
    .formatToParts(utc)
    .find((p) => p.type === 'timeZoneName')?.value
  const hours = Number(/GMT([+-]\d+)/.exec(offset ?? '')?.[1] ?? 1)
  return new Date(utc.getTime() - hours * 3600_000)
}

/** The current year in Rome: what a report shows before its form is used. */
export const currentYear = (now = new Date()): StatsFilter => {
  const year = Number(ROME_YEAR.format(now))
  return { from: yearStart(year), to: yearStart(year + 1) }
}

export type ParsedFilter = { ok: true; filter: StatsFilter } | { ok: false; field: string }

const idOf = (value: string | null): Id | undefined => {
  if (!value || !ID.test(value)) return undefined
  return /^\d+$/.test(value) ? Number(value) : value
}

/**
 * The view's GET form as a filter: `dal`/`al` (days, both included; default the current year in Rome),
 * `sistema`, `biblioteca`, `categoria`, `pubblico`, `campagna`, `finanziatore`, `formato`. A malformed value
 * names its field; unknown parameters are ignored.
 */
export const parseFilter = (params: URLSearchParams, now = new Date()): ParsedFilter => {
  const year = currentYear(now)
  const fromText = params.get('dal')
  const toText = params.get('al')
  const from = fromText ? romeDay(fromText) : year.from
  if (!from) return { ok: false, field: 'dal' }
  const to = toText ? romeDay(toText, 1) : year.to
  if (!to || to <= from) return { ok: false, field: 'al' }
  const filter: StatsFilter = { from, to }
  const ids = [
    ['sistema', 'system'],
    ['biblioteca', 'library'],
    ['categoria', 'category'],
    ['pubblico', 'audience'],
    ['campagna', 'campaign'],
    ['finanziatore', 'funder'],
  ] as const
  for (const [param, key] of ids) {
    const raw = params.get(param)
    if (!raw) continue
    const id = idOf(raw)
    if (id == null) return { ok: false, field: param }
    filter[key] = id
  }
  const format = params.get('formato')
  if (format) {
    if (!(format in ATTENDANCE_FORMAT_LABELS)) return { ok: false, field: 'formato' }
    filter.format = format as AttendanceFormat
  }
  return { ok: true, filter }
}

/** The filter back as the form's query string (the address of a report). */
export const filterQuery = (filter: StatsFilter): URLSearchParams => {
  const q = new URLSearchParams()
  const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(d)
  q.set('dal', day(filter.from))
  q.set('al', day(new Date(filter.to.getTime() - 1)))
  const pairs: [string, unknown][] = [
    ['sistema', filter.system],
    ['biblioteca', filter.library],
    ['categoria', filter.category],
    ['pubblico', filter.audience],
    ['campagna', filter.campaign],
    ['finanziatore', filter.funder],
    ['formato', filter.format],
  ]
  for (const [k, v] of pairs) if (v != null) q.set(k, String(v))
  return q
}
