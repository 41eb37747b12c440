import { randomBytes } from 'node:crypto'
import type { Payload, PayloadRequest } from 'payload'
import { type AgeBand, HOLDS_PLACE, type RegistrationSource, type RegistrationStatus } from '../../collections/enums'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { catalogue, type Locale } from '../../shared/strings'
import type { Event, Occurrence, Registration } from '../payload-types'
import { inTransaction, releasing, sumHeld, withPlaces } from './places'
import {
  capacityOf,
  closesAt,
  dateClosed,
  occurrenceAt,
  opensAt,
  publishedEvent,
  queuePromotion,
  type RegistrationSettings,
  settingsOf,
  waitingOn,
} from './settings'
import { changeStatus } from './status'
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
  /** The answer to the event's optional question (sensitive: deleted with the booking). */
  answer?: string | null
  language?: Locale
}

/** Who books: the public site (default), or staff at the desk, by phone, or for themselves (staff-only events). */
export type BookOptions = { source?: RegistrationSource }

/** Which form field a refusal is about (`form`: the booking as a whole). */
export type BookField = 'event' | 'start' | 'adults' | 'children' | 'name' | 'email' | 'phone' | 'answer' | 'form'
export type BookResult =
  | { ok: true; id: Id; status: 'confirmed' | 'waiting' }
  | { ok: false; field: BookField; code: BookErrorCode; arg?: string | number; message: string }

/** The Italian messages of a refused booking, each naming its field (from the catalogue, with English beside). */
export const BOOK_ERRORS = catalogue('it').registrations.errors
export type BookErrorCode = Exclude<keyof typeof BOOK_ERRORS, 'consent' | 'tooManyRequests' | 'notAForm'>

const romeDate = (d: Date, locale: Locale = 'it') =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'Europe/Rome',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
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

const toInstant = (value: string | Date): Date | null => {
  const d = value instanceof Date ? value : new Date(String(value))
  return Number.isNaN(d.getTime()) ? null : d
}

/** Places left on a date (null: the date sets no limit). */
export const placesLeft = async (payload: Payload, eventId: Id, start: string | Date): Promise<number | null> => {
  const event = await publishedEvent(payload, eventId)
  const at = toInstant(start)
  if (!event || !at) return 0
  const capacity = capacityOf(settingsOf(event), await occurrenceAt(payload, eventId, at))
  if (capacity == null) return null
  return Math.max(0, capacity - (await sumHeld(payload, { event: eventId, start: at })))
}

