import type { Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import {
  type AgeBand,
  HOLDS_PLACE,
  REGISTRATION_STATUSES,
  type RegistrationSource,
  type RegistrationStatus,
} from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Attendance, Event, Library, Occurrence, Registration, Venue } from '../payload-types'
import { refreshCheckedIn } from './attendance'
import { type BookErrorCode, type BookResult, book } from './bookings'
import {
  countOf,
  type DeskScope,
  deskBooking,
  deskDate,
  keyOf,
  parseId,
  type Refusal,
  refuse,
  scoped,
  statusRefusal,
} from './scope'
import { capacityOf, type RegistrationSettings, settingsOf } from './settings'
import { changeStatus, type MailKind } from './status'

type Id = number | string

const name = (ref: unknown) => (ref && typeof ref === 'object' ? ((ref as Library | Venue).name ?? null) : null)

export type BandCounts = Partial<Record<AgeBand, number>>

/** People per status (adults and children together) and bookings per status. */
export type DateCounts = { people: Record<RegistrationStatus, number>; bookings: Record<RegistrationStatus, number> }

const emptyCounts = (): DateCounts => ({
  people: Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>,
  bookings: Object.fromEntries(REGISTRATION_STATUSES.map((s) => [s, 0])) as Record<RegistrationStatus, number>,
})

const addTo = (counts: DateCounts, reg: Pick<Registration, 'status' | 'people'>) => {
  const status = reg.status as RegistrationStatus
  if (!(status in counts.people)) return
  counts.people[status] += reg.people ?? 0
  counts.bookings[status] += 1
}

const heldOf = (counts: DateCounts) => HOLDS_PLACE.reduce((sum, s) => sum + counts.people[s], 0)
const leftOf = (capacity: number | null, counts: DateCounts) =>
  capacity == null ? null : Math.max(0, capacity - heldOf(counts))

export const bandsOf = (children: Registration['children']): BandCounts => {
  const bands: BandCounts = {}
  for (const c of children ?? []) bands[c.band as AgeBand] = (bands[c.band as AgeBand] ?? 0) + 1
  return bands
}

/** One booking as the desk shows it. */
export type DeskBooking = {
  id: Id
  status: RegistrationStatus
  source: RegistrationSource
  name: string | null
  email: string | null
  phone: string | null
  adults: number
  bands: BandCounts
  people: number
  answer: string | null
  createdAt: string
  checkedInAt: string | null
  offerExpiresAt: string | null
  /** The privacy purge emptied the personal data (counts stay). */
  purged: boolean
}

const toBooking = (r: Registration): DeskBooking => ({
  id: r.id,
  status: r.status as RegistrationStatus,
  source: (r.source ?? 'web') as RegistrationSource,
  name: r.name ?? null,
  email: r.email ?? null,
  phone: r.phone ?? null,
  adults: r.adults ?? 0,
  bands: bandsOf(r.children),
  people: r.people ?? 0,
  answer: r.answer ?? null,
  createdAt: r.createdAt,
  checkedInAt: r.checkedInAt ?? null,
  offerExpiresAt: r.offerExpiresAt ?? null,
  purged: !!r.purgedAt,
})

export type DateSheet = {
  event: { id: Id; title: string; slug: string | null; library: string | null; venue: string | null; place: string }
  start: string
  end: string | null
  /** The date's own status (cancelled, postponed…) or the event's. */
  status: string | null
  settings: RegistrationSettings
  capacity: number | null
  held: number
  left: number | null
  counts: DateCounts
  bookings: DeskBooking[]
  /** People of the bookings marked arrived, and their children by age band. */
  arrived: { people: number; bands: BandCounts }
  attendance: Attendance | null
}

