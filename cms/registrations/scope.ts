import type { Payload, PayloadRequest, Where } from 'payload'
import { refId, type Staff, staffOf } from '../../collections/access/roles'
import { registrationRows } from '../../collections/Registrations'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Event, Occurrence, Registration } from '../payload-types'
import { capacityOf, occurrenceAt, type RegistrationSettings, settingsOf } from './settings'
import { STATUS_ERRORS } from './status'

type Id = number | string

export const DESK_ERRORS = catalogue('it').bookingDesk.errors
export type DeskErrorCode = keyof typeof DESK_ERRORS

/**
 * What a desk answer says, as a key of the strings catalogue and its arguments, so that the admin page the
 * browser is sent back to can show it in the admin's language: the desk's own refusals (`desk`), a refused
 * booking (`book`, `registrations.errors`), a refused status change (`status`), or what was done (`done`).
 */
export type DeskNotice = { kind: 'desk' | 'book' | 'status' | 'done'; code: string; args?: (string | number)[] }

/** A request the desk refuses: the HTTP status, the Italian message, the notice behind it. Nothing was written. */
export type Refusal = {
  ok: false
  status: 400 | 401 | 403 | 404 | 409 | 410
  message: string
  notice: DeskNotice
  field?: string
}

const deskText = (code: DeskErrorCode, args: (string | number)[]) => {
  const message = DESK_ERRORS[code] as string | ((...a: never[]) => string)
  return typeof message === 'function' ? message(...(args as never[])) : message
}

export const refuse = (
  status: Refusal['status'],
  code: DeskErrorCode,
  options: { field?: string; args?: (string | number)[] } = {},
): Refusal => ({
  ok: false,
  status,
  message: deskText(code, options.args ?? []),
  notice: { kind: 'desk', code, ...(options.args ? { args: options.args } : {}) },
  ...(options.field ? { field: options.field } : {}),
})

/**
 * Whose bookings a request may see and act on: exactly the rule of the `registrations` collection
 * (`registrationRows`): network admins all, a system editor their system's, a library contributor their
 * library's, anybody else none. `where` is null for everything, else the condition on `system`/`library`
 * that events, occurrences, registrations, attendance and exports all carry.
 */
export type DeskScope = { user: Staff; where: Where | null }

export const deskScope = async (req: PayloadRequest): Promise<{ ok: true; scope: DeskScope } | Refusal> => {
  const user = staffOf(req)
  const rule = await registrationRows({ req })
  if (!user) return refuse(401, 'login')
  if (rule === false) return refuse(403, 'forbidden')
  return { ok: true, scope: { user, where: rule === true ? null : (rule as Where) } }
}

export const scoped = (where: Where, scope: DeskScope): Where => (scope.where ? { and: [where, scope.where] } : where)

/** A document id as the adapter stores them (numbers on SQLite, ObjectId strings on MongoDB); null if it is not one. */
export const parseId = (payload: Payload, raw: unknown): Id | null => {
  const value = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : ''
  if (payload.db.defaultIDType === 'number') return /^[1-9]\d{0,14}$/.test(value) ? Number(value) : null
  return /^[a-f\d]{24}$/i.test(value) ? value : null
}

const parseStart = (raw: unknown): Date | null => {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw
  if (typeof raw !== 'string' || raw.length > 40 || !/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(raw.trim())) return null
  const d = new Date(raw.trim())
  return Number.isNaN(d.getTime()) ? null : d
}

type EventPart = Pick<
  Event,
  'id' | 'title' | 'slug' | 'registration' | 'system' | 'library' | 'venue' | 'placeNotes' | 'status'
>

/** One date of one event the desk acts on, once the caller's right to it is checked. */
export type DeskDate = {
  event: EventPart
  start: Date
  occurrence: Occurrence | null
  settings: RegistrationSettings
  capacity: number | null
}

