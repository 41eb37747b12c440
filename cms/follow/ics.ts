import type { Payload } from 'payload'
import { comuneByIstat } from '../../collections/fields/comune'
import { assembleCalendar, type FeedEvent, renderEvent } from '../../collections/lib/ical/build'
import { lexicalToPlainText } from '../../collections/lib/lexical-text'
import type { Occurrence } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { siteUrl } from '../../shared/env'
import { eventUid } from '../../shared/event-uid'
import type { Event, Library, System, Venue } from '../payload-types'

type Id = number | string
const idOf = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)

/**
 * The `.ics` attached to a follow notice: the whole event as its feed writes it (the feed's UID, SEQUENCE and
 * dates, a cancelled date as a cancelled instance), so opening it updates the entry a follower already added.
 */
export const followCalendar = async (payload: Payload, event: Event): Promise<string> => {
  const rows = await payload.find({
    collection: SLUGS.occurrences,
    where: { event: { equals: event.id } },
    sort: 'start',
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { start: true, end: true, originalStart: true, status: true, note: true },
  })
  const occurrences: Occurrence[] = rows.docs.map((r) => {
    const row = r as { start: string; end: string; originalStart: string; status?: string | null; note?: string | null }
    return {
      start: new Date(row.start),
      end: new Date(row.end),
      originalStart: new Date(row.originalStart),
      ...(row.status ? { status: row.status } : {}),
      ...(row.note ? { note: row.note } : {}),
    }
  })
  const named = async <T>(collection: 'venues' | 'libraries' | 'systems', ref: unknown) => {
    const id = idOf(ref)
    if (id == null) return null
    return (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true })) as T | null
  }
  const place =
    (await named<Venue>(SLUGS.venues, event.venue)) ?? (await named<Library>(SLUGS.libraries, event.library))
  const system = await named<System>(SLUGS.systems, event.system)
  const base = siteUrl()
  const url = `${base}/eventi/${encodeURIComponent(event.slug ?? String(event.id))}`
  const feedEvent: FeedEvent = {
    uid: eventUid(event.id),
    url,
    title: event.title,
    summary: event.summary,
    description: lexicalToPlainText(event.description),
    schedule: {
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      recurrence: event.recurrence,
      changedDates: event.changedDates,
    },
    occurrences,
    status: event.status,
    sequence: event.sequence,
    updatedAt: event.updatedAt,
    place: place
      ? {
          name: place.name,
          address: place.address,
          comune: place.comune ? (comuneByIstat.get(place.comune)?.name ?? null) : null,
          lat: place.lat,
          lng: place.lng,
        }
      : null,
    placeNotes: event.placeNotes,
    onlineUrl: event.onlineUrl,
    organizer: {
      name: system?.name ?? 'Rete Bibliotecaria Bergamasca',
      email: system?.email || `noreply@${new URL(base).hostname}`,
    },
    free: event.free,
    price: event.price,
  }
  const rendered = renderEvent(feedEvent, { now: occurrences[0]?.start ?? new Date(event.start) })
  const text = assembleCalendar(
    { name: event.title, description: event.summary ?? event.title, url },
    rendered ? [rendered] : [],
  )
  // Mails attach it as `text/calendar; method=PUBLISH`, which requires the same METHOD inside (RFC 6047).
  return text.replace('\r\nVERSION:2.0\r\n', '\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n')
}
