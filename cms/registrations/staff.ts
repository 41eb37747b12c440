// The internal agenda of the staff (issue 14): staff-only events of the whole network, and the staff's own
// bookings on them. Staff book through the same book() as the public, as themselves, with source 'staff'.
import type { Payload, Where } from 'payload'
import type { Staff } from '../../collections/access/roles'
import { isStaff } from '../../collections/access/staff-only'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Event, Library, Occurrence, Registration, System, Venue } from '../payload-types'
import { availability, type BookInput, type BookResult, book, type DateAvailability } from './bookings'
import { settingsOf } from './settings'
import { changeStatus } from './status'

type Id = number | string

/** The logged-in user as the internal agenda needs it: roles for access, name and email to book as. */
export type StaffUser = Staff & { email: string; name?: string | null }

/** Statuses of a booking that is still on: the user is "iscritto/a" (or waiting, or offered a place). */
const ACTIVE = ['confirmed', 'waiting', 'offered'] as const
type ActiveStatus = (typeof ACTIVE)[number]

export type StaffDate = {
  /** The occurrence row's id: unique per date, used to name the row's form controls. */
  key: string
  event: { id: Id; title: string }
  start: string
  end: string
  allDay: boolean
  status: Occurrence['status']
  place: string | null
  system: string | null
  library: string | null
  /** off: no registration; otherwise the date's state as the public event page would show it. */
  state: DateAvailability['state'] | 'off'
  left: number | null
  maxPerBooking: number
  mine: { id: Id; status: ActiveStatus; people: number } | null
}

const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)
const idOf = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)
const emailOf = (user: StaffUser) =>
  String(user.email ?? '')
    .trim()
    .toLowerCase()
const iso = (value: string | Date) => new Date(value).toISOString()

/**
 * The coming dates (not yet ended) of staff-only events, in date order, with places left and the user's own
 * booking on each. Read as the user (access applies: staff read staff-only rows); nobody else gets any row.
 */
export const staffAgenda = async (
  payload: Payload,
  user: StaffUser | null,
  now = new Date(),
  limit = 200,
): Promise<StaffDate[]> => {
  if (!isStaff(user)) return []
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ staffOnly: { equals: true } }, { end: { greater_than: now.toISOString() } }] },
    sort: ['start', 'id'],
    limit,
    pagination: false,
    depth: 1,
    populate: {
      events: { title: true, registration: true, status: true },
      systems: { name: true, shortName: true },
      libraries: { name: true },
      venues: { name: true },
    },
    overrideAccess: false,
    user,
  })
  const rows = docs as Occurrence[]
  const events = new Map<string, Event>()
  for (const row of rows) {
    const event = obj<Event>(row.event)
    if (event) events.set(String(event.id), event)
  }

  const states = new Map<string, DateAvailability>()
  for (const event of events.values())
    for (const date of await availability(payload, event, now)) states.set(`${event.id}|${iso(date.start)}`, date)

  // The user's own bookings, found by the address they log in with (which is the one they book with).
  const { docs: booked } = events.size
    ? await payload.find({
        collection: SLUGS.registrations,
        where: {
          and: [
            { event: { in: [...events.keys()] } },
            { email: { equals: emailOf(user) } },
            { status: { in: [...ACTIVE] } },
          ],
        },
        select: { event: true, start: true, status: true, people: true },
        pagination: false,
        depth: 0,
        overrideAccess: true, // bound to the user's own address; other systems' bookings stay unreadable to them
      })
    : { docs: [] }
  const mine = new Map<string, StaffDate['mine']>()
  for (const r of booked as Registration[])
    mine.set(`${idOf(r.event)}|${iso(r.start)}`, {
      id: r.id,
      status: r.status as ActiveStatus,
      people: r.people ?? r.adults ?? 1,
    })

  return rows.flatMap((row) => {
    const event = obj<Event>(row.event)
    if (!event) return []
    const key = `${event.id}|${iso(row.start)}`
    const settings = settingsOf(event)
    const date = states.get(key)
    const library = obj<Library>(row.library)
    const venue = obj<Venue>(row.venue)
    const system = obj<System>(row.system)
    return [
      {
        key: String(row.id),
        event: { id: event.id, title: event.title },
        start: iso(row.start),
        end: iso(row.end),
        allDay: !!row.allDay,
        status: row.status ?? null,
        place: venue?.name ?? library?.name ?? null,
        system: system?.shortName || system?.name || null,
        library: library?.name ?? null,
        state: settings.mode === 'off' ? 'off' : (date?.state ?? 'closed'),
        left: date?.left ?? null,
        maxPerBooking: settings.maxPerBooking,
        mine: mine.get(key) ?? null,
      },
    ]
  })
}

