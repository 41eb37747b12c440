import type {
  Campaign,
  Event,
  Festival,
  Library,
  Occurrence,
  Partner,
  Series,
  System,
  Venue,
} from '../../cms/payload-types'
import { type EventStatus, LANGUAGE_LABELS } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { comuneName } from './agenda'
import { ageLabel } from './cards'
import { eventCredits } from './credits'
import { formatWhen, isoWithOffset } from './format'
import { strings } from './i18n'
import { responsiveImage } from './images'
import { eventJsonLd } from './json-ld'
import { googleCalendarUrl, osmLink, outlookCalendarUrl, type Place, shareLinks } from './links'
import { getPayload } from './payload'
import { programmePath } from './print'
import { richTextToHtml, safeHref } from './rich-text'
import { entityPath, eventIcsPath, eventPath, eventUrl, type Locale, localePath } from './urls'

const MAX_DATES = 200

const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)
const objs = <T>(values: unknown[] | null | undefined): T[] =>
  (values ?? []).flatMap((v) => (v && typeof v === 'object' ? [v as T] : []))

/** A published event by slug (drafts and unknown slugs: null), with its relations populated. */
export const findEventBySlug = async (slug: string): Promise<Event | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { slug: { equals: slug } },
    depth: 1,
    limit: 1,
    pagination: false,
    draft: false,
    overrideAccess: false,
  })
  return docs[0] ?? null
}

type Dated = Pick<Occurrence, 'id' | 'start' | 'end' | 'allDay' | 'status' | 'note' | 'ageMin' | 'ageMax' | 'day'>
const select = {
  start: true,
  end: true,
  allDay: true,
  status: true,
  note: true,
  ageMin: true,
  ageMax: true,
  day: true,
} as const

/** A day as the `data` parameter of an event page writes it (the Rome calendar day of a date). */
export const EVENT_DAY = /^\d{4}-\d{2}-\d{2}$/

/** The event's dates on one Rome day (`?data=`), in order; none when the event has no date that day. */
export const eventDatesOn = async (eventId: number, day: string): Promise<Dated[]> => {
  if (!EVENT_DAY.test(day)) return []
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: eventId } }, { day: { equals: day } }] },
    sort: ['start', 'id'],
    depth: 0,
    limit: 10,
    pagination: false,
    select,
    overrideAccess: false,
  })
  return docs as Dated[]
}

/** The event's dates still to come (or still going on), in order; if none, its last past date. */
export const eventDates = async (
  eventId: number,
  now: Date = new Date(),
): Promise<{ upcoming: Dated[]; last: Dated | null }> => {
  const payload = await getPayload()
  const upcoming = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: eventId } }, { end: { greater_than: now.toISOString() } }] },
    sort: ['start', 'id'],
    depth: 0,
    limit: MAX_DATES,
    pagination: false,
    select,
    overrideAccess: false,
  })
  if (upcoming.docs.length) return { upcoming: upcoming.docs as Dated[], last: null }
  const past = await payload.find({
    collection: SLUGS.occurrences,
    where: { event: { equals: eventId } },
    sort: ['-start'],
    depth: 0,
    limit: 1,
    select,
    overrideAccess: false,
  })
  return { upcoming: [], last: (past.docs[0] as Dated | undefined) ?? null }
}

const placeOf = (doc: Library | Venue | null): Place | null =>
  doc
    ? {
        name: doc.name,
        address: doc.address,
        comune: comuneName(doc.comune),
        lat: doc.lat ?? null,
        lng: doc.lng ?? null,
      }
    : null

export type EventDateView = {
  id: number
  startIso: string
  endIso: string
  label: string
  status: EventStatus
  statusLabel: string | null
  note: string
  past: boolean
  /** A date of the day the visitor came for (`?data=`): listed first and highlighted. */
  chosen: boolean
}

/**
 * Everything the event page shows, in the page language. With `day` (the `data` parameter), the dates of
 * that day come first, highlighted, and "add to calendar" adds them; `chosenDay` is null when the event has
 * no date that day (the page then drops the parameter).
 */
