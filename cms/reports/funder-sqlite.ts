import type { EventStatus } from '../../collections/enums'
import { comuneByIstat } from '../../collections/fields/comune'
import { mergeSupport, type Period, type SupportedActivity, type SupportRow, type SupportSource } from '../funders'
import type { Id } from './read'
import type { ReportScope } from './scope'
import { type SqlClient, scopeCondition } from './sqlite'

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString()

/** One date as the statement returns it, in the order of its `json_array`. */
type DateTuple = [
  id: Id,
  event: Id,
  title: string,
  start: string,
  end: string,
  status: EventStatus | null,
  comune: string | null,
  library: string | null,
  attendance: number | null,
  series: Id | null,
  festival: Id | null,
  campaign: Id | null,
]

const SUPPORT_TABLES: [SupportSource, string][] = [
  ['event', 'events_support'],
  ['series', 'series_support'],
  ['festival', 'festivals_support'],
  ['campaign', 'campaigns_support'],
]

/**
 * `funderActivities` on SQLite, in two statements: the support rows that name the funder, and its dates in the
 * period within the scope, with their library's name, their attendance and the first of their campaigns that
 * names the funder. The attribution (role, detail, through) is then `mergeSupport` over the same mentions the
 * scan builds, so both implementations share the rule. The same rows, in the same order (start, then id), as
 * the adapter-neutral scan over `supportedActivityPages`.
 */
export const funderActivitiesSql = async (
  client: SqlClient,
  scope: ReportScope,
  funder: Id,
  period: Period,
): Promise<(SupportedActivity & { attendance: number | null })[]> => {
  const [scopeSql, scopeArgs] = scopeCondition(scope)
  const named = (table: string) => `SELECT _parent_id FROM ${table} WHERE funder_id = ?`
  const [{ rows: mentions }, { rows: found }] = await Promise.all([
    client.execute({
      sql: SUPPORT_TABLES.map(
        ([source, table]) =>
          `SELECT '${source}' AS source, _parent_id AS parent, _order AS ord, role, detail FROM ${table} WHERE funder_id = ?`,
      ).join(' UNION ALL '),
      args: SUPPORT_TABLES.map(() => funder),
    }),
    client.execute({
      // With one MIN() aggregate, SQLite takes the row's other (bare) columns from the row holding the minimum:
      // each date's first campaign, in the order of its `campaigns`, among those naming the funder. The dates come
      // back as one JSON array in one cell: the client builds every cell of a row with its own defineProperty,
      // which for tens of thousands of rows costs more than the statement.
      sql: `WITH first_campaign AS (
              SELECT parent_id AS occurrence, campaigns_id AS campaign, MIN("order") FROM occurrences_rels
              WHERE path = 'campaigns' AND campaigns_id IN (${named('campaigns_support')})
              GROUP BY parent_id)
            SELECT json_group_array(json_array(o.id, o.event_id, o.title, o.start, o."end", o.status, o.comune,
              l.name, a.total, o.series_id, o.festival_id, fc.campaign) ORDER BY o.start, o.id) AS dates
            FROM occurrences o
            LEFT JOIN libraries l ON l.id = o.library_id
            LEFT JOIN attendance a ON a.event_id = o.event_id AND a.start = o.start
            LEFT JOIN first_campaign fc ON fc.occurrence = o.id
            WHERE o.start >= ? AND o.start < ? AND ${scopeSql}
              AND (o.event_id IN (${named('events_support')})
                OR o.series_id IN (${named('series_support')})
                OR o.festival_id IN (${named('festivals_support')})
                OR o.id IN (SELECT occurrence FROM first_campaign))`,
      args: [funder, iso(period.from), iso(period.to), ...scopeArgs, funder, funder, funder],
    }),
  ])
  // A document's first row naming the funder: the one `mergeSupport` would keep.
  const first = new Map<string, SupportRow & { ord: number }>()
  for (const m of mentions) {
    const key = `${m.source}:${m.parent}`
    const ord = Number(m.ord)
    const seen = first.get(key)
    if (!seen || ord < seen.ord) first.set(key, { funder, role: m.role as string, detail: m.detail as string, ord })
  }
  const support = (source: SupportSource, id: unknown) => {
    const row = id == null ? undefined : first.get(`${source}:${id}`)
    return row ? [row] : null
  }
  const dates = JSON.parse(String(found[0]?.dates ?? '[]')) as DateTuple[]
  return dates.flatMap(
    ([id, event, title, start, end, status, comune, library, attendance, series, festival, campaign]) => {
      const credit = mergeSupport([
        { source: 'event', support: support('event', event) },
        { source: 'series', support: support('series', series) },
        { source: 'festival', support: support('festival', festival) },
        { source: 'campaign', support: support('campaign', campaign) },
      ]).find((c) => String(c.funder) === String(funder))
      if (!credit) return []
      return [
        {
          occurrence: id,
          event,
          title,
          start,
          end,
          status,
          library: library ?? '',
          comune: comune ? (comuneByIstat.get(comune)?.name ?? '') : '',
          role: credit.role,
          detail: credit.detail,
          through: credit.source,
          attendance,
        },
      ]
    },
  )
}
