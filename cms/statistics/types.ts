import type { AttendanceFormat } from '../../collections/enums'

export type Id = number | string

/** What a report is asked for: a period [from, to) and the filters of the view's form. */
export type StatsFilter = {
  from: Date
  to: Date
  system?: Id
  library?: Id
  category?: Id
  audience?: Id
  campaign?: Id
  funder?: Id
  format?: AttendanceFormat
}

/** The groupings of attendance: each row is one value of the grouping (an id, a month `YYYY-MM`, a format…). */
export const GROUPS = [
  'system',
  'library',
  'comune',
  'month',
  'category',
  'audience',
  'campaign',
  'funder',
  'format',
  'band',
] as const
export type Group = (typeof GROUPS)[number]

/** One row of a grouping: dates with attendance recorded (held) and the people counted on them. */
export type GroupRow = { key: string; dates: number; people: number }

export type Summary = {
  /** Dates in the calendar in the period (cancelled ones excluded) and the events they belong to. */
  dates: number
  events: number
  /** Places offered on those dates (dates without a limit add nothing). */
  places: number
  /** Attendance: people counted, dates with attendance recorded as held. */
  people: number
  heldDates: number
  /** Bookings: people confirmed or attended, confirmed and never marked arrived once the date is past (no-shows), waiting or offered. */
  booked: number
  noShows: number
  waiting: number
}

export type MonthRow = { key: string; value: number; cumulative: number }

export type Subscribers = {
  /** Subscribers still confirmed who confirmed in each month of the period, and the running total. */
  byMonth: MonthRow[]
  /** Confirmed before the period began. */
  before: number
  /** Confirmed subscribers (at the end of the period) who chose each system. */
  bySystem: { key: string; value: number }[]
}

export type Figures = { summary: Summary; groups: Record<Group, GroupRow[]>; subscribers: Subscribers }

/** The two implementations behind one interface (see README): SQL over SQLite's tables, or the Local API. */
export type FigureSource = (filter: StatsFilter, now: Date) => Promise<Figures>

/** Ids sort as numbers when they are numbers (as SQLite's ORDER BY does), anything else as text. */
export const compareKeys = (a: string, b: string) =>
  /^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0