/**
 * The event and date a desk request names, if the caller may see its bookings: 404 when there is no such
 * event or date, 403 when it belongs to another system (or library). A date that no longer exists in the
 * event still opens when it has bookings (they must stay reachable).
 */
export const deskDate = async (
  payload: Payload,
  scope: DeskScope,
  rawEvent: unknown,
  rawStart: unknown,
): Promise<{ ok: true; date: DeskDate } | Refusal> => {
  const id = parseId(payload, rawEvent)
  const start = parseStart(rawStart)
  if (id == null) return refuse(404, 'noEvent', { field: 'event' })
  if (!start) return refuse(400, 'badDate', { field: 'start' })
  const find = (where: Where) =>
    payload.find({
      collection: SLUGS.events,
      where,
      depth: 1,
      limit: 1,
      overrideAccess: true,
      select: {
        title: true,
        slug: true,
        registration: true,
        system: true,
        library: true,
        venue: true,
        placeNotes: true,
        status: true,
      },
    })
  const byId: Where = { id: { equals: id } }
  const { docs } = await find(scoped(byId, scope))
  const event = docs[0] as EventPart | undefined
  if (!event) {
    if (scope.where && (await payload.count({ collection: SLUGS.events, where: byId, overrideAccess: true })).totalDocs)
      return refuse(403, 'forbidden')
    return refuse(404, 'noEvent', { field: 'event' })
  }
  const occurrence = await occurrenceAt(payload, event.id, start)
  if (!occurrence) {
    const booked = await payload.count({
      collection: SLUGS.registrations,
      where: { and: [{ event: { equals: event.id } }, { start: { equals: start.toISOString() } }] },
      overrideAccess: true,
    })
    if (!booked.totalDocs) return refuse(404, 'noDate', { field: 'start' })
  }
  const settings = settingsOf(event)
  return { ok: true, date: { event, start, occurrence, settings, capacity: capacityOf(settings, occurrence) } }
}

/** A booking the caller may act on: 404 when there is none, 403 when it is another system's (or library's). */
export const deskBooking = async (
  payload: Payload,
  scope: DeskScope,
  rawId: unknown,
): Promise<{ ok: true; registration: Registration } | Refusal> => {
  const id = parseId(payload, rawId)
  if (id == null) return statusRefusal(404, 'notFound')
  const byId: Where = { id: { equals: id } }
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: scoped(byId, scope),
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const registration = docs[0] as Registration | undefined
  if (registration) return { ok: true, registration }
  if (
    scope.where &&
    (await payload.count({ collection: SLUGS.registrations, where: byId, overrideAccess: true })).totalDocs
  )
    return refuse(403, 'forbidden')
  return statusRefusal(404, 'notFound')
}

/** A refused status change (`registrations.statusErrors`); `notAllowed` names the two statuses. */
export const statusRefusal = (
  status: Refusal['status'],
  code: keyof typeof STATUS_ERRORS,
  from?: string,
  to?: string,
): Refusal => {
  const message = STATUS_ERRORS[code] as string | ((from: string, to: string) => string)
  const labels = catalogue('it').registrations.statuses as Record<string, string>
  return {
    ok: false,
    status,
    message:
      typeof message === 'function' ? message(labels[from ?? ''] ?? from ?? '', labels[to ?? ''] ?? to ?? '') : message,
    notice: { kind: 'status', code, ...(from && to ? { args: [from, to] } : {}) },
  }
}

/** A count typed in a form: '' is 0; anything but a whole number from 0 to `max` is refused (null). */
export const countOf = (raw: unknown, max = 100_000): number | null => {
  if (raw == null || raw === '') return 0
  const text = String(raw).trim()
  if (!/^\d{1,6}$/.test(text)) return null
  const n = Number(text)
  return n <= max ? n : null
}

export const keyOf = (reg: Pick<Registration, 'event' | 'start'>) => ({
  event: refId(reg.event) as Id,
  start: new Date(reg.start),
})
