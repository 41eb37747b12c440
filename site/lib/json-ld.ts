import type { Event, Occurrence, Partner, System } from '../../cms/payload-types'
import type { EventStatus } from '../../collections/enums'
import { isoWithOffset, lastDay, romeDate } from './format'
import type { ResponsiveImage } from './images'
import type { Place } from './links'
import { safeHref } from './rich-text'
import { NETWORK } from './site-info'
import { absoluteUrl, entityPath } from './urls'

/** JSON for an inline <script>: `<` is escaped so no value can close the script element. */
export const jsonForScript = (value: unknown): string =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')

const SCHEMA_STATUS: Record<EventStatus, string> = {
  scheduled: 'EventScheduled',
  cancelled: 'EventCancelled',
  postponed: 'EventPostponed',
  rescheduled: 'EventRescheduled',
  full: 'EventScheduled',
  movedOnline: 'EventMovedOnline',
}

/** The first amount in a free-text price ("5 € / ridotto 3 €" → "5"), for schema.org offers. */
export const priceAmount = (price: string | null | undefined): string | null => {
  const m = price?.match(/(\d+(?:[.,]\d{1,2})?)/)
  return m?.[1] ? m[1].replace(',', '.') : null
}

/** One date of an event: an occurrence row, or the event's own times when it has none left. */
export type Dated = Pick<Occurrence, 'start' | 'end' | 'allDay' | 'status' | 'ageMin' | 'ageMax'>

type JsonLdInput = {
  event: Event
  date: Dated | null
  place: Place | null
  system: System | null
  /** The partner organisation that organises the event, if any: then it is the `organizer`. */
  organiser?: Partner | null
  url: string
  image: ResponsiveImage | null
}

/** schema.org/Event for the next date of the event (search engines show one date per Event). */
export const eventJsonLd = ({ event, date, place, system, organiser, url, image }: JsonLdInput) => {
  const status = ((date?.status ?? event.status) || 'scheduled') as EventStatus
  const when = date ?? { start: event.start, end: event.end ?? event.start, allDay: event.allDay }
  const allDay = !!when.allDay
  const onlineUrl = safeHref(event.onlineUrl)
  const online = onlineUrl ? { '@type': 'VirtualLocation', url: onlineUrl } : null
  const physical = place
    ? {
        '@type': 'Place',
        name: place.name,
        address: {
          '@type': 'PostalAddress',
          streetAddress: place.address,
          addressLocality: place.comune,
          addressRegion: 'BG',
          addressCountry: 'IT',
        },
        ...(place.lat != null && place.lng != null
          ? { geo: { '@type': 'GeoCoordinates', latitude: place.lat, longitude: place.lng } }
          : {}),
      }
    : null
  const locations = [physical, online].filter(Boolean)
  const ages = ageRange(date?.ageMin ?? event.minAge, date?.ageMax ?? event.maxAge)
  const amount = event.free ? '0' : priceAmount(event.price)
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    ...(event.summary ? { description: event.summary } : {}),
    url,
    startDate: allDay ? romeDate(when.start) : isoWithOffset(when.start),
    endDate: allDay
      ? lastDay({ start: when.start, end: when.end ?? when.start, allDay })
      : isoWithOffset(when.end ?? when.start),
    eventStatus: `https://schema.org/${SCHEMA_STATUS[status]}`,
    eventAttendanceMode: `https://schema.org/${
      physical && online
        ? 'MixedEventAttendanceMode'
        : online && !physical
          ? 'OnlineEventAttendanceMode'
          : 'OfflineEventAttendanceMode'
    }`,
    ...(locations.length ? { location: locations.length === 1 ? locations[0] : locations } : {}),
    organizer: organiser?.slug
      ? {
          '@type': 'Organization',
          name: organiser.name,
          url: absoluteUrl(entityPath('organizzatore', organiser.slug)),
          ...(safeHref(organiser.website) ? { sameAs: safeHref(organiser.website) } : {}),
        }
      : {
          '@type': 'Organization',
          name: system?.name ?? NETWORK.name,
          ...(system?.slug ? { url: absoluteUrl(entityPath('sistema', system.slug)) } : {}),
        },
    offers: {
      '@type': 'Offer',
      url: safeHref(event.booking?.url) || url,
      ...(amount ? { price: amount } : {}),
      priceCurrency: 'EUR',
      availability: `https://schema.org/${status === 'full' ? 'SoldOut' : status === 'cancelled' ? 'Discontinued' : 'InStock'}`,
    },
    isAccessibleForFree: !!event.free,
    ...(ages ? { typicalAgeRange: ages } : {}),
    ...(image ? { image: [image.src] } : {}),
    inLanguage: event.languages?.length ? event.languages : ['it'],
  }
}

/** schema.org typicalAgeRange: "3-6", "18-"; nothing when the event is for every age. */
export const ageRange = (min: number | null | undefined, max: number | null | undefined): string | null => {
  const lo = min ?? 0
  const hi = max != null && max < 120 ? max : null
  if (lo <= 0 && hi == null) return null
  return `${lo}-${hi ?? ''}`
}
