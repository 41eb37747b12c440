import type { Payload } from 'payload'
import type { AgeBand, RegistrationStatus } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { Locale } from '../../shared/strings'
import type { Event, Registration } from '../payload-types'
import { placeOf } from './mail'
import { checkOffer, OFFER_ERRORS, type OfferResult } from './offers'
import { closesAt, settingsOf } from './settings'
import { changeStatus } from './status'
import {
  MANAGE_DAYS,
  sameNonce,
  signCancelToken,
  signManageToken,
  signOfferToken,
  verifyCancelToken,
  verifyManageToken,
  verifyOfferToken,
} from './tokens'

// What the family's own pages (the booking, an offered place, "Le mie prenotazioni") read and do. Links are
// returned as tokens: the site builds the addresses in the page's language.

type Id = number | string
const DAY = 86_400_000
/** How far back "Le mie prenotazioni" lists past bookings. */
export const PAST_DAYS = 30

const idOf = (ref: unknown): Id => (typeof ref === 'object' && ref ? (ref as { id: Id }).id : (ref as Id))

/** A booking as the family sees it: never its answer, its phone or its history. */
export type FamilyBooking = {
  id: Id
  status: RegistrationStatus
  eventTitle: string
  /** The event page's slug (null: the event is no longer public). */
  eventSlug: string | null
  start: string
  place: string | null
  adults: number
  children: { band: AgeBand }[]
  people: number
  language: Locale
}

export type BookingView = FamilyBooking & {
  /** The event's age bands and limit per booking, for the form that changes the number of people. */
  ageBands: AgeBand[]
  maxPerBooking: number
  /** The number of people can still change (and the booking be cancelled): before booking closes. */
  open: boolean
  offerExpiresAt: string | null
  /** The offer's own link, while an offered place waits for an answer. */
  offerToken: string | null
  /** "Le mie prenotazioni" of the booking's address. */
  manageToken: string | null
}

export type LinkProblem = 'malformed' | 'forged' | 'expired' | 'used'

const rowOf = async (payload: Payload, id: Id) =>
  (await payload.db.findOne({ collection: SLUGS.registrations, where: { id: { equals: id } } })) as Registration | null