const STAFF_ERRORS = catalogue('it').staffAgenda.errors
export type StaffErrorCode = 'forbidden' | 'notStaffOnly' | 'already' | 'notFound'
export type StaffRefusal = {
  ok: false
  field: 'event' | 'start' | 'registration' | 'form'
  code: StaffErrorCode
  message: string
}

const refusedStaff = (field: StaffRefusal['field'], code: StaffErrorCode): StaffRefusal => ({
  ok: false,
  field,
  code,
  message: STAFF_ERRORS[code],
})

export type StaffBookInput = { event: Id; start: string | Date; colleagues: number }

/** The booking of a member of staff: themselves and `colleagues` more adults, under their name and login address. */
const asBooking = (user: StaffUser, input: StaffBookInput): BookInput => ({
  event: input.event,
  start: input.start,
  adults: 1 + input.colleagues,
  children: [],
  // Without a name in their profile, their address stands for it (book() wants a name of at most 100 characters).
  name: (user.name ?? '').trim() || emailOf(user).slice(0, 100),
  email: emailOf(user),
  language: 'it',
})

/**
 * Books the user (and `colleagues` more adults) onto one date of a staff-only event, as themselves. Refused here:
 * someone who is not staff, an event that is not staff-only (the public books those on the site), a second
 * booking of the same person on the same date. Every other check is book()'s.
 */
export const bookAsStaff = async (
  payload: Payload,
  user: StaffUser | null,
  input: StaffBookInput,
  now = new Date(),
): Promise<BookResult | StaffRefusal> => {
  if (!isStaff(user)) return refusedStaff('form', 'forbidden')
  // Anything but an id is book()'s to refuse (noEvent), without a query.
  if (!/^\d{1,12}$/.test(String(input.event))) return book(payload, asBooking(user, input), now, { source: 'staff' })
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: input.event } }, { _status: { equals: 'published' } }] },
    select: { staffOnly: true },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    user,
  })
  const event = docs[0] as Pick<Event, 'id' | 'staffOnly'> | undefined
  if (event && !event.staffOnly) return refusedStaff('event', 'notStaffOnly')
  const start = new Date(input.start)
  if (event && !Number.isNaN(start.getTime())) {
    const already = await payload.count({
      collection: SLUGS.registrations,
      where: {
        and: [
          { event: { equals: event.id } },
          { start: { equals: start.toISOString() } },
          { email: { equals: emailOf(user) } },
          { status: { in: [...ACTIVE] } },
        ],
      },
      overrideAccess: true, // the user's own bookings, by their own address
    })
    if (already.totalDocs > 0) return refusedStaff('start', 'already')
  }
  return book(payload, asBooking(user, input), now, { source: 'staff' })
}

/**
 * Cancels one of the user's own bookings on a staff-only event, if its date has not started; the wing's status
 * change is conditional on the status it read, so a second cancel of the same booking finds nothing.
 */
export const cancelAsStaff = async (
  payload: Payload,
  user: StaffUser | null,
  registration: Id,
  now = new Date(),
): Promise<{ ok: true; id: Id } | StaffRefusal> => {
  if (!isStaff(user)) return refusedStaff('form', 'forbidden')
  const own: Where = {
    and: [
      { id: { equals: registration } },
      { email: { equals: emailOf(user) } },
      { status: { in: [...ACTIVE] } },
      { start: { greater_than: now.toISOString() } },
    ],
  }
  const found = await payload.find({
    collection: SLUGS.registrations,
    where: own,
    select: { event: true },
    depth: 0,
    limit: 1,
    overrideAccess: true, // the user's own booking, by their own address
  })
  const reg = found.docs[0] as Pick<Registration, 'id' | 'event'> | undefined
  if (!reg) return refusedStaff('registration', 'notFound')
  const { docs: staffOnly } = await payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: idOf(reg.event) } }, { staffOnly: { equals: true } }] },
    select: {},
    depth: 0,
    limit: 1,
    overrideAccess: true, // whether the booking belongs to the internal agenda, not what the user may read
  })
  if (staffOnly.length === 0) return refusedStaff('registration', 'notFound')
  // Through the wing's status change: the place goes back and the waiting list is offered it; once only.
  const changed = await changeStatus(payload, reg.id, 'cancelled', { now, data: { tokenNonce: null } })
  return changed.ok ? { ok: true, id: reg.id } : refusedStaff('registration', 'notFound')
}
