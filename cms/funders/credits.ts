import { refId } from '../../collections/access/roles'
import { SUPPORT_ROLES, type SupportRole } from '../../collections/enums'

type Id = number | string

/** Where a funder is named: on the event itself, or on its rassegna, festival or one of its campaigns. */
export type SupportSource = 'event' | 'series' | 'festival' | 'campaign'

/** One row of a `support` list as stored (the funder as an id or populated). */
export type SupportRow = { funder?: unknown; role?: string | null; detail?: string | null }

/** A document's `support` list, labelled with what the document is. */
export type Mention = { source: SupportSource; support?: SupportRow[] | null }

export type Credit = { funder: Id; role: SupportRole; detail: string; source: SupportSource }

const roleOf = (role: string | null | undefined): SupportRole =>
  SUPPORT_ROLES.includes(role as SupportRole) ? (role as SupportRole) : 'supported'

/**
 * The credits of an activity from its mentions, most specific first (the event, then its rassegna, festival and
 * campaigns): each funder once, as its first mention names it (role and detail). The public pages and the
 * funder's report both read support through this, so they never disagree.
 */
export const mergeSupport = (mentions: Mention[]): Credit[] => {
  const credits = new Map<string, Credit>()
  for (const { source, support } of mentions)
    for (const row of support ?? []) {
      const funder = refId(row.funder)
      if (funder == null || credits.has(String(funder))) continue
      credits.set(String(funder), { funder, role: roleOf(row.role), detail: row.detail?.trim() ?? '', source })
    }
  return [...credits.values()]
}

/** The mentions of an event: its own list, then those of its rassegna, festival and campaigns (ids or documents). */
export const eventMentions = (
  event: { support?: SupportRow[] | null },
  containers: {
    series?: { support?: SupportRow[] | null } | null
    festival?: { support?: SupportRow[] | null } | null
    campaigns?: ({ support?: SupportRow[] | null } | null)[]
  },
): Mention[] => [
  { source: 'event', support: event.support },
  { source: 'series', support: containers.series?.support },
  { source: 'festival', support: containers.festival?.support },
  ...(containers.campaigns ?? []).map((c): Mention => ({ source: 'campaign', support: c?.support })),
]
