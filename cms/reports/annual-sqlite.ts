import type { LibraryYear } from './library-year'
import type { ReportScope } from './scope'
import { type SqlClient, scopeCondition } from './sqlite'

const n = (v: unknown) => Number(v ?? 0)

/**
 * `libraryYears` on SQLite: the same figures in four GROUP BY statements over the year's held dates (a CTE with
 * the same conditions as the adapter-neutral scan: public, not cancelled or postponed, within the scope),
 * instead of reading every date into the process. Rows are keyed like the scan: a library, or a system's
 * dates with no library. Tested with the same assertions as the scan (`tests/int/reports.int.spec.ts`).
 */
export const libraryYearsSql = async (
  client: SqlClient,
  scope: ReportScope,
  period: { from: string; to: string },
): Promise<LibraryYear[]> => {
  const [scopeSql, scopeArgs] = scopeCondition(scope)
  const heldWhere = `o.start >= ? AND o.start < ? AND (o.staff_only IS NULL OR o.staff_only = 0)
    AND (o.status IS NULL OR o.status NOT IN ('cancelled', 'postponed')) AND ${scopeSql}`
  const args = [period.from, period.to, ...scopeArgs]
  const key = (t: string) =>
    `CASE WHEN ${t}.library_id IS NULL THEN 'system:' || ${t}.system_id ELSE 'library:' || ${t}.library_id END`
  const group = `CASE r.path WHEN 'categories' THEN 'cat:' || r.categories_id ELSE 'aud:' || r.audiences_id END`
  // The attendance of the dates held, through the index on the occurrences' event (keyed by the row's owner).
  const attended = `FROM attendance a JOIN occurrences o ON o.event_id = a.event_id AND o.start = a.start
    WHERE ${heldWhere} AND ${scopeSql.replace('o.', 'a.')}`
  const withAttendance = [...args, ...scopeArgs]
  const run = async (sql: string, values: unknown[] = args) => (await client.execute({ sql, args: values })).rows
  const [base, by, attendance, attendanceBy] = await Promise.all([
    run(`SELECT ${key('o')} AS k, MIN(o.system_id) AS system, COUNT(DISTINCT o.event_id) AS events, COUNT(*) AS dates
         FROM occurrences o WHERE ${heldWhere} GROUP BY k`),
    run(`SELECT ${key('o')} AS k, ${group} AS g, COUNT(DISTINCT o.event_id) AS events, COUNT(DISTINCT o.id) AS dates
         FROM occurrences o JOIN occurrences_rels r ON r.parent_id = o.id AND r.path IN ('categories', 'audiences')
         WHERE ${heldWhere} GROUP BY k, g`),
    run(`SELECT ${key('a')} AS k, SUM(a.total) AS total ${attended} GROUP BY k`, withAttendance),
    run(
      `SELECT ${key('a')} AS k, CAST(g.band_id AS TEXT) AS g, SUM(g.count) AS total
         FROM attendance_ages g JOIN attendance a ON a.id = g._parent_id
         JOIN occurrences o ON o.event_id = a.event_id AND o.start = a.start
         WHERE ${heldWhere} AND ${scopeSql.replace('o.', 'a.')} GROUP BY k, g.band_id
       UNION ALL
       SELECT ${key('a')} AS k, ${group} AS g, SUM(a.total) AS total
         ${attended.replace('WHERE', "JOIN occurrences_rels r ON r.parent_id = o.id AND r.path IN ('categories', 'audiences') WHERE")}
         GROUP BY k, g`,
      [...withAttendance, ...withAttendance],
    ),
  ])
  const years = new Map<string, LibraryYear>()
  const yearOf = (k: string, system: unknown) => {
    let y = years.get(k)
    if (!y) {
      y = {
        library: k.startsWith('library:') ? Number(k.slice(8)) : null,
        system: n(system),
        events: 0,
        dates: 0,
        eventsBy: {},
        datesBy: {},
        attendance: 0,
        attendanceBy: {},
      }
      years.set(k, y)
    }
    return y
  }
  for (const r of base) Object.assign(yearOf(String(r.k), r.system), { events: n(r.events), dates: n(r.dates) })
  for (const r of by) {
    const y = years.get(String(r.k))
    if (!y) continue
    y.eventsBy[String(r.g)] = n(r.events)
    y.datesBy[String(r.g)] = n(r.dates)
  }
  // Attendance only on rows that have dates held, as the scan does.
  for (const r of attendance) {
    const y = years.get(String(r.k))
    if (y) y.attendance = n(r.total)
  }
  for (const r of attendanceBy) {
    const y = years.get(String(r.k))
    if (y) y.attendanceBy[String(r.g)] = (y.attendanceBy[String(r.g)] ?? 0) + n(r.total)
  }
  return [...years.values()]
}
