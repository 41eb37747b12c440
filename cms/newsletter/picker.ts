import type { Payload, TypedUser, Where } from 'payload'
import { publicOnly } from '../../collections/access/staff-only'
import { whereOf } from '../../collections/filter-registry'
import { FilterError, filtersToParams, parseFilters } from '../../collections/filters/parse'
import { resolveFilters, UnknownSlugError } from '../../collections/filters/resolve'
import { foldText } from '../../collections/lib/slugify'
import { SLUGS } from '../../collections/slugs'
import { adminStrings } from '../../shared/strings'

type Id = number | string
type Named = { id?: Id; name?: string | null; shortName?: string | null } | Id | null | undefined

/** One event as the newsletter's picker offers it: distinguishable by date, place and system. */
export type EventOption = { id: Id; label: string }

/** A campaign, rassegna or festival whose coming events are added all at once. */
export type EventGroup = { field: 'campaigns' | 'series' | 'festival'; id: Id }

export type PickerQuery = {
  /** Words of the title, library, venue or comune (each the prefix of a word, as on the agenda). */
  q?: string
  group?: EventGroup
  /** An agenda address (`https://…/eventi?sistema=valle-seriana&eta=3`, `/eventi?…` or the query alone). */
  agenda?: string
  /** The admin's language (`i18n.language`): dates are written in it. */
  language?: string
  now?: Date
}

/** The events a query offers; `more` when a group or an agenda search had events beyond the limit. */
export type PickerResult = { options: EventOption[]; more: boolean }

/** Search results are a short list; a group or an agenda search brings all its events, up to this many. */
export const SEARCH_LIMIT = 30
export const GROUP_LIMIT = 200
export const MAX_ADDRESS_LENGTH = 2000
const ROWS_PER_PAGE = 500
const MAX_PAGES = 20

type Row = {
  event: Id | { id: Id }
  title?: string | null
  start: string
  allDay?: boolean | null
  library?: Named
  venue?: Named
  system?: Named
}

const name = (v: Named) => (v && typeof v === 'object' ? (v.name ?? null) : null)
const shortName = (v: Named) => (v && typeof v === 'object' ? (v.shortName ?? v.name ?? null) : null)
const idOf = (v: Id | { id: Id }) => (typeof v === 'object' ? v.id : v)

/**
 * "Incontro con l’autrice — sab 12 dic 2026, 17:00, Biblioteca di Albino (Valle Seriana)": the date always
 * carries its year; "e altre date" when the event has more coming dates than the one shown.
 */
