import { randomBytes } from 'node:crypto'
import { commitTransaction, createLocalReq, initTransaction, killTransaction, type Payload } from 'payload'
import { AGE_BANDS, type AgeBand } from '../../collections/enums'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { catalogue, type Locale } from '../../shared/strings'
import type { Event, Occurrence, Registration } from '../payload-types'
import { sameNonce, verifyCancelToken } from './tokens'

type Id = number | string

export type BookInput = {
  event: Id
  /** The chosen date: the start of one of the event's occurrences (ISO string or Date). */
  start: string | Date
  adults: number
  children?: string[]
  name: string
  email: string
  phone?: string | null
  language?: Locale
}

/** Which form field a refusal is about (`form`: the booking as a whole). */
export type BookField = 'event' | 'start' | 'adults' | 'children' | 'name' | 'email' | 'phone' | 'form'
export type BookResult =
  | { ok: true; id: Id; status: 'confirmed' | 'waiting' }
  | { ok: false; field: BookField; code: BookErrorCode; arg?: string | number; message: string }

/** The Italian messages of a refused booking, each naming its field (from the catalogue, with English beside). */
export const BOOK_ERRORS = catalogue('it').registrations.errors
export type BookErrorCode = Exclude<keyof typeof BOOK_ERRORS, 'consent' | 'tooManyRequests' | 'notAForm'>
type PageErrorCode = keyof typeof BOOK_ERRORS

/** A refusal's message in a locale; `arg` fills the messages that take one (a count, an age band). */
export const bookErrorText = (locale: Locale, code: PageErrorCode, arg?: string | number): string => {
  const message = catalogue(locale).registrations.errors[code] as string | ((arg: never) => string)
  return typeof message === 'function' ? message((arg ?? '') as never) : message
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/
// Any control character (CR/LF included) would end up in a mail or a CSV row.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f]/

const refused = (field: BookField, code: BookErrorCode, arg?: string | number): BookResult => ({
  ok: false,
  field,
  code,
  ...(arg === undefined ? {} : { arg }),
  message: bookErrorText('it', code, arg),
})
const idOf = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)

export type RegistrationSettings = {
  mode: 'off' | 'required' | 'optional'
  places: number | null
  maxPerBooking: number
  closesHoursBefore: number
  ageBands: AgeBand[]
  waitingList: boolean
}

export const settingsOf = (event: Pick<Event, 'registration'>): RegistrationSettings => {
  const r = event.registration ?? {}
  return {
    mode: (r.mode as RegistrationSettings['mode']) ?? 'off',
    places: typeof r.places === 'number' && r.places > 0 ? r.places : null,
    maxPerBooking: typeof r.maxPerBooking === 'number' && r.maxPerBooking > 0 ? r.maxPerBooking : 6,
    closesHoursBefore: typeof r.closesHoursBefore === 'number' ? Math.max(0, r.closesHoursBefore) : 0,
    ageBands: (r.ageBands ?? []).filter((b): b is AgeBand => (AGE_BANDS as string[]).includes(b)),
    waitingList: r.waitingList !== false,
  }
}

/** When booking a date closes: its start, less the event's `closesHoursBefore`. */
export const closesAt = (settings: RegistrationSettings, start: Date) =>
  new Date(start.getTime() - settings.closesHoursBefore * 3_600_000)

const toInstant = (value: string | Date): Date | null => {
  const d = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(d.getTime()) ? null : d
}

const publishedEvent = async (payload: Payload, id: Id) => {
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as Event | undefined) ?? null
}

const occurrenceAt = async (payload: Payload, event: Id, start: Date) => {
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: event } }, { start: { equals: start.toISOString() } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as Occurrence | undefined) ?? null
}

/** Places taken on one date: the people of its confirmed (and attended) bookings. */
const takenOn = async (payload: Payload, event: Id, start: Date, req?: Parameters<Payload['find']>[0]['req']) => {
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { event: { equals: event } },
        { start: { equals: start.toISOString() } },
        { status: { in: ['confirmed', 'attended'] } },
      ],
    },
    select: { people: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.reduce((sum, d) => sum + ((d as Registration).people ?? 0), 0)
}

