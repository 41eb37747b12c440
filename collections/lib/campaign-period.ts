import type { Payload, TypedUser } from 'payload'
import { SLUGS } from '../slugs'

// A campaign's own period (its "Dal"/"Al" days) against the dates of the events linked to it. A mismatch is a
// warning on both edit views, never a refusal: campaigns belong to the network and events to the systems, so the
// librarian who links an event could not fix the campaign's period, and a national campaign may have events
// announced before or after its official weeks. Compared on Rome's calendar, whole days.

/** A run of Rome calendar days, both inclusive, as "YYYY-MM-DD". */
export type DaySpan = { first: string; last: string }

const ROME_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
})

/** The Rome calendar day of an instant: "2027-05-08". */
export const romeDayOf = (instant: string | Date): string => ROME_DAY.format(new Date(instant))

/** How the admin stores a day-only date (noon UTC of that day). */
export const dayToStored = (day: string) => `${day}T12:00:00.000Z`

/** A campaign's period as days, or null while one of its ends is missing. */
export const periodDays = (p: { startDate?: string | null; endDate?: string | null }): DaySpan | null =>
  p.startDate && p.endDate ? { first: romeDayOf(p.startDate), last: romeDayOf(p.endDate) } : null

/**
 * The days one date covers. Occurrence rows end at the next midnight for all-day dates (their `end` is
 * exclusive), so an end exactly at midnight belongs to the day before; an event's own all-day `end` names its
 * last day.
 */
export const dateDays = (start: string, end: string | null | undefined, allDayEventEnd = false): DaySpan => {
  const from = Date.parse(start)
  const to = end ? Date.parse(end) : from
  const last = allDayEventEnd ? Math.max(from, to) : Math.max(from, to - 1)
  return { first: romeDayOf(new Date(from)), last: romeDayOf(new Date(last)) }
}

/** The smallest span holding both ("YYYY-MM-DD" days sort as strings). */
export const joinSpans = (a: DaySpan | null, b: DaySpan): DaySpan => {
  if (!a) return b
  const days = [a.first, a.last, b.first, b.last].sort()
  return { first: days[0] as string, last: days[3] as string }
}

/** Whether any day of `span` falls outside `period`. */
export const outside = (span: DaySpan, period: DaySpan) => span.first < period.first || span.last > period.last

/** "8 mag 2027" in the admin's language (a day, whatever the reader's time zone). */
export const formatDay = (day: string, intlLocale: string) =>
  new Intl.DateTimeFormat(intlLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(dayToStored(day)),
  )

/** One event linked to a campaign: its first and last day among the dates the agenda shows. */
export type LinkedEvent = { id: number | string; title: string } & DaySpan

/** At most this many events are compared on a campaign's page (the rows read are bounded by MAX_ROWS). */
export const MAX_EVENTS = 1000
const MAX_ROWS = 10_000

/**
 * The events linked to a campaign, each with the span of its published dates (occurrence rows), read with the
 * viewer's own access, in order of their first day. Drafts never published have no dates yet and are left out.
 */
export const campaignEvents = async (
  payload: Payload,
  campaign: number | string,
  user: TypedUser,
): Promise<{ events: LinkedEvent[]; truncated: boolean }> => {
  const { docs, hasNextPage } = await payload.find({
    collection: SLUGS.occurrences,
    where: { campaigns: { in: [campaign] } },
    sort: ['start', 'id'],
    limit: MAX_ROWS,
    depth: 0,
    overrideAccess: false,
    user,
    select: { event: true, title: true, start: true, end: true },
  })
  const byEvent = new Map<string, LinkedEvent>()
  for (const row of docs as unknown as { event: number | string; title: string; start: string; end: string }[]) {
    const key = String(row.event)
    const days = dateDays(row.start, row.end)
    const seen = byEvent.get(key)
    if (seen) Object.assign(seen, joinSpans(seen, days))
    else if (byEvent.size < MAX_EVENTS) byEvent.set(key, { id: row.event, title: row.title, ...days })
  }
  return { events: [...byEvent.values()], truncated: hasNextPage || byEvent.size >= MAX_EVENTS }
}

/** The span of an event's published dates (its occurrence rows), or null when it has none. */
export const publishedSpan = async (
  payload: Payload,
  event: number | string,
  user: TypedUser,
): Promise<DaySpan | null> => {
  const query = (sort: string) =>
    payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: event } },
      sort,
      limit: 1,
      pagination: false,
      depth: 0,
      overrideAccess: false,
      user,
      select: { start: true, end: true },
    })
  const [first] = (await query('start')).docs as unknown as { start: string; end: string }[]
  const [last] = (await query('-end')).docs as unknown as { start: string; end: string }[]
  if (!first || !last) return null
  return joinSpans(dateDays(first.start, first.end), dateDays(last.start, last.end))
}