/** Everything the per-date sheet (and its PDF) shows. */
export const dateSheet = async (
  payload: Payload,
  scope: DeskScope,
  rawEvent: unknown,
  rawStart: unknown,
): Promise<{ ok: true; sheet: DateSheet } | Refusal> => {
  const found = await deskDate(payload, scope, rawEvent, rawStart)
  if (!found.ok) return found
  const { event, start, occurrence, settings, capacity } = found.date
  const key: Where[] = [{ event: { equals: event.id } }, { start: { equals: start.toISOString() } }]
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: scoped({ and: key }, scope),
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const rows = docs as Registration[]
  const counts = emptyCounts()
  for (const r of rows) addTo(counts, r)
  const attended = rows.filter((r) => r.status === 'attended')
  const arrivedBands: BandCounts = {}
  for (const r of attended)
    for (const [band, n] of Object.entries(bandsOf(r.children)))
      arrivedBands[band as AgeBand] = (arrivedBands[band as AgeBand] ?? 0) + (n ?? 0)
  const attendance = (
    await payload.find({
      collection: SLUGS.attendance,
      where: scoped({ and: key }, scope),
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0] as Attendance | undefined
  const venue = name(event.venue)
  const library = name(event.library)
  return {
    ok: true,
    sheet: {
      event: {
        id: event.id,
        title: event.title,
        slug: event.slug ?? null,
        library,
        venue,
        place: [venue ?? library, event.placeNotes].filter(Boolean).join(', '),
      },
      start: start.toISOString(),
      end: occurrence?.end ?? null,
      status: occurrence?.status ?? event.status ?? null,
      settings,
      capacity,
      held: heldOf(counts),
      left: leftOf(capacity, counts),
      counts,
      bookings: rows.map(toBooking),
      arrived: { people: attended.reduce((sum, r) => sum + (r.people ?? 0), 0), bands: arrivedBands },
      attendance: attendance ?? null,
    },
  }
}

export type DeskDateRow = {
  event: Id
  title: string
  start: string
  end: string | null
  library: string | null
  status: string | null
  capacity: number | null
  left: number | null
  counts: DateCounts
}

export type DeskDatesQuery = {
  from?: Date
  to?: Date | null
  library?: Id | null
  page?: number
  /** Earliest first (default), or latest first (the past two weeks). */
  latestFirst?: boolean
}

export const DESK_PAGE_SIZE = 50
const DAY = 86_400_000

/**
 * The dates of events that take registrations, in the caller's scope, from `from` (default: 14 days ago) to
 * `to` (default: no end), first the earliest, with the counts of each date. A page holds 50 dates.
 */
export const deskDates = async (
  payload: Payload,
  scope: DeskScope,
  query: DeskDatesQuery = {},
  now = new Date(),
): Promise<{ rows: DeskDateRow[]; page: number; totalPages: number; totalDocs: number }> => {
  const from = query.from ?? new Date(now.getTime() - 14 * DAY)
  const conditions: Where[] = [
    { start: { greater_than_equal: from.toISOString() } },
    { 'event.registration.mode': { in: ['required', 'optional'] } },
    // A date of the series that takes no registrations has no sheet.
    { noRegistration: { not_equals: true } },
  ]
  if (query.to) conditions.push({ start: { less_than: query.to.toISOString() } })
  if (query.library != null) conditions.push({ library: { equals: query.library } })
  const dates = await payload.find({
    collection: SLUGS.occurrences,
    where: scoped({ and: conditions }, scope),
    sort: query.latestFirst ? '-start' : 'start',
    limit: DESK_PAGE_SIZE,
    page: Math.max(1, Math.min(10_000, Math.floor(query.page ?? 1))),
    depth: 0,
    select: { event: true, start: true, end: true, status: true, places: true, library: true },
    overrideAccess: true,
  })
  const occurrences = dates.docs as Occurrence[]
  const eventIds = [...new Set(occurrences.map((o) => refId(o.event) as Id))]
  if (!eventIds.length) return { rows: [], page: dates.page ?? 1, totalPages: dates.totalPages, totalDocs: 0 }
  const starts = occurrences.map((o) => new Date(o.start).toISOString()).sort()
  const [first, last] = [starts[0], starts.at(-1)]
  const [events, libraries, bookings] = await Promise.all([
    payload.find({
      collection: SLUGS.events,
      where: { id: { in: eventIds } },
      select: { title: true, registration: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: SLUGS.libraries,
      where: { id: { in: [...new Set(occurrences.map((o) => refId(o.library)).filter((l) => l != null))] } },
      select: { name: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: SLUGS.registrations,
      where: scoped(
        {
          and: [
            { event: { in: eventIds } },
            { start: { greater_than_equal: first } },
            { start: { less_than_equal: last } },
          ],
        },
        scope,
      ),
      select: { event: true, start: true, status: true, people: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  const eventById = new Map<Id, Pick<Event, 'id' | 'title' | 'registration'>>(
    (events.docs as Pick<Event, 'id' | 'title' | 'registration'>[]).map((e) => [e.id, e]),
  )
  const libraryById = new Map<Id, string>((libraries.docs as Pick<Library, 'id' | 'name'>[]).map((l) => [l.id, l.name]))
  const countsByDate = new Map<string, DateCounts>()
  for (const r of bookings.docs as Registration[]) {
    const k = `${refId(r.event)}|${new Date(r.start).toISOString()}`
    const counts = countsByDate.get(k) ?? emptyCounts()
    addTo(counts, r)
    countsByDate.set(k, counts)
  }
  const rows = occurrences.map((o): DeskDateRow => {
    const event = eventById.get(refId(o.event) as Id)
    const capacity = event ? capacityOf(settingsOf(event), o) : null
    const counts = countsByDate.get(`${refId(o.event)}|${new Date(o.start).toISOString()}`) ?? emptyCounts()
    return {
      event: refId(o.event) as Id,
      title: event?.title ?? '',
      start: new Date(o.start).toISOString(),
      end: o.end ?? null,
      library: libraryById.get(refId(o.library) as Id) ?? null,
      status: o.status ?? null,
      capacity,
      left: leftOf(capacity, counts),
      counts,
    }
  })
  return { rows, page: dates.page ?? 1, totalPages: dates.totalPages, totalDocs: dates.totalDocs }
}

/** The libraries the caller may filter the desk by (none for a library's contributor: they see only theirs). */
export const deskLibraries = async (payload: Payload, scope: DeskScope): Promise<{ id: Id; name: string }[]> => {
  const roles = scope.user.roles ?? []
  if (!roles.includes('network-admin') && !roles.includes('system-editor')) return []
  const where: Where | undefined = roles.includes('network-admin')
    ? undefined
    : { system: { equals: refId(scope.user.system) ?? '__none__' } }
  const { docs } = await payload.find({
    collection: SLUGS.libraries,
    where,
    select: { name: true },
    sort: 'name',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return (docs as Pick<Library, 'id' | 'name'>[]).map((l) => ({ id: l.id, name: l.name }))
}

export const DESK_SOURCES = ['desk', 'phone'] as const
export type DeskSource = (typeof DESK_SOURCES)[number]

export type DeskBookInput = {
  event: unknown
  start: unknown
  source: unknown
  name: unknown
  email?: unknown
  phone?: unknown
  adults: unknown
  /** Children per age band (a count each), as the desk's form sends them. */
  bands?: Partial<Record<string, unknown>>
  answer?: unknown
}

export type DeskBookResult = Extract<BookResult, { ok: true }> | Refusal

const BOOK_HTTP: Partial<Record<BookErrorCode, Refusal['status']>> = {
  noEvent: 404,
  unknownDate: 404,
  off: 409,
  closed: 409,
  cancelledDate: 409,
  full: 409,
}

/** A refused booking as the desk answers it (the wing's message, and its key for the admin's language). */
const bookRefusal = (result: Extract<BookResult, { ok: false }>): Refusal => ({
  ok: false,
  status: BOOK_HTTP[result.code] ?? 400,
  message: result.message,
  field: result.field,
  notice: { kind: 'book', code: result.code, ...(result.arg !== undefined ? { args: [result.arg] } : {}) },
})

/**
 * A booking made by staff at the desk or over the phone, on behalf of a person: the caller's right to the date
 * is checked first, then the wing's `book` with the staff source (after online booking closed, before it
 * opens, without an email when there is a phone), with the same places and waiting list as the public.
 */
export const deskBook = async (
  payload: Payload,
  scope: DeskScope,
  input: DeskBookInput,
  now = new Date(),
): Promise<DeskBookResult> => {
  const found = await deskDate(payload, scope, input.event, input.start)
  if (!found.ok) return found
  const source = DESK_SOURCES.find((s) => s === input.source)
  if (!source) return refuse(400, 'source', { field: 'source' })
  const children: string[] = []
  for (const [band, raw] of Object.entries(input.bands ?? {})) {
    const n = countOf(raw, 50)
    const label = catalogue('it').registrations.ageBands[band as AgeBand] ?? band.slice(0, 20)
    if (n == null) return refuse(400, 'count', { field: 'children', args: [label] })
    for (let i = 0; i < n; i++) children.push(band)
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : '')
  const result = await book(
    payload,
    {
      event: found.date.event.id,
      start: found.date.start,
      adults: typeof input.adults === 'number' ? input.adults : Number(text(input.adults).trim() || Number.NaN),
      children,
      name: text(input.name),
      email: text(input.email),
      phone: text(input.phone) || null,
      answer: text(input.answer) || null,
      language: 'it',
    },
    now,
    { source },
  )
  return result.ok ? result : bookRefusal(result)
}

export const DESK_ACTIONS = ['cancel', 'confirm', 'arrive', 'undo'] as const
export type DeskAction = (typeof DESK_ACTIONS)[number]

const ACTION: Record<DeskAction, { to: RegistrationStatus; from: RegistrationStatus[] }> = {
  cancel: { to: 'cancelled', from: ['confirmed', 'waiting', 'offered'] },
  confirm: { to: 'confirmed', from: ['waiting', 'offered'] },
  arrive: { to: 'attended', from: ['confirmed'] },
  undo: { to: 'confirmed', from: ['attended'] },
}

const STATUS_HTTP = { notFound: 404, notAllowed: 409, changed: 409, full: 409 } as const

export type DeskChangeResult =
  | { ok: true; registration: Registration; from: RegistrationStatus; action: DeskAction }
  | (Refusal & { code?: 'full' | 'changed' | 'notAllowed' | 'notFound' })

/**
 * One desk action on one booking: cancel (places back, the waiting list is offered them, the person is told
 * by mail when there is an address), confirm from the waiting list (refused when the places are not there
 * unless `force`, "oltre i posti"; the person gets the confirmation), mark arrived or undo it.
 */
export const deskChange = async (
  payload: Payload,
  scope: DeskScope,
  rawId: unknown,
  rawAction: unknown,
  options: { force?: boolean; now?: Date } = {},
): Promise<DeskChangeResult> => {
  const action = DESK_ACTIONS.find((a) => a === rawAction)
  if (!action) return refuse(400, 'badAction', { field: 'action' })
  const found = await deskBooking(payload, scope, rawId)
  if (!found.ok) return found
  const reg = found.registration
  const { to, from } = ACTION[action]
  const mail: MailKind | undefined = !reg.email
    ? undefined
    : action === 'cancel'
      ? 'cancelled'
      : action === 'confirm'
        ? 'confirmation'
        : undefined
  const result = await changeStatus(payload, reg.id, to, {
    now: options.now,
    from,
    force: action === 'confirm' && options.force === true,
    mail,
  })
  if (!result.ok) return { ...statusRefusal(STATUS_HTTP[result.code], result.code, reg.status, to), code: result.code }
  if (action === 'arrive' || action === 'undo') await refreshCheckedIn(payload, keyOf(reg))
  return { ok: true, registration: result.registration, from: result.from, action }
}

export type ArrivalsResult = { ok: true; arrived: number; undone: number; changed: number } | Refusal

/**
 * Ticking arrivals on the sheet: of the bookings listed on the form (`listed`), those ticked (`arrived`) become
 * arrived and those no longer ticked go back to confirmed; the others are left alone. A booking someone changed
 * meanwhile is counted in `changed`.
 */
export const deskArrivals = async (
  payload: Payload,
  scope: DeskScope,
  rawEvent: unknown,
  rawStart: unknown,
  ticks: { listed: unknown[]; arrived: unknown[] },
  now = new Date(),
): Promise<ArrivalsResult> => {
  const found = await deskDate(payload, scope, rawEvent, rawStart)
  if (!found.ok) return found
  const ids = (list: unknown[]) =>
    list
      .slice(0, 1000)
      .map((v) => parseId(payload, v))
      .filter((v): v is Id => v != null)
  const listed = ids(ticks.listed)
  const arrived = new Set(ids(ticks.arrived).map(String))
  if (!listed.length) return { ok: true, arrived: 0, undone: 0, changed: 0 }
  const { event, start } = found.date
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: scoped(
      {
        and: [
          { event: { equals: event.id } },
          { start: { equals: start.toISOString() } },
          { id: { in: listed } },
          { status: { in: ['confirmed', 'attended'] } },
        ],
      },
      scope,
    ),
    select: { status: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const result = { ok: true as const, arrived: 0, undone: 0, changed: 0 }
  for (const reg of docs as Pick<Registration, 'id' | 'status'>[]) {
    const ticked = arrived.has(String(reg.id))
    if (ticked === (reg.status === 'attended')) continue
    const change = await changeStatus(payload, reg.id, ticked ? 'attended' : 'confirmed', {
      now,
      from: [ticked ? 'confirmed' : 'attended'],
    })
    if (!change.ok) result.changed++
    else if (ticked) result.arrived++
    else result.undone++
  }
  if (result.arrived || result.undone) await refreshCheckedIn(payload, { event: event.id, start })
  return result
}