/** Places left on a date (null: the event sets no limit). */
export const placesLeft = async (payload: Payload, eventId: Id, start: string | Date): Promise<number | null> => {
  const event = await publishedEvent(payload, eventId)
  const at = toInstant(start)
  if (!event || !at) return 0
  const { places } = settingsOf(event)
  if (places == null) return null
  return Math.max(0, places - (await takenOn(payload, eventId, at)))
}

export type DateAvailability = {
  start: string
  /** open: places left; last: 3 or fewer; waiting: full with a waiting list; full; closed. */
  state: 'open' | 'last' | 'waiting' | 'full' | 'closed'
  left: number | null
}

/** What the event page shows for each coming date: places left, read from the database on every call. */
export const availability = async (
  payload: Payload,
  event: Pick<Event, 'id' | 'registration' | 'status'>,
  now = new Date(),
): Promise<DateAvailability[]> => {
  const settings = settingsOf(event)
  if (settings.mode === 'off') return []
  const { docs: dates } = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: event.id } }, { start: { greater_than: now.toISOString() } }] },
    sort: 'start',
    limit: 50,
    depth: 0,
    select: { start: true, status: true },
    overrideAccess: true,
  })
  const { docs: booked } = await payload.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { event: { equals: event.id } },
        { start: { greater_than: now.toISOString() } },
        { status: { in: ['confirmed', 'attended'] } },
      ],
    },
    select: { start: true, people: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const taken = new Map<string, number>()
  for (const b of booked as Registration[]) {
    const key = new Date(b.start).toISOString()
    taken.set(key, (taken.get(key) ?? 0) + (b.people ?? 0))
  }
  return (dates as Occurrence[]).map((o) => {
    const start = new Date(o.start)
    const key = start.toISOString()
    const left = settings.places == null ? null : Math.max(0, settings.places - (taken.get(key) ?? 0))
    const closed =
      o.status === 'cancelled' ||
      o.status === 'postponed' ||
      event.status === 'cancelled' ||
      event.status === 'postponed' ||
      closesAt(settings, start) <= now
    const state: DateAvailability['state'] = closed
      ? 'closed'
      : left == null || left > 3
        ? 'open'
        : left > 0
          ? 'last'
          : settings.waitingList
            ? 'waiting'
            : 'full'
    return { start: key, state, left }
  })
}

type Checked = {
  event: Event
  start: Date
  settings: RegistrationSettings
  row: Omit<Registration, 'id' | 'createdAt' | 'updatedAt' | 'status'>
}

/** Every check that needs no lock: the event, the date, the people, the person. */
const check = async (payload: Payload, input: BookInput, now: Date): Promise<Checked | BookResult> => {
  const eventId = typeof input.event === 'number' || /^\d+$/.test(String(input.event)) ? input.event : null
  const event = eventId == null ? null : await publishedEvent(payload, eventId)
  if (!event) return refused('event', 'noEvent')
  const settings = settingsOf(event)
  if (settings.mode === 'off') return refused('event', 'off')

  const start = toInstant(input.start)
  const occurrence = start ? await occurrenceAt(payload, event.id, start) : null
  if (!start || !occurrence) return refused('start', 'unknownDate')
  if (
    occurrence.status === 'cancelled' ||
    occurrence.status === 'postponed' ||
    event.status === 'cancelled' ||
    event.status === 'postponed'
  )
    return refused('start', 'cancelledDate')
  if (closesAt(settings, start) <= now) return refused('start', 'closed')

  const adults = Number(input.adults)
  if (!Number.isInteger(adults) || adults < 1) return refused('adults', 'adults')
  const children = input.children ?? []
  if (!Array.isArray(children)) return refused('children', 'band', '')
  if (children.length > 0 && settings.ageBands.length === 0) return refused('children', 'noChildren')
  const badBand = children.find((b) => !(settings.ageBands as string[]).includes(b))
  if (badBand !== undefined) return refused('children', 'band', String(badBand))
  const people = adults + children.length
  if (people > settings.maxPerBooking) return refused('adults', 'tooMany', settings.maxPerBooking)

  const rawName = typeof input.name === 'string' ? input.name : ''
  if (CONTROL.test(rawName)) return refused('name', 'nameControl')
  const name = rawName.trim().replace(/ {2,}/g, ' ')
  if (!name) return refused('name', 'name')
  if (name.length > 100) return refused('name', 'nameLong')
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : ''
  if (email.length > 254 || CONTROL.test(email) || !EMAIL.test(email)) return refused('email', 'email')
  const phone = typeof input.phone === 'string' ? input.phone.trim() : ''
  if (phone && (phone.length > 30 || !/^[\d\s+\-()/.]+$/.test(phone))) return refused('phone', 'phone')

  return {
    event,
    start,
    settings,
    row: {
      event: event.id,
      start: start.toISOString(),
      people,
      adults,
      children: children.map((band) => ({ band: band as AgeBand })),
      name,
      email,
      phone: phone || null,
      language: input.language === 'en' ? 'en' : 'it',
      system: idOf(event.system) as number,
      library: idOf(event.library) as number | null,
      tokenNonce: randomBytes(12).toString('base64url'),
    },
  }
}

