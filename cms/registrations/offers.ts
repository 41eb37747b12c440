import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Registration } from '../payload-types'
import { type DateKey, reconcileCounter, sumHeld } from './places'
import { capacityOf, closesAt, dateClosed, occurrenceAt, publishedEvent, settingsOf, waitingOn } from './settings'
import { changeStatus } from './status'
import { sameNonce, verifyOfferToken } from './tokens'

type Id = number | string

/**
 * Offers the free places of a date to its waiting list: the first party (in order of booking) whose people
 * fit is offered the place and holds it for the event's `offerHours` (never past the booking's closing time),
 * then the next, until nobody fits. Returns how many offers went out (each queues its mail).
 */
export const promoteWaitingList = async (payload: Payload, key: DateKey, now = new Date()): Promise<number> => {
  await reconcileCounter(payload, key)
  const event = await publishedEvent(payload, key.event)
  if (!event) return 0
  const settings = settingsOf(event)
  if (settings.mode === 'off' || !settings.waitingList) return 0
  const occurrence = await occurrenceAt(payload, key.event, key.start)
  const closes = closesAt(settings, key.start)
  if (!occurrence || occurrence.noRegistration || dateClosed(event, occurrence) || closes <= now) return 0
  const capacity = capacityOf(settings, occurrence)
  const expires = new Date(Math.min(now.getTime() + settings.offerHours * 3_600_000, closes.getTime()))

  let offered = 0
  const passed = new Set<Id>()
  for (let turn = 0; turn < 500; turn++) {
    const free = capacity == null ? Number.POSITIVE_INFINITY : capacity - (await sumHeld(payload, key))
    if (free <= 0) break
    const next = (await waitingOn(payload, key)).find((w) => !passed.has(w.id) && (w.people ?? 0) <= free)
    if (!next) break
    const result = await changeStatus(payload, next.id, 'offered', {
      now,
      from: ['waiting'],
      data: { offerExpiresAt: expires.toISOString() },
      mail: 'offer',
    })
    if (result.ok) offered++
    // Someone acted on it meanwhile (or the place went): read the list again without it.
    else passed.add(next.id)
  }
  if (offered) payload.logger.info({ event: key.event, start: key.start, offered }, 'registrations: places offered')
  return offered
}

/**
 * Offers nobody accepted in time: the place goes back and passes to the next party (the release queues the
 * promotion). The person is told by mail. Returns how many expired.
 */
export const expireOffers = async (payload: Payload, now = new Date()): Promise<number> => {
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: { and: [{ status: { equals: 'offered' } }, { offerExpiresAt: { less_than_equal: now.toISOString() } }] },
    select: { status: true },
    limit: 500,
    depth: 0,
    overrideAccess: true,
  })
  let expired = 0
  for (const { id } of docs) {
    const result = await changeStatus(payload, id, 'cancelled', { now, from: ['offered'], mail: 'offerExpired' })
    if (result.ok) expired++
  }
  if (expired) payload.logger.info({ expired }, 'registrations: offers expired')
  return expired
}

export const OFFER_ERRORS = catalogue('it').registrations.offerErrors

export type OfferResult =
  | { ok: true; registration: Registration }
  | { ok: false; reason: keyof typeof OFFER_ERRORS; message: string }

const refusal = (reason: keyof typeof OFFER_ERRORS): OfferResult => ({
  ok: false,
  reason,
  message: OFFER_ERRORS[reason],
})

/** The offer a link names, if it can still be accepted (changes nothing: the GET page). */
export const checkOffer = async (payload: Payload, token: unknown, now = new Date()): Promise<OfferResult> => {
  const claims = verifyOfferToken(payload.secret, token, now)
  if (!claims.ok) return refusal(claims.reason === 'expired' ? 'expired' : 'invalid')
  const reg = (await payload.db.findOne({
    collection: SLUGS.registrations,
    where: { id: { equals: claims.registration } },
  })) as Registration | null
  if (!reg || !sameNonce(reg.tokenNonce, claims.nonce)) return refusal('invalid')
  if (reg.status === 'confirmed' || reg.status === 'attended') return refusal('accepted')
  if (reg.status !== 'offered') return refusal('expired')
  if (reg.offerExpiresAt && new Date(reg.offerExpiresAt) <= now) return refusal('expired')
  return { ok: true, registration: reg }
}

/** Accepts an offered place (the site's POST): the booking becomes confirmed and its confirmation is sent. */
export const acceptOffer = async (payload: Payload, token: unknown, now = new Date()): Promise<OfferResult> => {
  const found = await checkOffer(payload, token, now)
  if (!found.ok) return found
  const result = await changeStatus(payload, found.registration.id, 'confirmed', {
    now,
    from: ['offered'],
    expect: { tokenNonce: found.registration.tokenNonce ?? '' },
    mail: 'confirmation',
  })
  return result.ok ? { ok: true, registration: result.registration } : refusal('expired')
}
