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

const loadNamed = async (
  collection: 'systems' | 'libraries' | 'venues' | 'categories' | 'audiences',
  ids: Id[],
): Promise<Map<Id, Record<string, any>>> => {
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
  return new Map(docs.map((d) => [d.id as Id, d as Record<string, any>]))
}

const idOf = (value: unknown): Id | null =>
  value == null ? null : typeof value === 'object' ? ((value as { id: Id }).id ?? null) : (value as Id)
const idsOf = (values: unknown): Id[] =>
  Array.isArray(values) ? values.map(idOf).filter((v): v is Id => v != null) : []

const EVENT_SELECT = {
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

/** Published events by id, resolved into FeedEvents with the latest change among what they show. */
export const loadFeedEvents = async (
  ids: Id[],
  dates: Map<Id, Occurrence[]>,
): Promise<{ events: FeedEvent[]; lastModified: number }> => {
  if (ids.length === 0) return { events: [], lastModified: 0 }
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
  const events = docs as unknown as Event[]
  const [systems, libraries, venues, categories, audiences] = await Promise.all([
    loadNamed(
      SLUGS.systems,
      events.map((e) => idOf(e.system)).filter((v): v is Id => v != null),
    ),
    loadNamed(
      SLUGS.libraries,
      events.map((e) => idOf(e.library)).filter((v): v is Id => v != null),
    ),
    loadNamed(
      SLUGS.venues,
      events.map((e) => idOf(e.venue)).filter((v): v is Id => v != null),
    ),
    loadNamed(
      SLUGS.categories,
      events.flatMap((e) => idsOf(e.categories)),
    ),
    loadNamed(
      SLUGS.audiences,
      events.flatMap((e) => idsOf(e.audiences)),
    ),
  ])
  let lastModified = 0
  const touch = <T extends { updatedAt?: string }>(doc: T | undefined): T | undefined => {
    if (doc?.updatedAt) lastModified = Math.max(lastModified, Date.parse(doc.updatedAt))
    return doc
  }
  const order = new Map(ids.map((id, i) => [id, i]))
  const fallbackEmail = `noreply@${siteHost()}`
  const feedEvents = events
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((e): FeedEvent => {
      touch(e)
      const system = touch(systems.get(idOf(e.system) as Id))
      // A venue, when given, is where the event happens; otherwise the library is.
      const place = touch(venues.get(idOf(e.venue) as Id)) ?? touch(libraries.get(idOf(e.library) as Id))
      const names = (map: Map<Id, Record<string, any>>, values: unknown) =>
        idsOf(values).flatMap((id) => {
          const doc = touch(map.get(id))
          return doc ? [doc.name as string] : []
        })
      return {
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
        place: place
          ? {
              name: place.name,
              address: place.address,
              comune: comuneName(place.comune),
              lat: place.lat,
              lng: place.lng,
            }
          : null,
        placeNotes: e.placeNotes,
        onlineUrl: e.onlineUrl,
        organizer: { name: system?.name ?? NETWORK.name, email: system?.email || fallbackEmail },
        categories: names(categories, e.categories),
        audiences: names(audiences, e.audiences),
        free: e.free,
        price: e.price,
        booking: e.booking,
      }
    })
  return { events: feedEvents, lastModified }
}
