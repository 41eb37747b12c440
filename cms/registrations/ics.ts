import type { Payload } from 'payload'
import type { FeedEvent } from '../../collections/lib/ical/build'
import { lexicalToPlainText } from '../../collections/lib/lexical-text'
import { siteUrl } from '../../shared/env'
import { feedPlaceOf, mailCalendar } from '../mail-calendar'
import type { Event, Registration } from '../payload-types'

type Id = number | string

/**
 * The UID of a booked date's VEVENT: one per registration, so every later mail about it (a moved date, a
 * cancellation) updates the same entry in the family's calendar, with the event's SEQUENCE.
 */
export const bookingUid = (registration: Id) => `iscrizione-${registration}@${new URL(siteUrl()).hostname}`

export type BookingCalendarInput = {
  registration: Pick<Registration, 'id' | 'start' | 'status'>
  /** The event as it is now (depth 0 is enough: places are read by id). */
  event: Event
  /** The booked date's end and status, when the occurrence row is known (a moved or cancelled date). */
  end?: string | Date | null
  dateStatus?: string | null
}

/**
 * The `.ics` attached to a booking's mails: one VEVENT for the booked date, written by the feeds' own builder,
 * cancelled (STATUS:CANCELLED) when the booking or its date is. SEQUENCE follows the event's feed value, one
 * higher for a booking the person cancelled, so calendars replace what the previous mail added.
 */
export const bookingCalendar = async (payload: Payload, input: BookingCalendarInput): Promise<string> => {
  const { event, registration } = input
  const start = new Date(registration.start)
  const duration = Math.max(0, new Date(event.end ?? event.start).getTime() - new Date(event.start).getTime())
  const end = input.end ? new Date(input.end) : new Date(start.getTime() + duration)
  const { place, organizer } = await feedPlaceOf(payload, event)
  const cancelled = registration.status === 'cancelled'
  const status = (cancelled ? 'cancelled' : (input.dateStatus ?? event.status ?? 'scheduled')) as FeedEvent['status']
  const base = siteUrl()
  const feedEvent: FeedEvent = {
    uid: bookingUid(registration.id),
    url: `${base}/eventi/${encodeURIComponent(event.slug ?? String(event.id))}`,
    title: event.title,
    summary: event.summary,
    description: lexicalToPlainText(event.description),
    schedule: { start: start.toISOString(), end: end.toISOString(), allDay: event.allDay },
    occurrences: [{ start, end, originalStart: start, status }],
    status,
    sequence: (event.sequence ?? 0) + (cancelled ? 1 : 0),
    updatedAt: event.updatedAt,
    place,
    placeNotes: event.placeNotes,
    onlineUrl: event.onlineUrl,
    organizer,
    free: event.free,
    price: event.price,
  }
  return mailCalendar(feedEvent, start, event)
}
