import type { Payload, Where } from 'payload'
import { publicOnly } from '../../../collections/access/staff-only'
import { comuneByIstat } from '../../../collections/fields/comune'
import type { MatchableOccurrence } from '../../../collections/Subscribers/preferences'
import { SLUGS } from '../../../collections/slugs'
import type { EmailDay, EmailEvent } from '../../../emails/_components/EventList'
import { siteUrl } from '../../../shared/env'
import type { Locale } from '../../../shared/strings'
import { sitePageUrl } from '../links'
import { dayLabel, timeLabel } from './format'

type Ref = {
  id?: number | string
  name?: string
  title?: string
  slug?: string
  summary?: string | null
  comune?: string
}
type OccurrenceRow = {
  system?: Ref | number | null
  audiences?: (Ref | number)[] | null
  categories?: (Ref | number)[] | null
  campaigns?: (Ref | number)[] | null
  ageMin?: number | null
  ageMax?: number | null
  start: string
  end: string
  allDay?: boolean | null
  status?: string | null
  comune?: string | null
  event: Ref | number
  library?: Ref | number | null
  venue?: Ref | number | null
}

export type EventItem = MatchableOccurrence & {
  start: Date
  end: Date
  allDay: boolean
  status: string | null
  title: string
  slug: string
  summary: string | null
  place: string
}

const idOf = (v: Ref | number | null | undefined) => (v == null ? null : typeof v === 'object' ? (v.id ?? null) : v)
const idsOf = (v: (Ref | number)[] | null | undefined) =>
  (v ?? []).map(idOf).filter((x): x is number | string => x != null)

/** Occurrences with just what a mail shows, in date order (the mail reads no other collection); never staff-only. */
export const findEventItems = async (payload: Payload, where: Where, limit: number): Promise<EventItem[]> => {
  const result = await payload.find({
    collection: SLUGS.occurrences,
    where: publicOnly(where),
    sort: ['start', 'id'],
    limit,
    pagination: false,
    depth: 1,
    overrideAccess: true, // the public's rows (publicOnly), read by a job for many subscribers at once
    select: {
      start: true,
      end: true,
      allDay: true,
      status: true,
      comune: true,
      event: true,
      library: true,
      venue: true,
      system: true,
      audiences: true,
      categories: true,
      campaigns: true,
      ageMin: true,
      ageMax: true,
    },
    populate: {
      events: { title: true, slug: true, summary: true },
      libraries: { name: true },
      venues: { name: true },
      systems: { slug: true },
      audiences: { slug: true },
      categories: { slug: true },
      campaigns: { slug: true },
    },
  })
  return (result.docs as unknown as OccurrenceRow[]).flatMap((o) => {
    const event = typeof o.event === 'object' ? o.event : null
    if (!event?.slug) return []
    const placeName = [o.library, o.venue].map((p) => (p && typeof p === 'object' ? p.name : null)).find(Boolean)
    const comune = o.comune ? comuneByIstat.get(o.comune)?.name : undefined
    const place = [placeName, comune && !placeName?.includes(comune) ? comune : null].filter(Boolean).join(', ')
    return [
      {
        system: idOf(o.system),
        comune: o.comune ?? null,
        audiences: idsOf(o.audiences),
        categories: idsOf(o.categories),
        campaigns: idsOf(o.campaigns),
        ageMin: o.ageMin ?? null,
        ageMax: o.ageMax ?? null,
        start: new Date(o.start),
        end: new Date(o.end),
        allDay: !!o.allDay,
        status: o.status ?? null,
        title: event.title ?? '',
        slug: event.slug,
        summary: event.summary ?? null,
        place,
      },
    ]
  })
}

export const toEmailEvent = (item: EventItem, language: Locale): EmailEvent => {
  const path = `/eventi/${encodeURIComponent(item.slug)}`
  return {
    title: item.title,
    time: timeLabel(item.start, item.end, item.allDay, language),
    place: item.place,
    url: sitePageUrl(path, language),
    // The calendar file has one address for both languages.
    icsUrl: `${siteUrl()}${path}.ics`,
    status: item.status && item.status !== 'scheduled' ? item.status : null,
    summary: item.summary,
  }
}

/** Items grouped under one heading per Rome day, in the order given. */
export const groupByDay = (items: EventItem[], language: Locale, from?: Date): EmailDay[] => {
  const days: EmailDay[] = []
  for (const item of items) {
    // Something already running (an exhibition) is listed on the first day of the period.
    const label = dayLabel(from && item.start < from ? from : item.start, language, from)
    const last = days[days.length - 1]
    const event = toEmailEvent(item, language)
    if (last?.label === label) last.events.push(event)
    else days.push({ label, events: [event] })
  }
  return days
}
