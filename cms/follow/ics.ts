import type { Payload } from 'payload'
import type { FeedEvent } from '../../collections/lib/ical/build'
import { lexicalToPlainText } from '../../collections/lib/lexical-text'
import type { Occurrence } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { siteUrl } from '../../shared/env'
import { eventUid } from '../../shared/event-uid'
import { feedPlaceOf, mailCalendar } from '../mail-calendar'
import type { Event } from '../payload-types'

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
  const { place, organizer } = await feedPlaceOf(payload, event)
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
    place,
    placeNotes: event.placeNotes,
    onlineUrl: event.onlineUrl,
    organizer,
    free: event.free,
    price: event.price,
  }
  return mailCalendar(feedEvent, occurrences[0]?.start ?? new Date(event.start), event)
}
