import type { ReadClient } from '../sqlite-readers'
import { romeMonth } from './period'
import type { StatsFilter } from './types'

/**
 * The attendance added up per month of Rome's calendar, library, system and format (`attendance_sums`) and the
 * same per age band (`attendance_band_sums`), kept by SQLite triggers in the transaction of every attendance write
 * (migration `20261207_203439_attendance_monthly_sums`). A period's whole months are read from them, a few
 * thousand rows at most; only the days before its first whole month and after its last are read from the records.
 */

/** A month as the integer YYYYMM, the sums' key. */
type Month = number

const monthOf = (d: Date): Month => Number(romeMonth(d).replace('-', ''))
const next = (m: Month): Month => (m % 100 === 12 ? (Math.floor(m / 100) + 1) * 100 + 1 : m + 1)
const previous = (m: Month): Month => (m % 100 === 1 ? (Math.floor(m / 100) - 1) * 100 + 12 : m - 1)

/** The instant Rome's clocks show midnight of the 1st of month `m` (UTC+1 or UTC+2). */
const monthStart = (m: Month): Date => {
  const utc = Date.UTC(Math.floor(m / 100), (m % 100) - 1, 1)
  for (const hours of [1, 2]) {
    const t = new Date(utc - hours * 3_600_000)
    if (monthOf(t) === m && monthOf(new Date(t.getTime() - 1)) !== m) return t
  }
  throw new Error(`statistics: no midnight found for month ${m}`)
}

export const formatMonth = (m: Month) =>
  `${String(Math.floor(m / 100)).padStart(4, '0')}-${String(m % 100).padStart(2, '0')}`

/** A period cut into the whole months read from the sums and the edges read from the records. */
export type MonthSplit = { first: Month; last: Month; edges: { from: Date; to: Date }[] }

/**
 * How `filter` is read: null when the sums cannot answer it (a filter on what the event carries: its categories,
 * audiences, campaigns or funders are not in the sums) or when the period holds no whole month.
 */
export const monthSplit = (filter: StatsFilter): MonthSplit | null => {
  if (filter.category != null || filter.audience != null || filter.campaign != null || filter.funder != null)
    return null
  const { from, to } = filter
  if (!(from < to) || from.getUTCFullYear() < 1000 || to.getUTCFullYear() > 9998) return null
  const own = monthOf(from)
  const first = monthStart(own).getTime() === from.getTime() ? own : next(own)
  // `to` is excluded: the month it falls in is never whole, even when `to` is its first instant.
  const last = previous(monthOf(to))
  if (first > last) return null
  const edges = [
    { from, to: monthStart(first) },
    { from: monthStart(next(last)), to },
  ].filter((e) => e.from < e.to)
  return { first, last, edges }
}

/** The sums' conditions for the filter's system, library and format, and the months. */
const where = (filter: StatsFilter, split: MonthSplit, alias: string) => {
  const parts = [`${alias}.month BETWEEN ? AND ?`]
  const args: unknown[] = [split.first, split.last]
  const add = (sql: string, arg: unknown) => {
    parts.push(sql)
    args.push(arg)
  }
  if (filter.system != null) add(`${alias}.system_id = ?`, filter.system)
  if (filter.library != null) add(`${alias}.library_id = ?`, filter.library)
  if (filter.format) add(`${alias}.format = ?`, filter.format)
  return { sql: parts.join(' AND '), args }
}

/** The whole months' combinations of library, system, month and format, shaped as the records' GROUP BY rows. */
export const summedPlainRows = async (db: ReadClient, filter: StatsFilter, split: MonthSplit) => {
  const w = where(filter, split, 's')
  const { rows } = await db.execute({
    sql: `SELECT s.system_id AS sys, s.library_id AS lib, l.comune AS com, s.month AS mon, s.format AS fmt,
        s.held AS dates, s.people AS people
      FROM attendance_sums s LEFT JOIN libraries l ON l.id = s.library_id WHERE ${w.sql} AND s.records <> 0`,
    args: w.args,
  })
  // The sums keep a missing library, system or format as 0 or '' (a key column cannot be NULL).
  return rows.map((r) => ({
    sys: r.sys || null,
    lib: r.lib || null,
    com: r.lib ? r.com : null,
    mon: formatMonth(Number(r.mon)),
    fmt: r.fmt || null,
    dates: r.dates,
    people: r.people,
  }))
}

/** The whole months' attendance by age band: each band's held dates and people. */
export const summedBandRows = async (db: ReadClient, filter: StatsFilter, split: MonthSplit) => {
  const w = where(filter, split, 's')
  const { rows } = await db.execute({
    sql: `SELECT s.band_id AS k, SUM(s.held) AS dates, SUM(s.people) AS people FROM attendance_band_sums s
      WHERE ${w.sql} GROUP BY s.band_id HAVING SUM(s.rows) <> 0`,
    args: w.args,
  })
  return rows
}
