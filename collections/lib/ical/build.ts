import { getVtimezoneComponent } from '@touch4it/ical-timezones'
import ical, { escape as escapeText, type ICalEventData, ICalEventStatus, ICalEventTransparency } from 'ical-generator'
import { BOOKING_LABELS, EVENT_STATUS_LABELS, type EventStatus, TIME_ZONE } from '../../enums'
import type { Occurrence, ScheduleInput } from '../recurrence'
import { dateProperty, midnight, occurrencesOf, seriesOf, wallOf } from './schedule'

/** Everything a VEVENT says about one event, already resolved to plain values (no I/O here). */
export type FeedEvent = {
  uid: string
  url: string
  title: string
  summary?: string | null
  /** Plain text (never HTML). */
  description?: string | null
  schedule: ScheduleInput
  /** The site's dates in the feed's range (occurrence rows); computed from `schedule` when absent. */
  occurrences?: Occurrence[]
  status: EventStatus
  sequence?: number | null
  updatedAt: string | Date
  place?: {
    name: string
    address?: string | null
    comune?: string | null
    lat?: number | null
    lng?: number | null
  } | null
  placeNotes?: string | null
  onlineUrl?: string | null
  organizer: { name: string; email: string }
  categories?: string[]
  audiences?: string[]
  free?: boolean | null
  price?: string | null
  booking?: { mode?: string | null; url?: string | null; phone?: string | null; email?: string | null } | null
}

export type CalendarInput = {
  /** NAME / X-WR-CALNAME: what the feed is ("Eventi – Valle Seriana – 3-6 anni"). */
  name: string
  /** DESCRIPTION / X-WR-CALDESC. */
  description: string
  /** The page that lists the same events (calendar URL, RFC 7986). */
  url?: string
  /** The feed's own address (SOURCE, RFC 7986). */
  source?: string
  events: FeedEvent[]
  /** Reference time of the expansion of recurring events (see expandSchedule). */
  now: Date
  /** The feed's horizon: only dates overlapping [from, until) are written. */
  from?: Date
  until?: Date
  /** Subscribed feeds do not block the subscriber's free/busy time; an event added on purpose does. */
  transparent?: boolean
}

export const PROD_ID = { company: 'Rete Bibliotecaria Bergamasca', product: 'Agenda eventi', language: 'IT' }
/** Clients should poll every six hours (RFC 7986 REFRESH-INTERVAL, and X-PUBLISHED-TTL for Outlook). */
const REFRESH = 'PT6H'
/** Characters of the event's own text: the calendar shows a taste, the page (linked) the rest. */
const MAX_BODY = 300

let vtimezone: string[] | undefined
/** The VTIMEZONE of Europe/Rome (the only zone we write), from @touch4it/ical-timezones, read once. */
const romeTimezone = (): string[] => {
  vtimezone ??= (getVtimezoneComponent(TIME_ZONE) ?? '').trim().split(/\r?\n/)
  return vtimezone
}

const STATUS_LINE: Record<EventStatus, string | null> = {
  scheduled: null,
  cancelled: 'EVENTO ANNULLATO.',
  postponed: 'Evento rinviato: la nuova data sarà comunicata sul sito.',
  rescheduled: 'Evento riprogrammato: controlla data e ora.',
  full: 'Posti esauriti.',
  movedOnline: 'Evento spostato online.',
}

/** When one date of a series changes status, its text speaks of that date. */
const DATE_STATUS_LINE: Partial<Record<EventStatus, string>> = {
  cancelled: 'Questa data è annullata.',
  full: 'Posti esauriti per questa data.',
}

const ICAL_STATUS: Record<EventStatus, ICalEventStatus> = {
  scheduled: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  postponed: ICalEventStatus.TENTATIVE,
  rescheduled: ICalEventStatus.CONFIRMED,
  full: ICalEventStatus.CONFIRMED,
  movedOnline: ICalEventStatus.CONFIRMED,
}

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

const summaryOf = (event: FeedEvent, status: EventStatus) =>
  status === 'scheduled' ? event.title : `${EVENT_STATUS_LABELS[status]}: ${event.title}`

/** Where it happens: nowhere physical once moved online. */
const placeOf = (event: FeedEvent, status: EventStatus) => (status === 'movedOnline' ? null : event.place)