export type DateAvailability = {
  start: string
  /** open: places left; last: 3 or fewer; waiting: full with a waiting list; full; closed; soon: not open yet. */
  state: 'open' | 'last' | 'waiting' | 'full' | 'closed' | 'soon'
  left: number | null
  /** When booking opens (state `soon`). */
  opensAt?: string
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
    select: { start: true, status: true, places: true, noRegistration: true },
    overrideAccess: true,
  })
  const { docs: booked } = await payload.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { event: { equals: event.id } },
        { start: { greater_than: now.toISOString() } },
        { status: { in: HOLDS_PLACE } },
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
  // A date of the series that takes no registrations is not listed (it is open to everyone).
  return (dates as Occurrence[])
    .filter((o) => !o.noRegistration)
    .map((o) => {
      const start = new Date(o.start)
      const key = start.toISOString()
      const capacity = capacityOf(settings, o)
      const left = capacity == null ? null : Math.max(0, capacity - (taken.get(key) ?? 0))
      const opens = opensAt(settings, start)
      if (!dateClosed(event, o) && closesAt(settings, start) > now && opens && opens > now)
        return { start: key, state: 'soon', left, opensAt: opens.toISOString() }
      const closed = dateClosed(event, o) || closesAt(settings, start) <= now
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
  capacity: number | null
  row: Omit<Registration, 'id' | 'createdAt' | 'updatedAt' | 'status'>
}

type Party = { adults: number; children: AgeBand[]; people: number }

/** Adults (at least one) and children's age bands (only the event's), within the limit per booking. */
const checkParty = (settings: RegistrationSettings, rawAdults: unknown, rawChildren: unknown): Party | BookResult => {
  const adults = Number(rawAdults)
  if (!Number.isInteger(adults) || adults < 1) return refused('adults', 'adults')
  const children = rawChildren ?? []
  if (!Array.isArray(children)) return refused('children', 'band', '')
  if (children.length > 0 && settings.ageBands.length === 0) return refused('children', 'noChildren')
  const badBand = children.find((b) => !(settings.ageBands as string[]).includes(b))
  if (badBand !== undefined) return refused('children', 'band', String(badBand))
  const people = adults + children.length
  if (people > settings.maxPerBooking) return refused('adults', 'tooMany', settings.maxPerBooking)
  return { adults, children: children as AgeBand[], people }
}

/** Every check that needs no lock: the event, the date, the people, the person. */
const check = async (
  payload: Payload,
  input: BookInput,
  now: Date,
  source: RegistrationSource,
): Promise<Checked | BookResult> => {
  const staff = source !== 'web'
  const eventId = typeof input.event === 'number' || /^\d+$/.test(String(input.event)) ? input.event : null
  const event = eventId == null ? null : await publishedEvent(payload, eventId)
  // A staff-only event does not exist for the public site.
  if (!event || (event.staffOnly && source === 'web')) return refused('event', 'noEvent')
  const settings = settingsOf(event)
  if (settings.mode === 'off') return refused('event', 'off')

  const start = toInstant(input.start)
  const occurrence = start ? await occurrenceAt(payload, event.id, start) : null
  if (!start || !occurrence) return refused('start', 'unknownDate')
  if (occurrence.noRegistration) return refused('start', 'dateOff')
  if (dateClosed(event, occurrence)) return refused('start', 'cancelledDate')
  // Staff at the desk may add someone after online booking closed, never after the date ended.
  if (staff ? new Date(occurrence.end ?? start) <= now : closesAt(settings, start) <= now)
    return refused('start', 'closed')
  const opens = opensAt(settings, start)
  if (!staff && opens && opens > now) return refused('start', 'notOpen', romeDate(opens, input.language))

  const party = checkParty(settings, input.adults, input.children)
  if ('ok' in party) return party
  const { adults, children, people } = party

  const rawName = typeof input.name === 'string' ? input.name : ''
  if (CONTROL.test(rawName)) return refused('name', 'nameControl')
  const name = rawName.trim().replace(/ {2,}/g, ' ')
  if (!name) return refused('name', 'name')
  if (name.length > 100) return refused('name', 'nameLong')
  const email = typeof input.email === 'string' ? input.email.trim().toLowerCase() : ''
  // The desk and the phone may book someone without an email (they are reached by phone instead).
  if ((email || !staff) && (email.length > 254 || CONTROL.test(email) || !EMAIL.test(email)))
    return refused('email', 'email')
  const phone = typeof input.phone === 'string' ? input.phone.trim() : ''
  if (phone && (phone.length > 30 || !/^[\d\s+\-()/.]+$/.test(phone))) return refused('phone', 'phone')
  if (!email && !phone) return refused('email', 'contact')
  const answer = settings.question && typeof input.answer === 'string' ? input.answer.trim() : ''
  if (answer.length > 500) return refused('answer', 'answerLong')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: line breaks are allowed in the answer, nothing else.
  if (/[\u0000-\u0009\u000b-\u001f\u007f]/.test(answer)) return refused('answer', 'answerControl')

  return {
    event,
    start,
    settings,
    capacity: capacityOf(settings, occurrence),
    row: {
      event: event.id,
      start: start.toISOString(),
      people,
      adults,
      children: children.map((band) => ({ band: band as AgeBand })),
      name,
      email: email || null,
      phone: phone || null,
      answer: answer || null,
      source,
      language: input.language === 'en' ? 'en' : 'it',
      system: idOf(event.system) as number,
      library: idOf(event.library) as number | null,
      tokenNonce: randomBytes(12).toString('base64url'),
    },
  }
}

/**
 * Books places on one date of an event. Input is checked first; then the places are taken and the row is
 * inserted so that two bookings can never both get the last place (cms/registrations/places.ts: one write
 * transaction on SQLite, an atomic conditional counter elsewhere). When the date is full the booking joins the
 * waiting list (if the event keeps one) or is refused. Someone already waiting who fits the free places comes
 * first: a newcomer then joins the list, and the list is offered the places. The confirmation mail is queued
 * with the booking and sent by the mail queue, never here.
 */
export const book = async (
  payload: Payload,
  input: BookInput,
  now = new Date(),
  options: BookOptions = {},
): Promise<BookResult> => {
  const checked = await check(payload, input, now, options.source ?? 'web')
  if ('ok' in checked) return checked
  const { event, start, settings, capacity, row } = checked
  const key = { event: event.id, start }
  const people = row.people ?? 0

  const insert = (status: 'confirmed' | 'waiting', promote: boolean) => async (req: PayloadRequest) => {
    const doc = await payload.create({
      collection: SLUGS.registrations,
      data: { ...row, status },
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (row.email)
      await payload.jobs.queue({
        task: TASKS.sendRegistrationMail,
        input: { registrationId: String(doc.id), kind: 'confirmation' },
        queue: QUEUES.mail,
        req,
      })
    if (promote) await queuePromotion(payload, key, req)
    return doc.id as Id
  }

  // A party already waiting that fits the free places comes first (the job offers them the places).
  const queue = settings.waitingList && capacity != null ? await waitingOn(payload, key) : []
  const free = queue.length ? (capacity ?? 0) - (await sumHeld(payload, key)) : 0
  if (!queue.some((w) => (w.people ?? 0) <= free)) {
    const held = await withPlaces(payload, key, people, capacity, insert('confirmed', false))
    if (held.ok) return { ok: true, id: held.value, status: 'confirmed' }
    if (!settings.waitingList) return refused('start', 'full')
  }
  // Full, or someone who fits was waiting first: the list; the job offers what is free to whoever fits first.
  const id = await inTransaction(payload, insert('waiting', free > 0))
  return { ok: true, id, status: 'waiting' }
}

export const CANCEL_ERRORS = catalogue('it').registrations.cancelErrors

export type CancelResult =
  | { ok: true; event: Id; start: string; language: Locale }
  | { ok: false; reason: keyof typeof CANCEL_ERRORS; message: string }

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
  // The nonce in the condition makes the change single-use: a second concurrent cancel matches no row.
  const changed = await changeStatus(payload, claims.registration, 'cancelled', {
    now,
    expect: { tokenNonce: claims.nonce },
    data: { tokenNonce: null },
  })
  if (!changed.ok) return problem('used')
  return found
}

export type ChangeResult =
  | { ok: true; people: number }
  | { ok: false; field: BookField; code: BookErrorCode | 'used' | 'full'; arg?: string | number; message: string }

/**
 * Changes the number of people of a booking through its signed link (the same link as cancelling, which it does
 * not use up). More people take the extra places first (refused when they are not there); fewer give them back
 * and the waiting list is offered them. The family gets an updated confirmation.
 */
export const changePeople = async (
  payload: Payload,
  token: unknown,
  party: { adults: unknown; children?: unknown },
  now = new Date(),
): Promise<ChangeResult> => {
  const found = await checkCancelLink(payload, token, now)
  if (!found.ok) return { ok: false, field: 'form', code: 'used', message: found.message }
  const claims = verifyCancelToken(payload.secret, token, now)
  if (!claims.ok) return { ok: false, field: 'form', code: 'used', message: CANCEL_ERRORS[claims.reason] }
  const reg = (await payload.db.findOne({
    collection: SLUGS.registrations,
    where: { id: { equals: claims.registration } },
  })) as Registration | null
  const event = reg ? await publishedEvent(payload, idOf(reg.event) as Id) : null
  if (!reg || reg.status === 'cancelled' || reg.status === 'attended')
    return { ok: false, field: 'form', code: 'used', message: CANCEL_ERRORS.used }
  if (!event) return { ok: false, field: 'form', code: 'used', message: CANCEL_ERRORS.unavailable }
  const settings = settingsOf(event)
  const start = new Date(reg.start)
  if (closesAt(settings, start) <= now) return refused('start', 'closed') as ChangeResult
  const checked = checkParty(settings, party.adults, party.children)
  if ('ok' in checked) return checked as ChangeResult
  const key = { event: event.id, start }
  const delta = checked.people - (reg.people ?? 0)
  const sameBands = (reg.children ?? []).map((c) => c.band).join() === checked.children.join()
  if (delta === 0 && reg.adults === checked.adults && sameBands) return { ok: true, people: checked.people }
  const holds = HOLDS_PLACE.includes(reg.status as RegistrationStatus)
  const write = async (req: PayloadRequest) => {
    const { docs } = await payload.update({
      collection: SLUGS.registrations,
      where: {
        and: [{ id: { equals: reg.id } }, { status: { equals: reg.status } }, { tokenNonce: { equals: claims.nonce } }],
      },
      data: { adults: checked.adults, children: checked.children.map((band) => ({ band })), people: checked.people },
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (docs.length === 0) throw new Error('registration changed meanwhile')
    if (reg.email)
      await payload.jobs.queue({
        task: TASKS.sendRegistrationMail,
        input: { registrationId: String(reg.id), kind: 'updated' },
        queue: QUEUES.mail,
        req,
      })
    if (holds && delta < 0 && settings.waitingList) await queuePromotion(payload, key, req)
  }
  if (holds && delta > 0) {
    const capacity = capacityOf(settings, await occurrenceAt(payload, event.id, start))
    const held = await withPlaces(payload, key, delta, capacity, write)
    if (!held.ok) return refused('start', 'full') as ChangeResult
  } else await releasing(payload, key, holds && delta < 0 ? -delta : 0, write)
  return { ok: true, people: checked.people }
}
