import type { CollectionSlug, Payload, Where } from 'payload'
import { publicOnly } from '../../collections/access/staff-only'
import { comuneByIstat, comuneBySlug } from '../../collections/fields/comune'
import { FILTERS, whereOf } from '../../collections/filter-registry'
import { FilterError, filtersToParams, parseFilters } from '../../collections/filters/parse'
import { resolveFilters, UnknownSlugError } from '../../collections/filters/resolve'
import { SLUGS } from '../../collections/slugs'
import { siteUrl } from '../../shared/env'
import { publicPagePath } from '../../shared/site-paths'
import { catalogue } from '../../shared/strings'
import type { Audience, Event, Library, Occurrence, Venue } from '../payload-types'

type Id = number | string

/** A programme lists at most this many dates; the rest is one line pointing to the site. */
export const MAX_ENTRIES = 300
export const MAX_ADDRESS_LENGTH = 2000

export type ProgrammeEntry = {
  id: Id
  title: string
  url: string
  start: string
  end: string | null
  allDay: boolean
  /** The status when it is not "scheduled" ("Esaurito", "Rinviato"). */
  status: string | null
  place: string
  audience: string
  booking: string
  summary: string
}

export type Programme = {
  title: string
  /** The agenda's canonical query of the filter (`sistema=valle-seriana&quando=mese`), '' for the whole agenda. */
  query: string
  /** The days the listed dates span, in words. */
  period: string
  agendaUrl: string
  feedUrl: string
  entries: ProgrammeEntry[]
  /** Dates beyond MAX_ENTRIES. */
  more: number
}

/** An agenda address the programme cannot read, with the reason in Italian. */
export class ProgrammeAddressError extends Error {}

/** The query part of a pasted agenda address (`https://…/eventi?…`, `/eventi?…`, or the query alone). */
export const addressQuery = (address: string): URLSearchParams => {
  if (address.length > MAX_ADDRESS_LENGTH) throw new ProgrammeAddressError('L’indirizzo è troppo lungo.')
  const text = address.trim().split('#')[0] ?? ''
  const at = text.indexOf('?')
  return new URLSearchParams(at >= 0 ? text.slice(at + 1) : text.includes('=') ? text : '')
}

/**
 * A print address may name one event (`evento=<slug>`, not an agenda filter): its poster. The event is read as
 * the public reads it.
 */
export const EVENT_PARAM = 'evento'

const eventOf = async (payload: Payload, params: URLSearchParams): Promise<Event | null> => {
  const slug = params.get(EVENT_PARAM)
  if (slug == null) return null
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { slug: { equals: slug.trim().slice(0, 200) } },
    draft: false,
    depth: 0,
    limit: 1,
    pagination: false,
    select: { title: true, slug: true },
    overrideAccess: false,
  })
  const event = docs[0] as Event | undefined
  if (!event) throw new ProgrammeAddressError(`Nessun evento «${slug}».`)
  return event
}

/**
 * The canonical query of an agenda address (what identifies a programme: same filter, same file), once the agenda's
 * resolver has found everything it names. Throws ProgrammeAddressError otherwise.
 */
export const canonicalQuery = async (payload: Payload, address: string): Promise<string> => {
  try {
    const params = addressQuery(address)
    const filters = parseFilters(params)
    await resolveFilters(payload, filters)
    const query = filtersToParams(filters, { page: false })
    const event = await eventOf(payload, params)
    if (event?.slug) query.set(EVENT_PARAM, event.slug)
    return query.toString()
  } catch (error) {
    if (error instanceof FilterError || error instanceof UnknownSlugError)
      throw new ProgrammeAddressError(error.message)
    throw error
  }
}

const rome = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))
const dayWords = (iso: string) => rome(iso, { day: 'numeric', month: 'long', year: 'numeric' })

const named = <T extends { name?: string | null }>(v: Id | T | null | undefined): T | null =>
  v && typeof v === 'object' ? v : null

/** The names the filter's relations select ("Sistema Bibliotecario Valle Seriana", "Nati per leggere"). */
const filterNames = async (payload: Payload, params: URLSearchParams): Promise<string[]> => {
  const filters = parseFilters(params)
  const parts: string[] = []
  for (const e of FILTERS) {
    if (e.kind === 'relation' && filters[e.param].length) {
      const { docs } = await payload.find({
        collection: e.collection as CollectionSlug,
        where: { slug: { in: filters[e.param] } },
        depth: 0,
        limit: filters[e.param].length,
        pagination: false,
        overrideAccess: false,
      })
      parts.push(docs.map((d) => String((d as unknown as Record<string, unknown>)[e.feed] ?? '')).join(', '))
    } else if (e.kind === 'comune' && !('within' in e) && filters[e.param].length) {
      parts.push(filters[e.param].map((slug) => comuneBySlug.get(slug)?.name ?? slug).join(', '))
    } else if (e.kind === 'option' && filters[e.param].length) {
      parts.push(filters[e.param].map((v) => (e.labels as Record<string, string>)[v] ?? v).join(', '))
    } else if (e.kind === 'age' && filters[e.param].length) {
      parts.push(`${filters[e.param].join(', ')} ${e.feed.unit}`)
    } else if (e.kind === 'flag' && filters[e.param]) parts.push(e.feed.word)
  }
  if (filters.q) parts.push(`«${filters.q}»`)
  return parts.filter(Boolean)
}

