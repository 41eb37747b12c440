import Database from 'libsql'
import { describe, expect, it } from 'vitest'
import { romeMonth, romeMonthSql } from '../../cms/statistics/period'

/** `YYYY-MM` as Rome's calendar has it, from the platform's time-zone data (independent of the wing). */
const ROME_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' })

/** Every month's last day and first day of 2025–2028 at each UTC hour from 20:00 to 01:59, as stored (ISO). */
const instants = () => {
  const out: string[] = []
  for (let year = 2025; year <= 2028; year++)
    for (let month = 0; month < 12; month++) {
      const firstOfNext = Date.UTC(year, month + 1, 1)
      for (let minutes = -4 * 60; minutes < 2 * 60; minutes += 30)
        out.push(new Date(firstOfNext + minutes * 60_000).toISOString())
    }
  return out
}

describe("statistics: a date's month is the month of Rome's calendar", () => {
  it('in SQLite, for the hours around every month end of four years (summer and winter time)', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (start TEXT)')
    const insert = db.prepare('INSERT INTO t (start) VALUES (?)')
    const all = instants()
    for (const iso of all) insert.run(iso)
    const rows = db.prepare(`SELECT start, ${romeMonthSql('start')} AS month FROM t`).all() as {
      start: string
      month: string
    }[]
    expect(rows).toHaveLength(all.length)
    const wrong = rows.filter((r) => r.month !== ROME_MONTH.format(new Date(r.start)).slice(0, 7))
    expect(wrong).toEqual([])
    // The hours that differ from UTC are among them: 22:30 UTC on 31 July is 1 August in Rome.
    expect(rows.find((r) => r.start === '2026-07-31T22:30:00.000Z')?.month).toBe('2026-08')
    expect(rows.find((r) => r.start === '2026-12-31T23:30:00.000Z')?.month).toBe('2027-01')
    db.close()
  })

  it('in JavaScript, for the same instants', () => {
    for (const iso of instants()) expect(romeMonth(iso), iso).toBe(ROME_MONTH.format(new Date(iso)).slice(0, 7))
  })
})
