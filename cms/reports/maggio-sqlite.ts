import type { Id } from './read'
import type { ReportScope } from './scope'
import { type SqlClient, scopeCondition } from './sqlite'

export type CampaignDate = {
  id: Id
  event: Id
  start: string
  library: Id | null
  venue: Id | null
  comune: string | null
  system: Id
}

/**
 * The public, not cancelled dates of a campaign within the scope, in one statement on SQLite (the campaign's
 * rows of `occurrences_rels`, then their occurrences): the same rows as the adapter-neutral scan in `maggio.ts`.
 */
export const campaignDatesSql = async (
  client: SqlClient,
  scope: ReportScope,
  campaign: Id,
): Promise<CampaignDate[]> => {
  const [scopeSql, scopeArgs] = scopeCondition(scope)
  const { rows } = await client.execute({
    sql: `SELECT o.id, o.event_id, o.start, o.library_id, o.venue_id, o.comune, o.system_id FROM occurrences o
          WHERE o.id IN (SELECT parent_id FROM occurrences_rels WHERE path = 'campaigns' AND campaigns_id = ?)
            AND (o.staff_only IS NULL OR o.staff_only = 0) AND (o.status IS NULL OR o.status <> 'cancelled')
            AND ${scopeSql}
          ORDER BY o.id`,
    args: [campaign, ...scopeArgs],
  })
  return rows.map((r) => ({
    id: r.id as Id,
    event: r.event_id as Id,
    start: String(r.start),
    library: (r.library_id ?? null) as Id | null,
    venue: (r.venue_id ?? null) as Id | null,
    comune: (r.comune ?? null) as string | null,
    system: r.system_id as Id,
  }))
}
