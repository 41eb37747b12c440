// The statistics wing's public surface (issue 15): the figures of a period and scope, counted in the database,
// and the tables the admin view shows and downloads. The admin view and the endpoint import from here only.
import type { Payload } from 'payload'
import type { Catalogue } from '../../shared/strings/it'
import { apiFigures } from './api'
import { labelsFor } from './labels'
import { lastYear } from './period'
import { sqlFigures } from './sql'
import { idsIn, type Report, reportTables } from './tables'
import type { FigureSource, StatsFilter } from './types'

export { currentYear, filterQuery, lastYear, parseFilter, yearStart } from './period'
export { type StatisticsScope, statisticsScope, withinScope } from './scope'
export { type Report, TABLE_NAMES, type TableName } from './tables'
export { type Figures, GROUPS, type Group, type GroupRow, type StatsFilter, type Summary } from './types'

/**
 * How the figures are counted: `sql` (SQLite: GROUP BY over Payload's tables on the read connection) or `api`
 * (the Local API, a page at a time: any adapter, MongoDB in production). STATISTICS_QUERIES=sql|api forces one.
 */
export type StatisticsQueries = 'sql' | 'api'

export const statisticsQueries = (payload: Payload): StatisticsQueries => {
  const forced = process.env.STATISTICS_QUERIES
  if (forced === 'sql' || forced === 'api') return forced
  return payload.db.name === 'sqlite' ? 'sql' : 'api'
}

export const figureSource = (payload: Payload, queries = statisticsQueries(payload)): FigureSource =>
  queries === 'sql' ? sqlFigures(payload) : apiFigures(payload)

/** The figures of `filter` (already within the caller's scope) and of the same period a year earlier. */
export const buildReport = async (
  payload: Payload,
  filter: StatsFilter,
  now = new Date(),
  queries = statisticsQueries(payload),
): Promise<Report> => {
  const figures = figureSource(payload, queries)
  const [current, previous] = await Promise.all([figures(filter, now), figures(lastYear(filter), now)])
  return { current, previous }
}

/** The report's tables with names in place of ids. */
export const buildTables = async (payload: Payload, t: Catalogue['statistics'], report: Report) =>
  reportTables(t, report, await labelsFor(payload, idsIn(report)))