export const optionLabel = (
  row: Pick<Row, 'title' | 'start' | 'allDay' | 'library' | 'venue' | 'system'>,
  more: boolean,
  language?: string,
) => {
  const t = adminStrings(language)
  const format = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(t.intlLocale, { timeZone: 'Europe/Rome', ...options }).format(new Date(row.start))
  const day = format({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
  const when = row.allDay ? day : `${day}, ${format({ hour: '2-digit', minute: '2-digit', hour12: false })}`
  const place = name(row.library) ?? name(row.venue)
  const system = shortName(row.system)
  const where = [place, system ? `(${system})` : null].filter(Boolean).join(' ')
  return `${row.title ?? ''} — ${when}${more ? ` ${t.pickerMoreDates}` : ''}${where ? `, ${where}` : ''}`
}

/** An agenda address the picker cannot read, with the reason in Italian. */
export class AgendaAddressError extends Error {}

/**
 * The agenda's filters in a pasted address, parsed by the agenda's own parser (collections/filters/parse.ts).
 * An address without any filter (the whole agenda, an event's page) is refused rather than bringing everything.
 */
const agendaWhere = async (payload: Payload, address: string, now: Date): Promise<Where> => {
  const invalid = (reason: string) => new AgendaAddressError(`Indirizzo dell’agenda non valido. ${reason}`)
  if (address.length > MAX_ADDRESS_LENGTH) throw invalid('L’indirizzo è troppo lungo.')
  const text = address.trim().split('#')[0] ?? ''
  const at = text.indexOf('?')
  const query = at >= 0 ? text.slice(at + 1) : text.includes('=') ? text : ''
  try {
    const filters = parseFilters(new URLSearchParams(query))
    if (filtersToParams(filters, { page: false }).toString() === '')
      throw invalid(
        'Incolla l’indirizzo di una ricerca dell’agenda, con i suoi filtri (per esempio /eventi?sistema=valle-seriana&eta=3).',
      )
    const resolved = await resolveFilters(payload, filters, now)
    // Only what is still to come, whatever day `da` names.
    return whereOf({ ...resolved, from: resolved.from > now ? resolved.from : now })
  } catch (error) {
    if (error instanceof FilterError || error instanceof UnknownSlugError) throw invalid(error.message)
    throw error
  }
}

/**
 * The events a newsletter may present, each once, at its next date: coming occurrences of published events
 * that are not staff-only (the same rule as the `events` field's filterOptions) and not cancelled. A group
 * brings every such event of a campaign, rassegna or festival, an agenda address every such event its filters
 * match; otherwise the words narrow the list. Throws AgendaAddressError for an address it cannot read.
 */
export const eventOptions = async (payload: Payload, query: PickerQuery): Promise<PickerResult> => {
  const now = query.now ?? new Date()
  const words = foldText(query.q ?? '')
    .split(' ')
    .filter(Boolean)
  const lists = query.group ? [{ field: query.group.field, values: [query.group.id] }] : []
  const match =
    query.agenda !== undefined
      ? await agendaWhere(payload, query.agenda, now)
      : whereOf({ lists, eta: [], free: false, words, from: now, to: null })
  const where: Where = publicOnly({ and: [match, { status: { not_equals: 'cancelled' } }] })
  const bulk = query.group !== undefined || query.agenda !== undefined
  const limit = bulk ? GROUP_LIMIT : SEARCH_LIMIT
  const first = new Map<string, Row>()
  const more = new Set<string>()
  let cut = false
  for (let page = 1; page <= MAX_PAGES; page++) {
    const result = await payload.find({
      collection: SLUGS.occurrences,
      where,
      sort: ['start', 'id'],
      limit: ROWS_PER_PAGE,
      page,
      depth: 1,
      overrideAccess: true, // public rows only (publicOnly above), read for a newsletter writer checked by the caller
      select: { event: true, title: true, start: true, allDay: true, library: true, venue: true, system: true },
      populate: { libraries: { name: true }, venues: { name: true }, systems: { name: true, shortName: true } },
    })
    for (const row of result.docs as unknown as Row[]) {
      const key = String(idOf(row.event))
      if (first.has(key)) more.add(key)
      else if (first.size < limit) first.set(key, row)
      else cut = true
    }
    if (!result.hasNextPage || (first.size >= limit && page > 1)) break
  }
  // Full before reading every row: is there an event beyond the limit? (A search's short list does not say.)
  if (bulk && first.size >= limit && !cut) {
    const { totalDocs } = await payload.count({
      collection: SLUGS.occurrences,
      where: { and: [where, { event: { not_in: [...first.values()].map((row) => idOf(row.event)) } }] },
      overrideAccess: true, // the same public rows as above
    })
    cut = totalDocs > 0
  }
  const options = [...first.entries()].map(([key, row]) => ({
    id: idOf(row.event),
    label: optionLabel(row, more.has(key), query.language),
  }))
  return { options, more: cut }
}

/**
 * The labels of events already chosen (their next coming date, or their first date when none is left),
 * read with the asking user's own access: an event they may not read is left out.
 */
export const chosenEventLabels = async (
  payload: Payload,
  ids: Id[],
  user: TypedUser,
  language?: string,
  now = new Date(),
): Promise<EventOption[]> => {
  if (!ids.length) return []
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { id: { in: ids } },
    limit: ids.length,
    pagination: false,
    depth: 1,
    overrideAccess: false,
    user,
    select: { title: true, start: true, allDay: true, library: true, venue: true, system: true },
    populate: { libraries: { name: true }, venues: { name: true }, systems: { name: true, shortName: true } },
  })
  // Each chosen event's next two coming dates: the first is shown, a second means "e altre date".
  const coming = new Map<string, { start: string; count: number }>()
  await Promise.all(
    docs.map(async (doc) => {
      const { docs: rows } = await payload.find({
        collection: SLUGS.occurrences,
        where: publicOnly({ and: [{ event: { equals: doc.id } }, { end: { greater_than: now.toISOString() } }] }),
        sort: ['start', 'id'],
        limit: 2,
        depth: 0,
        overrideAccess: true, // the dates of an event the user has just been allowed to read
        select: { start: true },
      })
      const [head] = rows as unknown as { start: string }[]
      if (head) coming.set(String(doc.id), { start: head.start, count: rows.length })
    }),
  )
  const byId = new Map(docs.map((d) => [String(d.id), d as unknown as Row & { id: Id }]))
  return ids.flatMap((id) => {
    const doc = byId.get(String(id))
    if (!doc) return []
    const hit = coming.get(String(id))
    return [
      { id: doc.id, label: optionLabel({ ...doc, start: hit?.start ?? doc.start }, (hit?.count ?? 0) > 1, language) },
    ]
  })
}
