import type { Payload, Where } from 'payload'
import type { EventStatus, SupportRole } from '../../collections/enums'
import { comuneByIstat } from '../../collections/fields/comune'
import { SLUGS } from '../../collections/slugs'
import { type Mention, mergeSupport, type SupportRow, type SupportSource } from './credits'

type Id = number | string

/** One date of an activity a funder supported, as the funder's report lists it. */
export type SupportedActivity = {
  occurrence: Id
  event: Id
  title: string
  start: string
  end: string
  status: EventStatus | null
  /** Names, not ids: '' when the date has no library (an event in another venue only) or no comune. */
  library: string
  comune: string
  role: SupportRole
  detail: string
  /** Where the funder is named: the event itself, or its rassegna, festival or campaign. */
  through: SupportSource
}

/** Dates whose start is in [from, to). */
export type Period = { from: Date | string; to: Date | string }

const PAGE = 500
const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString()

type Naming = typeof SLUGS.events | typeof SLUGS.series | typeof SLUGS.festivals | typeof SLUGS.campaigns

/** The documents of `collection` that name the funder, with their support lists, read a page at a time. */
const namedIn = async (payload: Payload, collection: Naming, funderId: Id) => {
  const found = new Map<string, { id: Id; support: SupportRow[] }>()
  for (let page = 1; ; page++) {
    const res = await payload.find({
      collection,
      where: { 'support.funder': { equals: funderId } },
      select: { support: true },
      sort: 'id',
      depth: 0,
      limit: PAGE,
      page,
      overrideAccess: true, // a report of the network: the caller decides who may ask for it
    })
    for (const doc of res.docs as { id: Id; support?: SupportRow[] | null }[])
      found.set(String(doc.id), { id: doc.id, support: doc.support ?? [] })
    if (!res.hasNextPage) return found
  }
}

type Row = {
  id: Id
  event: Id
  title: string
  start: string
  end: string
  status?: EventStatus | null
  library?: Id | null
  comune?: string | null
  series?: Id | null
  festival?: Id | null
  campaigns?: Id[] | null
}

/**
 * Every date, in [from, to) and in date order, of the published events a funder supports, directly or through
 * their rassegna, festival or campaigns, each once, with the role and detail of the most specific mention (the
 * same rule as the public credits, `mergeSupport`). The documents naming the funder are few; the dates are
 * read a page at a time from the occurrence rows (one indexed range query with `in` lists), so no event is
 * loaded whole, on SQLite and MongoDB alike. Yields one page of activities at a time.
 */
export async function* supportedActivityPages(
  payload: Payload,
  funderId: Id,
  { from, to }: Period,
): AsyncGenerator<SupportedActivity[]> {
  const [events, series, festivals, campaigns] = await Promise.all([
    namedIn(payload, SLUGS.events, funderId),
    namedIn(payload, SLUGS.series, funderId),
    namedIn(payload, SLUGS.festivals, funderId),
    namedIn(payload, SLUGS.campaigns, funderId),
  ])
  const ids = (found: Map<string, { id: Id }>) => [...found.values()].map((d) => d.id)
  const through: Where[] = [
    ...(events.size ? [{ event: { in: ids(events) } }] : []),
    ...(series.size ? [{ series: { in: ids(series) } }] : []),
    ...(festivals.size ? [{ festival: { in: ids(festivals) } }] : []),
    ...(campaigns.size ? [{ campaigns: { in: ids(campaigns) } }] : []),
  ]
  if (!through.length) return
  const where: Where = {
    and: [{ start: { greater_than_equal: iso(from) } }, { start: { less_than: iso(to) } }, { or: through }],
  }
  const libraries = new Map<string, string>()
  const support = (found: Map<string, { support: SupportRow[] }>, id: Id | null | undefined) =>
    id == null ? null : (found.get(String(id))?.support ?? null)
  // Pages follow the last (start, id) read: no count and no offset per page, so a page costs the same wherever it is.
  let after: { start: string; id: Id } | null = null
  for (;;) {
    const res = await payload.find({
      collection: SLUGS.occurrences,
      where: after
        ? {
            and: [
              where,
              {
                or: [
                  { start: { greater_than: after.start } },
                  { and: [{ start: { equals: after.start } }, { id: { greater_than: after.id } }] },
                ],
              },
            ],
          }
        : where,
      sort: ['start', 'id'],
      select: {
        event: true,
        title: true,
        start: true,
        end: true,
        status: true,
        library: true,
        comune: true,
        series: true,
        festival: true,
        campaigns: true,
      },
      depth: 0,
      limit: PAGE,
      pagination: false,
      overrideAccess: true, // staff-only dates count too: the report is for the funder, not the public
    })
    const rows = res.docs as unknown as Row[]
    await nameLibraries(payload, rows, libraries)
    yield rows.flatMap((row) => {
      const mentions: Mention[] = [
        { source: 'event', support: support(events, row.event) },
        { source: 'series', support: support(series, row.series) },
        { source: 'festival', support: support(festivals, row.festival) },
        ...(row.campaigns ?? []).map((c): Mention => ({ source: 'campaign', support: support(campaigns, c) })),
      ]
      const credit = mergeSupport(mentions).find((c) => String(c.funder) === String(funderId))
      if (!credit) return []
      return [
        {
          occurrence: row.id,
          event: row.event,
          title: row.title,
          start: row.start,
          end: row.end,
          status: row.status ?? null,
          library: row.library == null ? '' : (libraries.get(String(row.library)) ?? ''),
          comune: row.comune ? (comuneByIstat.get(row.comune)?.name ?? '') : '',
          role: credit.role,
          detail: credit.detail,
          through: credit.source,
        },
      ]
    })
    if (rows.length < PAGE) return
    const last = rows.at(-1) as Row
    after = { start: last.start, id: last.id }
  }
}

/** The library names of a page of rows, read once each for the whole report. */
const nameLibraries = async (payload: Payload, rows: Row[], names: Map<string, string>) => {
  const missing = [...new Set(rows.flatMap((r) => (r.library == null ? [] : [r.library])))].filter(
    (id) => !names.has(String(id)),
  )
  if (!missing.length) return
  const { docs } = await payload.find({
    collection: SLUGS.libraries,
    where: { id: { in: missing } },
    select: { name: true },
    depth: 0,
    limit: missing.length,
    pagination: false,
    overrideAccess: true,
  })
  for (const doc of docs) names.set(String(doc.id), doc.name)
}

/** `supportedActivityPages` gathered into one list (a funder's dates in a period: hundreds, not the agenda). */
export const supportedActivities = async (
  payload: Payload,
  funderId: Id,
  period: Period,
): Promise<SupportedActivity[]> => {
  const all: SupportedActivity[] = []
  for await (const page of supportedActivityPages(payload, funderId, period)) all.push(...page)
  return all
}
