import type { Payload } from 'payload'
import { comuneByIstat } from '../../collections/fields/comune'
import { lexicalToPlainText } from '../../collections/lib/lexical-text'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Table } from '../tables'
import { campaignDatesSql } from './maggio-sqlite'
import { byIds, type Id, idOf, pagesOf, romeDateTime } from './read'
import { type ReportScope, scopeWhere } from './scope'
import { sqliteClient } from './sqlite'

const S = catalogue('it').reports.maggio

type DateRow = {
  id: Id
  event: Id
  start: string
  library?: Id | null
  venue?: Id | null
  comune?: string | null
  system: Id
}
type EventDoc = {
  id: Id
  title: string
  summary?: string | null
  description?: unknown
  audiences?: Id[] | null
  minAge?: number | null
  maxAge?: number | null
}

/**
 * The campaign's public, not cancelled dates within the scope: one statement on SQLite (`maggio-sqlite.ts`),
 * elsewhere (or with REPORTS_QUERY=scan) the occurrence rows a page at a time. Same rows either way.
 */
const campaignDates = async (payload: Payload, scope: ReportScope, campaign: Id): Promise<DateRow[]> => {
  const client = sqliteClient(payload)
  if (client && process.env.REPORTS_QUERY !== 'scan') return campaignDatesSql(client, scope, campaign)
  const where = {
    and: [
      { campaigns: { in: [campaign] } },
      { or: [{ staffOnly: { exists: false } }, { staffOnly: { equals: false } }] },
      { or: [{ status: { exists: false } }, { status: { not_equals: 'cancelled' } }] },
      ...scopeWhere(scope),
    ],
  }
  const select = { event: true, start: true, library: true, venue: true, comune: true, system: true } as const
  const rows: DateRow[] = []
  for await (const page of pagesOf<DateRow>(payload, SLUGS.occurrences, where, select)) rows.push(...page)
  return rows
}

export type MaggioReport = { table: Table; activities: number; events: number }

/**
 * A campaign's activities as the Maggio dei Libri registration asks for them: one row per event with its
 * dates, place, address, comune, organiser (the library, or the system when the event has none), audience and
 * description as plain text. **Counting**: the Centro per il libro counts an "attività" per date, so an event
 * of three dates is three activities; the last row gives the total. Only public dates that are not cancelled
 * count (a staff-only date or a cancelled one is not an activity the public could attend).
 */
export const maggioDeiLibri = async (payload: Payload, scope: ReportScope, campaign: { id: Id; title: string }) => {
  const byEvent = new Map<string, DateRow[]>()
  for (const row of await campaignDates(payload, scope, campaign.id)) {
    const key = String(idOf(row.event))
    const list = byEvent.get(key)
    if (list) list.push(row)
    else byEvent.set(key, [row])
  }
  for (const list of byEvent.values()) list.sort((a, b) => a.start.localeCompare(b.start))
  const dates = [...byEvent.values()].flat()
  const [events, libraries, venues, systems] = await Promise.all([
    byIds<EventDoc>(payload, SLUGS.events, byEvent.keys(), {
      title: true,
      summary: true,
      description: true,
      audiences: true,
      minAge: true,
      maxAge: true,
    }),
    byIds<{ id: Id; name: string; address?: string }>(
      payload,
      SLUGS.libraries,
      dates.flatMap((d) => (d.library == null ? [] : [idOf(d.library) as Id])),
      { name: true, address: true },
    ),
    byIds<{ id: Id; name: string; address?: string }>(
      payload,
      SLUGS.venues,
      dates.flatMap((d) => (d.venue == null ? [] : [idOf(d.venue) as Id])),
      { name: true, address: true },
    ),
    byIds<{ id: Id; name: string }>(
      payload,
      SLUGS.systems,
      dates.map((d) => idOf(d.system) as Id),
      { name: true },
    ),
  ])
  const audiences = await byIds<{ id: Id; name: string }>(
    payload,
    SLUGS.audiences,
    [...events.values()].flatMap((e) => (e.audiences ?? []).map((a) => idOf(a) as Id)),
    { name: true },
  )
  const distinct = (values: string[]) => [...new Set(values.filter(Boolean))].join('; ')
  const rows = [...byEvent.entries()].map(([id, list]) => {
    const event = events.get(id)
    const library = (d: DateRow) => (d.library == null ? undefined : libraries.get(String(idOf(d.library))))
    const venue = (d: DateRow) => (d.venue == null ? undefined : venues.get(String(idOf(d.venue))))
    const place = (d: DateRow) => venue(d) ?? library(d)
    const ages =
      event?.minAge != null || event?.maxAge != null ? [S.ages(event?.minAge ?? null, event?.maxAge ?? null)] : []
    const audience = [...(event?.audiences ?? []).map((a) => audiences.get(String(idOf(a)))?.name ?? ''), ...ages]
    const description = [event?.summary ?? '', lexicalToPlainText(event?.description)].filter(Boolean).join('\n\n')
    return [
      event?.title ?? '',
      list.map((d) => romeDateTime(d.start)).join(', '),
      list.length,
      distinct(list.map((d) => place(d)?.name ?? '')),
      distinct(list.map((d) => place(d)?.address ?? '')),
      distinct(list.map((d) => (d.comune ? (comuneByIstat.get(d.comune)?.name ?? '') : ''))),
      distinct(list.map((d) => library(d)?.name ?? systems.get(String(idOf(d.system)))?.name ?? '')),
      distinct(audience),
      description,
    ]
  })
  const C = S.columns
  const table: Table = {
    title: S.title(campaign.title),
    columns: [
      { label: C.title, type: 'text' },
      { label: C.dates, type: 'text' },
      { label: C.activities, type: 'number' },
      { label: C.place, type: 'text' },
      { label: C.address, type: 'text' },
      { label: C.comune, type: 'text' },
      { label: C.organiser, type: 'text' },
      { label: C.audience, type: 'text' },
      { label: C.description, type: 'text' },
    ],
    rows: [...rows, [S.total, '', dates.length]],
  }
  return { table, activities: dates.length, events: rows.length } satisfies MaggioReport
}