const audienceOf = (event: Event): string => {
  const t = catalogue('it').print
  const names = (event.audiences ?? []).flatMap((a) => {
    const doc = named<Audience>(a)
    return doc ? [doc.name] : []
  })
  const ages = event.minAge != null || event.maxAge != null ? t.ages(event.minAge ?? null, event.maxAge ?? null) : null
  return [names.join(', '), ages].filter(Boolean).join(', ')
}

const bookingOf = (event: Event): string => {
  const t = catalogue('it').print
  const online = event.registration?.mode === 'required' || event.registration?.mode === 'optional'
  const mode = event.booking?.mode ?? 'none'
  const money = event.free ? t.free : (event.price ?? '')
  if (mode === 'none' && !online) return [event.free ? t.booking.none : money].filter(Boolean).join(' · ')
  const how = [
    online ? t.booking.online : null,
    event.booking?.phone ?? null,
    event.booking?.email ?? null,
    !online ? (event.booking?.url ?? null) : null,
  ].filter(Boolean)
  const head =
    mode === 'recommended' || (mode === 'none' && event.registration?.mode === 'optional') ? 'recommended' : 'required'
  return [`${t.booking[head]}${how.length ? `: ${how.join(', ')}` : ''}`, money].filter(Boolean).join(' · ')
}

/**
 * The programme of an agenda filter: its coming public dates (not staff-only, not cancelled) in date order, each
 * with what a printed programme tells (time, place, audience, booking) and its page's address; read with the
 * public's access, through the agenda's own parser and resolver. Throws ProgrammeAddressError for a filter it
 * cannot read.
 */
export const readProgramme = async (payload: Payload, address: string, now = new Date()): Promise<Programme> => {
  const t = catalogue('it').print
  const params = addressQuery(address)
  let match: Where
  let query: string
  let agendaQuery: string
  let event: Event | null
  try {
    const filters = parseFilters(params)
    agendaQuery = filtersToParams(filters, { page: false }).toString()
    const resolved = await resolveFilters(payload, filters, now)
    match = whereOf({ ...resolved, from: resolved.from > now ? resolved.from : now })
    event = await eventOf(payload, params)
    const own = event?.slug ? `${EVENT_PARAM}=${encodeURIComponent(event.slug)}` : ''
    query = [agendaQuery, own].filter(Boolean).join('&')
  } catch (error) {
    if (error instanceof FilterError || error instanceof UnknownSlugError)
      throw new ProgrammeAddressError(error.message)
    throw error
  }
  const where = publicOnly({
    and: [match, { status: { not_equals: 'cancelled' } }, ...(event ? [{ event: { equals: event.id } }] : [])],
  })
  const found = await payload.find({
    collection: SLUGS.occurrences,
    where,
    sort: ['start', 'id'],
    limit: MAX_ENTRIES,
    depth: 0,
    overrideAccess: true, // public rows only (publicOnly above)
    select: {
      event: true,
      title: true,
      start: true,
      end: true,
      allDay: true,
      status: true,
      library: true,
      venue: true,
      comune: true,
    },
  })
  const rows = found.docs as Occurrence[]
  const eventIds = [...new Set(rows.map((r) => (typeof r.event === 'object' ? r.event.id : r.event)))]
  const events = new Map<string, Event>()
  if (eventIds.length) {
    const { docs } = await payload.find({
      collection: SLUGS.events,
      where: { id: { in: eventIds } },
      depth: 1,
      limit: eventIds.length,
      pagination: false,
      overrideAccess: true, // the events of the public rows above
      select: {
        title: true,
        slug: true,
        summary: true,
        audiences: true,
        minAge: true,
        maxAge: true,
        booking: true,
        registration: { mode: true },
        free: true,
        price: true,
        library: true,
        venue: true,
        placeNotes: true,
      },
      populate: { audiences: { name: true }, libraries: { name: true }, venues: { name: true } },
    })
    for (const e of docs as Event[]) events.set(String(e.id), e)
  }
  const statuses = catalogue('it').site.statusLabels
  const entries: ProgrammeEntry[] = rows.flatMap((row) => {
    const event = events.get(String(typeof row.event === 'object' ? row.event.id : row.event))
    if (!event?.slug) return []
    const place = named<Library>(event.library)?.name ?? named<Venue>(event.venue)?.name ?? ''
    const comune = row.comune ? (comuneByIstat.get(row.comune)?.name ?? '') : ''
    return [
      {
        id: row.id,
        title: row.title || event.title,
        url: `${siteUrl()}${publicPagePath('events', event.slug)}`,
        start: row.start,
        end: row.end ?? null,
        allDay: !!row.allDay,
        status: row.status && row.status !== 'scheduled' ? (statuses[row.status] ?? null) : null,
        place: [place, comune && !place.includes(comune) ? comune : null].filter(Boolean).join(', '),
        audience: audienceOf(event),
        booking: bookingOf(event),
        summary: event.summary ?? '',
      },
    ]
  })
  const names = await filterNames(payload, params)
  const first = entries[0]?.start
  const last = entries.at(-1)?.start
  // One event's programme links to its page and to its own calendar file.
  const eventPage = event?.slug ? `${siteUrl()}${publicPagePath('events', event.slug)}` : null
  return {
    title: event ? event.title : names.length ? names.join(' – ') : t.whole,
    query,
    period: first && last ? t.range(dayWords(first), dayWords(last)) : '',
    agendaUrl: eventPage ?? `${siteUrl()}/eventi${agendaQuery ? `?${agendaQuery}` : ''}`,
    feedUrl: eventPage ? `${eventPage}.ics` : `${siteUrl()}/calendario.ics${agendaQuery ? `?${agendaQuery}` : ''}`,
    entries,
    more: Math.max(0, found.totalDocs - rows.length),
  }
}