const locationOf = (event: FeedEvent, status: EventStatus): string | null => {
  const place = placeOf(event, status)
  if (!place) return event.onlineUrl ? 'Online' : null
  return [place.name, place.address, place.comune].filter(Boolean).join(', ')
}

const bookingLine = (booking: FeedEvent['booking']): string | null => {
  if (!booking?.mode || booking.mode === 'none') return null
  const how = [booking.phone && `tel. ${booking.phone}`, booking.email, booking.url].filter(Boolean).join(', ')
  const label = BOOKING_LABELS[booking.mode === 'required' ? 'required' : 'recommended']
  return how ? `${label}: ${how}` : label
}

/** Plain-text DESCRIPTION: status, summary, body, practical details, and the event's address last. */
const descriptionOf = (event: FeedEvent, status: EventStatus, note?: string, dateStatus?: boolean): string => {
  const summary = event.summary?.trim() ?? ''
  let body = event.description?.trim() ?? ''
  if (summary && body.startsWith(summary)) body = body.slice(summary.length).trim()
  const details = [
    placeOf(event, status)
      ? `Dove: ${locationOf(event, status)}${event.placeNotes ? ` (${event.placeNotes})` : ''}`
      : null,
    event.onlineUrl ? `Online: ${event.onlineUrl}` : null,
    event.audiences?.length ? `Per: ${event.audiences.join(', ')}` : null,
    event.free ? 'Ingresso gratuito' : event.price ? `Ingresso: ${event.price}` : null,
    bookingLine(event.booking),
  ].filter(Boolean)
  const blocks = [
    [(dateStatus && DATE_STATUS_LINE[status]) || STATUS_LINE[status], note ? `Nota: ${note}` : null]
      .filter(Boolean)
      .join('\n'),
    summary,
    body ? clip(body, MAX_BODY) : null,
    details.join('\n'),
    `Dettagli: ${event.url}`,
  ]
  return blocks.filter(Boolean).join('\n\n')
}

type Timing = { start: Date; end: Date; allDay?: boolean; floating?: boolean }

/**
 * Dates reach ical-generator as Rome wall-clock values read from UTC fields: all-day ones as DATEs,
 * timed ones as floating DATE-TIMEs that get their TZID below. (A JS Date with a time zone would be
 * written in the process time zone; a TZDate is right but costs ~35 µs of Intl per value.)
 */
const timing = (startWall: Date, endWall: Date, allDay: boolean): Timing =>
  allDay
    ? { allDay: true, start: midnight(startWall), end: midnight(endWall) }
    : { floating: true, start: startWall, end: endWall }

const ZONED = /^(DTSTART|DTEND|RECURRENCE-ID):/
const withZone = (line: string) => (ZONED.test(line) ? line.replace(':', `;TZID=${TIME_ZONE}:`) : line)

const RAW = 'X-AGENDA-RAW'

/**
 * RFC 5545 §3.1 folding: lines of at most 75 octets, never split inside a UTF-8 sequence. (ical-generator
 * folds its whole calendar with a new TextEncoder per character: about a second per megabyte.)
 */
export const foldLine = (line: string): string => {
  if (line.length <= 18) return line
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const parts: string[] = []
  let start = 0
  let room = 75
  while (bytes.length - start > room) {
    let end = start + room
    while (((bytes[end] as number) & 0xc0) === 0x80) end-- // a UTF-8 continuation byte: step back
    parts.push(bytes.toString('utf8', start, end))
    start = end
    room = 74 // after the leading space of the continuation line
  }
  parts.push(bytes.toString('utf8', start))
  return parts.join('\r\n ')
}

export type CalendarMeta = Pick<CalendarInput, 'name' | 'description' | 'url' | 'source'>
export type RenderOptions = Pick<CalendarInput, 'now' | 'from' | 'until' | 'transparent'>
/** One event's VEVENTs (the master and its overrides) as folded CRLF lines, and whether it has a TZID. */
export type RenderedEvent = { text: string; timed: boolean }

/**
 * The VEVENTs of one event. ical-generator renders them; it writes neither RDATE nor a DATE-valued
 * RECURRENCE-ID, so those lines take the place of a marker property in its text.
 */
