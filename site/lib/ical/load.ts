// What feeds read: occurrence rows (the site's dates) and published events with the places, organisers
// and names they show, resolved into builder input.
import type { Event } from '../../../cms/payload-types'
import type { FeedEvent } from '../../../collections/lib/ical/build'
import { lexicalToPlainText } from '../../../collections/lib/lexical-text'
import type { Occurrence } from '../../../collections/lib/recurrence'
import { SLUGS } from '../../../collections/slugs'
import { comuneName } from '../agenda'
import { getPayload } from '../payload'
import { NETWORK } from '../site-info'
import { eventUid, eventUrl, siteHost } from '../urls'

export type Id = number

export type Row = {
  event: Id
  start: string
  end: string
  originalStart: string
  status?: string | null
  note?: string | null
}

export const ROW_SELECT = {
  event: true,
  start: true,
  end: true,
  originalStart: true,
  status: true,
  note: true,
} as const

/** Occurrence rows by event: the site's own dates, which the feed writes out (never re-expanded). */
export const datesByEvent = (rows: Row[]): Map<Id, Occurrence[]> => {
  const map = new Map<Id, Occurrence[]>()
  for (const row of rows) {
    const dates = map.get(row.event) ?? []
    dates.push({
      start: new Date(row.start),
      end: new Date(row.end),
      originalStart: new Date(row.originalStart),
      ...(row.status ? { status: row.status } : {}),
      ...(row.note ? { note: row.note } : {}),
    })
    map.set(row.event, dates)
  }
  return map
}

export type NamedCollection = 'systems' | 'libraries' | 'venues' | 'categories' | 'audiences'
export type NamedDoc = Record<string, any>
/** The documents events show by name (organiser, place, categories, audiences), by id. */
export type Named = Record<NamedCollection, Map<Id, NamedDoc>>

const loadNamed = async (collection: NamedCollection, ids: Id[]): Promise<Map<Id, NamedDoc>> => {
  if (ids.length === 0) return new Map()
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection,
    where: { id: { in: [...new Set(ids)] } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
  })
  return new Map(docs.map((d) => [d.id as Id, d as NamedDoc]))
}

const idOf = (value: unknown): Id | null =>
  value == null ? null : typeof value === 'object' ? ((value as { id: Id }).id ?? null) : (value as Id)
const idsOf = (values: unknown): Id[] =>
  Array.isArray(values) ? values.map(idOf).filter((v): v is Id => v != null) : []

export const EVENT_SELECT = {
  title: true,
  slug: true,
  summary: true,
  description: true,
  start: true,
  end: true,
  allDay: true,
  recurrence: true,
  changedDates: true,
  status: true,
  sequence: true,
  updatedAt: true,
  library: true,
  venue: true,
  placeNotes: true,
  onlineUrl: true,
  system: true,
  categories: true,
  audiences: true,
  free: true,
  price: true,
  booking: true,
} as const

/** The documents an event names, by id. */
export type Refs = { system: Id | null; library: Id | null; venue: Id | null; categories: Id[]; audiences: Id[] }

export const refsOf = (e: Event): Refs => ({
  system: idOf(e.system),
  library: idOf(e.library),
  venue: idOf(e.venue),
  categories: idsOf(e.categories),
  audiences: idsOf(e.audiences),
})

/** What an event shows of the documents it names, and the latest change among those documents. */
export type Shown = Pick<FeedEvent, 'place' | 'organizer'> & {
  categories: string[]
  audiences: string[]
  lastModified: number
}

export const shownOf = (refs: Refs, named: Named): Shown => {
  let lastModified = 0
  const touch = (doc: NamedDoc | undefined): NamedDoc | undefined => {
    if (doc?.updatedAt) lastModified = Math.max(lastModified, Date.parse(doc.updatedAt))
    return doc
  }
  const system = touch(named.systems.get(refs.system as Id))
  // A venue, when given, is where the event happens; otherwise the library is.
  const place = touch(named.venues.get(refs.venue as Id)) ?? touch(named.libraries.get(refs.library as Id))
  const names = (map: Map<Id, NamedDoc>, ids: Id[]) =>
    ids.flatMap((id) => {
      const doc = touch(map.get(id))
      return doc ? [doc.name as string] : []
    })
  return {
    place: place
      ? { name: place.name, address: place.address, comune: comuneName(place.comune), lat: place.lat, lng: place.lng }
      : null,
    organizer: { name: system?.name ?? NETWORK.name, email: system?.email || `noreply@${siteHost()}` },
    categories: names(named.categories, refs.categories),
    audiences: names(named.audiences, refs.audiences),
    lastModified,
  }
}

/** Published events by id through the Local API, as the public reads them (order not kept). */
export const readEvents = async (ids: Id[]): Promise<Event[]> => {
  if (ids.length === 0) return []
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { id: { in: ids } },
    depth: 0,
    limit: ids.length,
    pagination: false,
    draft: false,
    overrideAccess: false, // the public's view: published events only
    select: EVENT_SELECT,
  })
  return docs as unknown as Event[]
}

/** An event as the calendar builder takes it. */
export const toFeedEvent = (e: Event, shown: Shown, dates: Map<Id, Occurrence[]>): FeedEvent => ({
  uid: eventUid(e.id),
  url: eventUrl(e.slug ?? String(e.id)),
  title: e.title,
  summary: e.summary,
  description: lexicalToPlainText(e.description),
  schedule: {
    start: e.start,
    end: e.end,
    allDay: e.allDay,
    recurrence: e.recurrence,
    changedDates: e.changedDates,
  },
  occurrences: dates.get(e.id) ?? [],
  status: e.status,
  sequence: e.sequence,
  updatedAt: e.updatedAt,
  place: shown.place,
  placeNotes: e.placeNotes,
  onlineUrl: e.onlineUrl,
  organizer: shown.organizer,
  categories: shown.categories,
  audiences: shown.audiences,
  free: e.free,
  price: e.price,
  booking: e.booking,
})

/** Published events by id, resolved into FeedEvents with the latest change among what they show. */
export const loadFeedEvents = async (
  ids: Id[],
  dates: Map<Id, Occurrence[]>,
): Promise<{ events: FeedEvent[]; lastModified: number }> => {
  if (ids.length === 0) return { events: [], lastModified: 0 }
  const events = await readEvents(ids)
  const refs = events.map(refsOf)
  const [systems, libraries, venues, categories, audiences] = await Promise.all([
    loadNamed(
      SLUGS.systems,
      refs.flatMap((r) => (r.system == null ? [] : [r.system])),
    ),
    loadNamed(
      SLUGS.libraries,
      refs.flatMap((r) => (r.library == null ? [] : [r.library])),
    ),
    loadNamed(
      SLUGS.venues,
      refs.flatMap((r) => (r.venue == null ? [] : [r.venue])),
    ),
    loadNamed(
      SLUGS.categories,
      refs.flatMap((r) => r.categories),
    ),
    loadNamed(
      SLUGS.audiences,
      refs.flatMap((r) => r.audiences),
    ),
  ])
  const named: Named = { systems, libraries, venues, categories, audiences }
  let lastModified = 0
  const order = new Map(ids.map((id, i) => [id, i]))
  const feedEvents = events
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((e) => {
      const shown = shownOf(refsOf(e), named)
      lastModified = Math.max(lastModified, e.updatedAt ? Date.parse(e.updatedAt) : 0, shown.lastModified)
      return toFeedEvent(e, shown, dates)
    })
  return { events: feedEvents, lastModified }
}
