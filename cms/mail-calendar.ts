import type { Payload } from 'payload'
import { refId } from '../collections/access/roles'
import { comuneByIstat } from '../collections/fields/comune'
import { assembleCalendar, type FeedEvent, renderEvent } from '../collections/lib/ical/build'
import { SLUGS } from '../collections/slugs'
import { siteUrl } from '../shared/env'
import type { Event, Library, System, Venue } from './payload-types'

// The `.ics` that mails attach (a booking's date, a followed event): written by the feeds' own builder, with the
// place and organiser the feed would give the event.

type Where = Pick<FeedEvent, 'place' | 'organizer'>

/** The event's place (its venue, else its library) and organiser (its system) as the feed writes them. */
export const feedPlaceOf = async (payload: Payload, event: Event): Promise<Where> => {
  const named = async <T>(collection: 'venues' | 'libraries' | 'systems', ref: unknown) => {
    const id = refId(ref)
    if (id == null) return null
    return (await payload.findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true })) as T | null
  }
  const place =
    (await named<Venue>(SLUGS.venues, event.venue)) ?? (await named<Library>(SLUGS.libraries, event.library))
  const system = await named<System>(SLUGS.systems, event.system)
  return {
    place: place
      ? {
          name: place.name,
          address: place.address,
          comune: place.comune ? (comuneByIstat.get(place.comune)?.name ?? null) : null,
          lat: place.lat,
          lng: place.lng,
        }
      : null,
    organizer: {
      name: system?.name ?? 'Rete Bibliotecaria Bergamasca',
      email: system?.email || `noreply@${new URL(siteUrl()).hostname}`,
    },
  }
}

/** One event as a calendar to attach: `METHOD:PUBLISH`, as `text/calendar; method=PUBLISH` requires (RFC 6047). */
export const mailCalendar = (feedEvent: FeedEvent, now: Date, name: { title: string; summary?: string | null }) => {
  const rendered = renderEvent(feedEvent, { now })
  const text = assembleCalendar(
    { name: name.title, description: name.summary ?? name.title, url: feedEvent.url },
    rendered ? [rendered] : [],
  )
  return text.replace('\r\nVERSION:2.0\r\n', '\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n')
}
