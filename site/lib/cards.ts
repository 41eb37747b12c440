import type { Event, Media, Occurrence } from '../../cms/payload-types'
import type { EventStatus } from '../../collections/enums'
import { comuneByIstat } from '../../collections/fields/comune'
import { comuneDistanceKm } from '../../collections/filter-registry'
import { formatTimeRange, isoWithOffset, lastDay, romeDate } from './format'
import { strings } from './i18n'
import { type ResponsiveImage, thumbnail } from './images'
import { eventPath, type Locale } from './urls'

/** One agenda row, shaped for templates: every label is already a string in the page language. */
export type Card = {
  id: number
  href: string
  title: string
  summary: string
  startIso: string
  endIso: string
  day: string
  lastDay: string
  timeLabel: string
  status: EventStatus
  statusLabel: string | null
  note: string
  place: string
  comune: string
  system: string
  categories: string[]
  ageLabel: string | null
  free: boolean
  image: ResponsiveImage | null
  /** How far its comune is from the place the visitor is near ("a 4 km"), when the agenda filters by distance. */
  distance: string | null
}

type Named = { name?: string | null; title?: string | null }
const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)

/** The age range worth showing: none when the event is for everyone. */
export const ageLabel = (min: number | null | undefined, max: number | null | undefined, locale: Locale) => {
  const lo = min && min > 0 ? min : null
  const hi = max != null && max < 120 ? max : null
  return lo == null && hi == null ? null : strings(locale).ages(lo, hi)
}

/** The distance from the nearest of `near` (ISTAT codes) to a comune, in words; null without both. */
const distanceLabel = (near: string[], comune: string | null | undefined, locale: Locale): string | null => {
  if (!near.length || !comune) return null
  const km = near
    .map((origin) => comuneDistanceKm(origin, comune))
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b)[0]
  return km === undefined ? null : strings(locale).distanceKm(km)
}

export const toCard = (
  o: Occurrence,
  locale: Locale,
  media?: Map<string, Media>,
  now: Date = new Date(),
  near: string[] = [],
): Card => {
  const t = strings(locale)
  const event = obj<Event>(o.event)
  const library = obj<Named>(o.library)
  const venue = obj<Named>(o.venue)
  const system = obj<{ shortName?: string; name?: string }>(o.system)
  const status = (o.status ?? 'scheduled') as EventStatus
  const imageId = event?.image && typeof event.image === 'object' ? event.image.id : event?.image
  return {
    id: o.id,
    // The date travels with the link: the event page shows and adds that date first (a series has many).
    href: event?.slug ? eventPath(event.slug, locale, o.day || romeDate(o.start)) : '#',
    title: o.title,
    summary: event?.summary ?? '',
    startIso: isoWithOffset(o.start),
    endIso: isoWithOffset(o.end),
    day: romeDate(o.start),
    lastDay: lastDay(o),
    timeLabel: formatTimeRange(o, locale, now),
    status,
    statusLabel: status === 'scheduled' ? null : t.statusLabels[status],
    note: o.note ?? '',
    place: [venue?.name, library?.name].filter(Boolean).join(' – '),
    comune: o.comune ? (comuneByIstat.get(o.comune)?.name ?? '') : '',
    system: system?.shortName ?? system?.name ?? '',
    categories: (o.categories ?? []).map((c) => obj<Named>(c)?.name ?? '').filter(Boolean),
    ageLabel: ageLabel(o.ageMin, o.ageMax, locale),
    free: !!o.free,
    image: imageId != null ? thumbnail(media?.get(String(imageId)), event?.imageAlt) : null,
    distance: distanceLabel(near, o.comune, locale),
  }
}

export type DayGroup = { day: string; ongoing: boolean; cards: Card[] }

/**
 * Rows grouped under their day, in order. Rows that began before `fromDay` (a long exhibition still open)
 * are gathered under one "ongoing" group instead of a past date heading.
 */
export const groupByDay = (cards: Card[], fromDay: string): DayGroup[] => {
  const groups: DayGroup[] = []
  for (const card of cards) {
    const ongoing = card.day < fromDay
    const day = ongoing ? fromDay : card.day
    const last = groups.at(-1)
    if (last && last.day === day && last.ongoing === ongoing) last.cards.push(card)
    else groups.push({ day, ongoing, cards: [card] })
  }
  return groups
}