export const renderEvent = (event: FeedEvent, options: RenderOptions): RenderedEvent | null => {
  const kept = event.occurrences ?? occurrencesOf(event.schedule, options)
  const series = seriesOf(event.schedule, kept, event.status)
  if (!series) return null
  // Holds the events only. No calendar time zone: it would make DTSTAMP and LAST-MODIFIED local, not UTC.
  const cal = ical({ prodId: PROD_ID })
  const allDay = !!event.schedule.allDay
  const out: string[] = []
  const render = (data: ICalEventData, raw: string[] = []) => {
    const text = cal.createEvent(raw.length ? { ...data, x: [{ key: RAW, value: '0' }] } : data).toString()
    const lines = text.slice(0, -2).split('\r\n')
    const zoned = allDay ? lines : lines.map(withZone)
    for (const line of zoned) for (const l of line === `${RAW}:0` ? raw : [line]) out.push(foldLine(l), '\r\n')
  }
  const stamp = new Date(event.updatedAt)
  const common = (status: EventStatus, note?: string, dateStatus = false): Omit<ICalEventData, 'start'> => {
    const location = locationOf(event, status)
    const place = placeOf(event, status)
    const geo = place?.lat != null && place.lng != null ? { lat: place.lat, lon: place.lng } : undefined
    return {
      id: event.uid,
      sequence: event.sequence ?? 0,
      stamp,
      lastModified: stamp,
      summary: summaryOf(event, status),
      description: descriptionOf(event, status, note, dateStatus),
      location: location ? { title: location, ...(geo ? { geo } : {}) } : null,
      url: event.url,
      organizer: event.organizer,
      categories: (event.categories ?? []).map((name) => ({ name })),
      status: ICAL_STATUS[status],
      transparency: options.transparent ? ICalEventTransparency.TRANSPARENT : ICalEventTransparency.OPAQUE,
    }
  }
  const statusOf = (o: Occurrence) => (o.status as EventStatus | undefined) ?? event.status

  if (series.kind === 'single') {
    const o = series.occurrence
    render({ ...common(statusOf(o), o.note ?? undefined), ...timing(wallOf(o.start), wallOf(o.end), allDay) })
  } else {
    render({ ...common(event.status), ...timing(series.start, series.end, allDay) }, series.lines)
    for (const o of series.overrides) {
      const own = o.status != null && o.status !== event.status
      const data = {
        ...common(statusOf(o), o.note ?? undefined, own),
        ...timing(wallOf(o.start), wallOf(o.end), allDay),
      }
      if (allDay) render(data, [dateProperty('RECURRENCE-ID', [wallOf(o.originalStart)], true)])
      else render({ ...data, recurrenceId: wallOf(o.originalStart) })
    }
  }
  return { text: out.join(''), timed: !allDay }
}

/**
 * The calendar around rendered events. Written here rather than by ical-generator, which in version 10
 * writes calendar NAME and X-WR-CAL* unescaped, has no RFC 7986 calendar DESCRIPTION, and folds slowly.
 */
export const assembleCalendar = (meta: CalendarMeta, events: RenderedEvent[]): string => {
  const name = escapeText(meta.name, false)
  const description = escapeText(meta.description, false)
  const head = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${PROD_ID.company}//${PROD_ID.product}//${PROD_ID.language}`,
    ...(meta.url ? [`URL:${meta.url}`] : []),
    ...(meta.source ? [`SOURCE;VALUE=URI:${meta.source}`] : []),
    `NAME:${name}`,
    `X-WR-CALNAME:${name}`,
    `DESCRIPTION:${description}`,
    `X-WR-CALDESC:${description}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    // RFC 5545 §3.6.5: one VTIMEZONE for each TZID used; all-day dates use none.
    ...(events.some((e) => e.timed) ? romeTimezone() : []),
  ]
  return `${head.map(foldLine).join('\r\n')}\r\n${events.map((e) => e.text).join('')}END:VCALENDAR\r\n`
}

/**
 * The iCalendar text of a feed: a pure function of its input (same input, same bytes, in any process
 * time zone). DTSTAMP and LAST-MODIFIED come from each event's updatedAt, never from the clock.
 */
export const buildCalendar = (input: CalendarInput): string =>
  assembleCalendar(
    input,
    input.events.flatMap((event) => renderEvent(event, input) ?? []),
  )
