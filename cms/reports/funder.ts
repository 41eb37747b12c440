import type { Payload } from 'payload'
import { EVENT_STATUS_LABELS, SUPPORT_ROLE_LABELS } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { type Period, type SupportedActivity, supportedActivityPages } from '../funders'
import type { Table } from '../tables'
import { funderActivitiesSql } from './funder-sqlite'
import { byIds, dateKey, type Id, romeDateTime } from './read'
import { inScope, type ReportScope } from './scope'
import { sqliteClient } from './sqlite'

const S = catalogue('it').reports.funder

export type FunderActivity = SupportedActivity & { attendance: number | null }

/**
 * Every date a funder supported in the period (directly or through a rassegna, festival or campaign, staff-only
 * dates included), in date order, within the caller's scope, each with its recorded attendance (`null` when none
 * was recorded). Two implementations, the same rows: on SQLite two statements (`funder-sqlite.ts`); elsewhere, or
 * with REPORTS_QUERY=scan, `supportedActivityPages` page by page.
 */
export const funderActivities = async (
  payload: Payload,
  scope: ReportScope,
  funder: Id,
  period: Period,
): Promise<FunderActivity[]> => {
  const client = sqliteClient(payload)
  if (client && process.env.REPORTS_QUERY !== 'scan') return funderActivitiesSql(client, scope, funder, period)
  return funderActivitiesScan(payload, scope, funder, period)
}

/** `funderActivities` on any adapter: per page of dates, one read of their owners and one of their attendance rows. */
const funderActivitiesScan = async (
  payload: Payload,
  scope: ReportScope,
  funder: Id,
  period: Period,
): Promise<FunderActivity[]> => {
  const out: FunderActivity[] = []
  for await (const page of supportedActivityPages(payload, funder, period)) {
    if (!page.length) continue
    const owners = await byIds<{ id: Id; system: Id; library?: Id | null }>(
      payload,
      SLUGS.occurrences,
      page.map((a) => a.occurrence),
      { system: true, library: true },
    )
    const mine = page.filter((a) => {
      const owner = owners.get(String(a.occurrence))
      return owner ? inScope(scope, owner) : false
    })
    if (!mine.length) continue
    const starts = mine.map((a) => new Date(a.start).toISOString()).sort()
    const { docs } = await payload.find({
      collection: SLUGS.attendance,
      where: {
        and: [
          { event: { in: [...new Set(mine.map((a) => a.event))] } },
          { start: { greater_than_equal: starts[0] } },
          { start: { less_than_equal: starts.at(-1) } },
        ],
      },
      select: { event: true, start: true, total: true },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const totals = new Map(
      (docs as unknown as { event: Id; start: string; total?: number | null }[]).map((d) => [
        dateKey(d.event, d.start),
        d.total ?? null,
      ]),
    )
    for (const a of mine) out.push({ ...a, attendance: totals.get(dateKey(a.event, a.start)) ?? null })
  }
  return out
}

/** The funder's report (rendicontazione) as a table, with a last row counting the dates and the attendance. */
export const funderReport = async (
  payload: Payload,
  scope: ReportScope,
  funder: { id: Id; name: string },
  period: Period,
): Promise<Table> => {
  const activities = await funderActivities(payload, scope, funder.id, period)
  const C = S.columns
  const rows = activities.map((a) => [
    a.title,
    romeDateTime(a.start),
    a.library,
    a.comune,
    a.status ? (EVENT_STATUS_LABELS[a.status] ?? a.status) : '',
    SUPPORT_ROLE_LABELS[a.role] ?? a.role,
    a.detail,
    S.through[a.through],
    a.attendance,
  ])
  const attendance = activities.reduce((sum, a) => sum + (a.attendance ?? 0), 0)
  return {
    title: S.title(funder.name),
    columns: [
      { label: C.title, type: 'text' },
      { label: C.date, type: 'text' },
      { label: C.library, type: 'text' },
      { label: C.comune, type: 'text' },
      { label: C.status, type: 'text' },
      { label: C.role, type: 'text' },
      { label: C.detail, type: 'text' },
      { label: C.through, type: 'text' },
      { label: C.attendance, type: 'number' },
    ],
    rows: [...rows, [S.total, String(activities.length), '', '', '', '', '', '', attendance]],
  }
}