export const eventView = async (event: Event, locale: Locale, now: Date = new Date(), day: string | null = null) => {
  const t = strings(locale)
  const [{ upcoming, last }, chosen, credits] = await Promise.all([
    eventDates(event.id, now),
    day ? eventDatesOn(event.id, day) : Promise.resolve([]),
    eventCredits(event, locale),
  ])
  const chosenIds = new Set(chosen.map((d) => d.id))
  const next = chosen[0] ?? upcoming[0] ?? last
  // The headline status is the event's; single dates that differ carry their own badge.
  const eventStatus = (event.status || 'scheduled') as EventStatus
  const listed = upcoming.length ? upcoming : last ? [last] : []
  const dates = [...chosen, ...listed.filter((d) => !chosenIds.has(d.id))].map((d): EventDateView => {
    const status = (d.status ?? event.status) as EventStatus
    return {
      id: d.id,
      startIso: isoWithOffset(d.start),
      endIso: isoWithOffset(d.end),
      label: formatWhen(d, locale, now),
      status,
      // A date only needs its own badge when it differs from the event as a whole.
      statusLabel: status === 'scheduled' || status === eventStatus ? null : t.statusLabels[status],
      note: d.note ?? '',
      past: new Date(d.end).getTime() <= now.getTime(),
      chosen: chosenIds.has(d.id),
    }
  })
  // "This date" (the chosen one, else the next) beside "all the dates", when there are other dates.
  const manyDates = dates.length > 1 && dates.some((d) => !d.chosen)
  const thisDay = manyDates ? (chosen.length ? day : (next?.day ?? null)) : null
  const library = obj<Library>(event.library)
  const venue = obj<Venue>(event.venue)
  const system = obj<System>(event.system)
  const organiser = obj<Partner>(event.organiser)
  const place = placeOf(venue ?? library)
  const url = eventUrl(event.slug as string)
  const image = responsiveImage(obj(event.image), event.imageAlt)
  const location = place
    ? [place.name, place.address, place.comune].filter(Boolean).join(', ')
    : (event.onlineUrl ?? '')
  const calendarInput = next
    ? {
        title: event.title,
        details: [event.summary, url].filter(Boolean).join('\n\n'),
        location,
        start: next.start,
        end: next.end,
        allDay: !!next.allDay,
      }
    : null
  const series = obj<Series>(event.series)
  const festival = obj<Festival>(event.festival)
  const links = [
    ...(series?.slug
      ? [{ kind: t.kinds.rassegna, label: series.title, href: entityPath('rassegna', series.slug, locale) }]
      : []),
    ...(festival?.slug
      ? [{ kind: t.kinds.festival, label: festival.title, href: entityPath('festival', festival.slug, locale) }]
      : []),
    ...objs<Campaign>(event.campaigns).flatMap((c) =>
      c.slug ? [{ kind: t.kinds.campagna, label: c.title, href: entityPath('campagna', c.slug, locale) }] : [],
    ),
  ]
  return {
    title: event.title,
    summary: event.summary ?? '',
    descriptionHtml: richTextToHtml(event.description, 3),
    status: eventStatus,
    statusLabel: eventStatus === 'scheduled' ? null : t.statusLabels[eventStatus],
    dates,
    hasUpcoming: upcoming.length > 0,
    image,
    place: place ? { ...place, mapUrl: osmLink(place), notes: event.placeNotes ?? '' } : null,
    library: library?.slug ? { name: library.name, href: entityPath('biblioteca', library.slug, locale) } : null,
    venueAndLibrary: !!(venue && library),
    onlineUrl: safeHref(event.onlineUrl),
    system: system?.slug ? { name: system.name, href: entityPath('sistema', system.slug, locale) } : null,
    /** The partner organisation that organises it (issue 16), linked to its page. */
    organiser: organiser?.slug
      ? { name: organiser.name, href: entityPath('organizzatore', organiser.slug, locale) }
      : null,
    links,
    /** Who funds or supports it, its own and its rassegna's, festival's and campaigns' (each funder once). */
    credits,
    categories: objs<{ name: string; slug?: string | null }>(event.categories).map((c) => c.name),
    audiences: objs<{ name: string }>(event.audiences).map((a) => a.name),
    // Occurrences carry the effective range: the event's own ages, else those of its audiences.
    ageLabel: ageLabel(next?.ageMin ?? event.minAge, next?.ageMax ?? event.maxAge, locale),
    free: !!event.free,
    price: event.price ?? '',
    booking: {
      mode: event.booking?.mode ?? 'none',
      label: t.bookingModes[event.booking?.mode ?? 'none'],
      url: safeHref(event.booking?.url),
      phone: event.booking?.phone ?? null,
      email: event.booking?.email ?? null,
    },
    languages: (event.languages ?? []).map((l) => LANGUAGE_LABELS[l]),
    accessibility: event.accessibility ?? [],
    url,
    icsPath: eventIcsPath(event.slug as string),
    posterPath: localePath(locale, programmePath(new URLSearchParams({ evento: event.slug as string }), 'a3')),
    /** The `.ics` of "this date" (the chosen or next one) when the event has several; null otherwise. */
    icsDatePath: thisDay ? eventIcsPath(event.slug as string, thisDay) : null,
    chosenDay: chosen.length ? day : null,
    chosenLabel: chosen[0] ? formatWhen(chosen[0], locale, now) : null,
    /** What "this date" of the calendar box is: the chosen date, or the next one. */
    thisDate: thisDay && next ? { chosen: chosen.length > 0, label: formatWhen(next, locale, now) } : null,
    google: calendarInput ? googleCalendarUrl(calendarInput) : null,
    outlook: calendarInput ? outlookCalendarUrl(calendarInput) : null,
    share: shareLinks(url, event.title, locale),
    jsonLd: eventJsonLd({ event, date: next, place, system, organiser, url, image }),
    pathIt: eventPath(event.slug as string, 'it'),
  }
}

export type EventView = Awaited<ReturnType<typeof eventView>>