/**
 * Books places on one date of an event. Input is checked first; then the count of places taken and the insert
 * run in one write transaction. On SQLite that is `BEGIN IMMEDIATE` (cms/sqlite-client.ts), which serialises
 * writers of every process, so two bookings can never both see the last place free. When the date is full the
 * booking joins the waiting list (if the event keeps one) or is refused. The confirmation mail is queued in
 * the same transaction and sent by the mail queue, never here.
 */
export const book = async (payload: Payload, input: BookInput, now = new Date()): Promise<BookResult> => {
  const checked = await check(payload, input, now)
  if ('ok' in checked) return checked
  const { event, start, settings, row } = checked

  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    let status: 'confirmed' | 'waiting' = 'confirmed'
    if (settings.places != null) {
      const taken = await takenOn(payload, event.id, start, req)
      if (taken + (row.people ?? 0) > settings.places) {
        if (!settings.waitingList) {
          await killTransaction(req)
          return refused('start', 'full')
        }
        status = 'waiting'
      }
    }
    const doc = await payload.create({
      collection: SLUGS.registrations,
      data: { ...row, status },
      overrideAccess: true,
      depth: 0,
      req,
    })
    await payload.jobs.queue({
      task: TASKS.sendRegistrationMail,
      input: { registrationId: String(doc.id), kind: 'confirmation' },
      queue: QUEUES.mail,
      req,
    })
    if (shouldCommit) await commitTransaction(req)
    return { ok: true, id: doc.id, status }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

export type CancelResult =
  | { ok: true; event: Id; start: string; language: Locale }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' | 'used'; message: string }

export const CANCEL_ERRORS = catalogue('it').registrations.cancelErrors

const problem = (reason: keyof typeof CANCEL_ERRORS): CancelResult => ({
  ok: false,
  reason,
  message: CANCEL_ERRORS[reason],
})

/** The registration a cancel link names, if the link is still good (changes nothing: the GET page). */
export const checkCancelLink = async (payload: Payload, token: unknown, now = new Date()): Promise<CancelResult> => {
  const claims = verifyCancelToken(payload.secret, token, now)
  if (!claims.ok) return problem(claims.reason)
  const reg = (await payload.db.findOne({
    collection: SLUGS.registrations,
    where: { id: { equals: claims.registration } },
  })) as Registration | null
  if (!reg || reg.status === 'cancelled' || !sameNonce(reg.tokenNonce, claims.nonce)) return problem('used')
  return { ok: true, event: idOf(reg.event) as Id, start: reg.start, language: reg.language === 'en' ? 'en' : 'it' }
}

/**
 * Cancels the registration a signed link names (only the site's POST calls this). The nonce is cleared with
 * the status, in the same write, so a link cancels once; a waiting registration simply leaves the list.
 */
export const cancel = async (payload: Payload, token: unknown, now = new Date()): Promise<CancelResult> => {
  const found = await checkCancelLink(payload, token, now)
  if (!found.ok) return found
  const claims = verifyCancelToken(payload.secret, token, now)
  if (!claims.ok) return problem(claims.reason)
  // The nonce in the where makes the update conditional: a second concurrent cancel matches no row.
  const { docs } = await payload.update({
    collection: SLUGS.registrations,
    where: { and: [{ id: { equals: claims.registration } }, { tokenNonce: { equals: claims.nonce } }] },
    data: { status: 'cancelled', cancelledAt: now.toISOString(), tokenNonce: null },
    overrideAccess: true,
    depth: 0,
  })
  if (docs.length === 0) return problem('used')
  return found
}