const eventOf = async (payload: Payload, id: Id) =>
  (await payload.findByID({
    collection: SLUGS.events,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null

const publicSlug = (event: Event | null) =>
  event && event._status === 'published' && !event.staffOnly ? (event.slug ?? null) : null

const familyBooking = (reg: Registration, event: Event | null): FamilyBooking => ({
  id: reg.id,
  status: reg.status as RegistrationStatus,
  eventTitle: event?.title ?? '',
  eventSlug: publicSlug(event),
  start: reg.start,
  place: event ? placeOf(event) : null,
  adults: reg.adults,
  children: (reg.children ?? []).map((c) => ({ band: c.band as AgeBand })),
  people: reg.people ?? reg.adults,
  language: reg.language === 'en' ? 'en' : 'it',
})

const manageTokenOf = (secret: string, email: string | null | undefined, now: Date) =>
  email ? signManageToken(secret, email, new Date(now.getTime() + MANAGE_DAYS * DAY)) : null

/** The booking a cancel link names, for its own page (changes nothing: the GET). */
export const viewBooking = async (
  payload: Payload,
  token: unknown,
  now = new Date(),
): Promise<{ ok: true; booking: BookingView } | { ok: false; reason: LinkProblem }> => {
  const claims = verifyCancelToken(payload.secret, token, now)
  if (!claims.ok) return claims
  const reg = await rowOf(payload, claims.registration)
  if (!reg || reg.purgedAt || reg.status === 'cancelled' || !sameNonce(reg.tokenNonce, claims.nonce))
    return { ok: false, reason: 'used' }
  const event = await eventOf(payload, idOf(reg.event))
  const settings = event ? settingsOf(event) : null
  const offered = reg.status === 'offered' && !!reg.offerExpiresAt && new Date(reg.offerExpiresAt) > now
  return {
    ok: true,
    booking: {
      ...familyBooking(reg, event),
      ageBands: settings?.ageBands ?? [],
      maxPerBooking: settings?.maxPerBooking ?? reg.people ?? 1,
      open:
        !!settings &&
        reg.status !== 'attended' &&
        event?._status === 'published' &&
        closesAt(settings, new Date(reg.start)) > now,
      offerExpiresAt: offered ? (reg.offerExpiresAt ?? null) : null,
      offerToken: offered
        ? signOfferToken(payload.secret, reg.id, reg.tokenNonce ?? '', new Date(reg.offerExpiresAt as string))
        : null,
      manageToken: manageTokenOf(payload.secret, reg.email, now),
    },
  }
}

export type CancelBookingResult = { ok: true; manageToken: string | null } | { ok: false; reason: LinkProblem }

/**
 * Cancels the booking a cancel link names (the booking page's POST): the nonce is cleared with the status in one
 * conditional write, so the link cancels once, and the cancellation mail (with the `.ics` that marks the date
 * cancelled) is queued in the same transaction. The places go back to the waiting list.
 */
export const cancelBooking = async (
  payload: Payload,
  token: unknown,
  now = new Date(),
): Promise<CancelBookingResult> => {
  const claims = verifyCancelToken(payload.secret, token, now)
  if (!claims.ok) return claims
  const reg = await rowOf(payload, claims.registration)
  if (!reg || reg.status === 'cancelled' || !sameNonce(reg.tokenNonce, claims.nonce))
    return { ok: false, reason: 'used' }
  const changed = await changeStatus(payload, reg.id, 'cancelled', {
    now,
    expect: { tokenNonce: claims.nonce },
    data: { tokenNonce: null },
    mail: reg.email ? 'cancelled' : undefined,
  })
  if (!changed.ok) return { ok: false, reason: 'used' }
  return { ok: true, manageToken: manageTokenOf(payload.secret, reg.email, now) }
}

export type OfferView = FamilyBooking & { offerExpiresAt: string }

/**
 * The offer an offer link names, for its page (changes nothing). When it can no longer be accepted, the reason;
 * an offer already accepted also gives the booking's own link.
 */
export const viewOffer = async (
  payload: Payload,
  token: unknown,
  now = new Date(),
): Promise<
  | { ok: true; offer: OfferView }
  | { ok: false; reason: Exclude<OfferResult, { ok: true }>['reason']; bookingToken: string | null }
> => {
  const found = await checkOffer(payload, token, now)
  if (!found.ok) {
    const claims = verifyOfferToken(payload.secret, token, now)
    const reg = found.reason === 'accepted' && claims.ok ? await rowOf(payload, claims.registration) : null
    const bookingToken = reg?.tokenNonce
      ? signCancelToken(payload.secret, reg.id, reg.tokenNonce, new Date(reg.start))
      : null
    return { ok: false, reason: found.reason, bookingToken }
  }
  const reg = found.registration
  const event = await eventOf(payload, idOf(reg.event))
  return {
    ok: true,
    offer: { ...familyBooking(reg, event), offerExpiresAt: reg.offerExpiresAt ?? reg.start },
  }
}

/**
 * Declines an offered place (the offer page's second button): the booking leaves the list and the place passes
 * to the next party at once instead of when the offer expires.
 */
export const declineOffer = async (payload: Payload, token: unknown, now = new Date()): Promise<OfferResult> => {
  const found = await checkOffer(payload, token, now)
  if (!found.ok) return found
  // The nonce stays: the offer link then says the place passed on, rather than that the link is broken.
  const result = await changeStatus(payload, found.registration.id, 'cancelled', {
    now,
    from: ['offered'],
    expect: { tokenNonce: found.registration.tokenNonce ?? '' },
  })
  if (result.ok) return { ok: true, registration: result.registration }
  const again = await checkOffer(payload, token, now)
  return again.ok ? { ok: false, reason: 'expired', message: OFFER_ERRORS.expired } : again
}

export type MyBooking = FamilyBooking & {
  /** The booking's own page (its cancel token), while it can still be changed or cancelled. */
  token: string | null
}

export type MyBookings =
  | { ok: true; email: string; upcoming: MyBooking[]; past: MyBooking[] }
  | { ok: false; reason: Exclude<LinkProblem, 'used'> }

/**
 * "Le mie prenotazioni": the bookings of the address a manage link names (matched exactly, lower-case), coming
 * ones first (soonest first), then those of the last 30 days (latest first). Purged bookings have no address
 * left, so they are never listed. Each coming booking that can still change carries its own signed link.
 */
export const listBookings = async (payload: Payload, token: unknown, now = new Date()): Promise<MyBookings> => {
  const claims = verifyManageToken(payload.secret, token, now)
  if (!claims.ok) return { ok: false, reason: claims.reason }
  const email = claims.email.trim().toLowerCase()
  const { docs } = await payload.db.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { email: { equals: email } },
        { purgedAt: { exists: false } },
        { start: { greater_than_equal: new Date(now.getTime() - PAST_DAYS * DAY).toISOString() } },
      ],
    },
    sort: 'start',
    limit: 200,
    pagination: false,
  })
  // Exactly this address, even where the database compares text without regard to case.
  const rows = (docs as Registration[]).filter((r) => r.email === email)
  const eventIds = [...new Set(rows.map((r) => idOf(r.event)))]
  const { docs: events } = eventIds.length
    ? await payload.find({
        collection: SLUGS.events,
        where: { id: { in: eventIds } },
        depth: 1,
        pagination: false,
        overrideAccess: true,
      })
    : { docs: [] }
  const byId = new Map((events as Event[]).map((e) => [String(e.id), e]))
  const items = rows.map(
    (r): MyBooking => ({
      ...familyBooking(r, byId.get(String(idOf(r.event))) ?? null),
      token:
        r.tokenNonce && r.status !== 'cancelled' && new Date(r.start) > now
          ? signCancelToken(payload.secret, r.id, r.tokenNonce, new Date(r.start))
          : null,
    }),
  )
  return {
    ok: true,
    email,
    upcoming: items.filter((b) => new Date(b.start) > now),
    past: items.filter((b) => new Date(b.start) <= now).reverse(),
  }
}
