import type { Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import type { RegistrationStatus } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Event, Registration } from '../payload-types'
import { refreshCheckedIn } from './attendance'
import { type BandCounts, bandsOf } from './desk'
import { type DeskScope, keyOf, type Refusal, refuse, scoped, statusRefusal } from './scope'
import { changeStatus } from './status'
import { sameNonce, verifyCheckInToken } from './tokens'

type Id = number | string

/** What the check-in page shows of the booking a QR code names. */
export type CheckInBooking = {
  id: Id
  name: string
  adults: number
  bands: BandCounts
  people: number
  status: RegistrationStatus
  checkedInAt: string | null
  event: { id: Id; title: string }
  start: string
}

export type CheckInLookup = { ok: true; booking: CheckInBooking; nonce: string } | Refusal

/**
 * The booking a check-in code names, if the code is good and the caller may see the booking (changes nothing:
 * the page the phone opens). A forged or malformed code, one of a cancelled-by-link or purged booking, and an
 * expired one (a day after the date) are refused; a booking of another system (or library) is 403.
 */
export const checkInLookup = async (
  payload: Payload,
  scope: DeskScope,
  token: unknown,
  now = new Date(),
): Promise<CheckInLookup> => {
  const claims = verifyCheckInToken(payload.secret, token, now)
  if (!claims.ok) return claims.reason === 'expired' ? refuse(410, 'tokenExpired') : refuse(400, 'token')
  const reg = (await payload.db.findOne({
    collection: SLUGS.registrations,
    where: { id: { equals: claims.registration } },
  })) as Registration | null
  if (!reg || reg.purgedAt || !sameNonce(reg.tokenNonce, claims.nonce)) return refuse(410, 'tokenUsed')
  const mine = await payload.count({
    collection: SLUGS.registrations,
    where: scoped({ id: { equals: reg.id } } as Where, scope),
    overrideAccess: true,
  })
  if (!mine.totalDocs) return refuse(403, 'forbidden')
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: refId(reg.event) as Id,
    depth: 0,
    select: { title: true },
    overrideAccess: true,
    disableErrors: true,
  })) as Pick<Event, 'id' | 'title'> | null
  return {
    ok: true,
    nonce: claims.nonce,
    booking: {
      id: reg.id,
      name: reg.name ?? '',
      adults: reg.adults ?? 0,
      bands: bandsOf(reg.children),
      people: reg.people ?? 0,
      status: reg.status as RegistrationStatus,
      checkedInAt: reg.checkedInAt ?? null,
      event: { id: refId(reg.event) as Id, title: event?.title ?? '' },
      start: new Date(reg.start).toISOString(),
    },
  }
}

export type CheckInResult = { ok: true; already: boolean; booking: CheckInBooking } | Refusal

/**
 * Records the arrival of the booking a check-in code names (the page's POST): a confirmed booking becomes
 * arrived, once; an arrived one says so; a booking without a confirmed place (waiting list, offered,
 * cancelled) is refused with its reason. The date's attendance row follows.
 */
export const checkIn = async (
  payload: Payload,
  scope: DeskScope,
  token: unknown,
  now = new Date(),
): Promise<CheckInResult> => {
  const found = await checkInLookup(payload, scope, token, now)
  if (!found.ok) return found
  const { booking } = found
  if (booking.status === 'attended') return { ok: true, already: true, booking }
  if (booking.status === 'cancelled') return refuse(409, 'cancelledBooking')
  if (booking.status !== 'confirmed') {
    const label = catalogue('it').registrations.statuses[booking.status] ?? booking.status
    // The notice keeps the status itself, so the page names it in the admin's language.
    return {
      ...refuse(409, 'notConfirmed', { args: [label] }),
      notice: { kind: 'desk', code: 'notConfirmed', args: [booking.status] },
    }
  }
  const changed = await changeStatus(payload, booking.id, 'attended', {
    now,
    from: ['confirmed'],
    expect: { tokenNonce: found.nonce },
  })
  if (!changed.ok) return statusRefusal(409, changed.code === 'notFound' ? 'notFound' : 'changed')
  await refreshCheckedIn(payload, keyOf(changed.registration))
  return {
    ok: true,
    already: false,
    booking: { ...booking, status: 'attended', checkedInAt: changed.registration.checkedInAt ?? now.toISOString() },
  }
}
