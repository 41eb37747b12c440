import type { Payload } from 'payload'
import type { LibraryYear } from './annual'
import type { ReportScope } from './scope'

type Client = { execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

/** The SQLite client under the adapter, or `null` on any other database. */
export const sqliteClient = (payload: Payload): Client | null =>
  payload.db.name === 'sqlite' ? ((payload.db as unknown as { client?: Client }).client ?? null) : null

const n = (v: unknown) => Number(v ?? 0)

/**
 * `libraryYears` on SQLite: the same figures in four GROUP BY statements over the year's held dates (a CTE with
 * the same conditions as the adapter-neutral scan: public, not cancelled or postponed, within the scope),
 * instead of reading every date into the process. Rows are keyed like the scan: a library, or a system's
 * dates with no library. Tested with the same assertions as the scan (`tests/int/reports.int.spec.ts`).
 */
export const libraryYearsSql = async (
  client: Client,
  scope: ReportScope,
  period: { from: string; to: string },
): Promise<LibraryYear[]> => {
  const [scopeSql, scopeArgs] =
    scope.kind === 'network'
      ? ['1 = 1', []]
      : scope.kind === 'system'
        ? ['o.system_id = ?', [scope.system]]
        : ['o.library_id = ?', [scope.library]]
  const held = `WITH held AS (
      SELECT o.id, o.event_id, o.start, o.library_id, o.system_id,
        CASE WHEN o.library_id IS NULL THEN 'system:' || o.system_id ELSE 'library:' || o.library_id END AS k
      FROM occurrences o
      WHERE o.start >= ? AND o.start < ? AND (o.staff_only IS NULL OR o.staff_only = 0)
        AND (o.status IS NULL OR o.status NOT IN ('cancelled', 'postponed')) AND ${scopeSql})`
  const args = [period.from, period.to, ...scopeArgs]
  const attScope = scopeSql.replace('o.', 'a.')
  const attended = `, att AS (
      SELECT a.id, a.total, h.id AS occurrence,
        CASE WHEN a.library_id IS NULL THEN 'system:' || a.system_id ELSE 'library:' || a.library_id END AS k
      FROM attendance a JOIN held h ON h.event_id = a.event_id AND h.start = a.start
      WHERE ${attScope})`
  const run = async (sql: string, withAttendance = false) =>
    (await client.execute({ sql, args: withAttendance ? [...args, ...scopeArgs] : args })).rows
  const [base, by, attendance, attendanceBy] = await Promise.all([
    run(`${held} SELECT k, MIN(library_id) AS library, MIN(system_id) AS system,
           COUNT(DISTINCT event_id) AS events, COUNT(*) AS dates FROM held GROUP BY k`),
    run(`${held} SELECT h.k, CASE r.path WHEN 'categories' THEN 'cat:' || r.categories_id ELSE 'aud:' || r.audiences_id END AS g,
           COUNT(DISTINCT h.event_id) AS events, COUNT(DISTINCT h.id) AS dates
         FROM held h JOIN occurrences_rels r ON r.parent_id = h.id AND r.path IN ('categories', 'audiences')
         GROUP BY h.k, g`),
    run(`${held}${attended} SELECT k, SUM(total) AS total FROM att GROUP BY k`, true),
    run(
      `${held}${attended}
         SELECT k, 'band' AS kind, CAST(g.band_id AS TEXT) AS g, SUM(g.count) AS total
           FROM att JOIN attendance_ages g ON g._parent_id = att.id GROUP BY k, g.band_id
         UNION ALL
         SELECT att.k, 'group', CASE r.path WHEN 'categories' THEN 'cat:' || r.categories_id ELSE 'aud:' || r.audiences_id END,
           SUM(att.total)
           FROM att JOIN occurrences_rels r ON r.parent_id = att.occurrence AND r.path IN ('categories', 'audiences')
           GROUP BY att.k, r.path, r.categories_id, r.audiences_id`,
      true,
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
