import type { Payload } from 'payload'
import { AGE_BAND_LABELS, type AgeBand } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { type SendOutcome, sendMessage } from '../../emails/send'
import { cmsUrl, siteUrl } from '../../shared/env'
import { catalogue, type Locale } from '../../shared/strings'
import { STAFF_AGENDA_PATH } from '../admin-paths'
import type { Event, Library, Registration, Venue } from '../payload-types'
import type { MailKind } from './status'
import { MANAGE_DAYS, signCancelToken, signCheckInToken, signManageToken } from './tokens'

/** The cancel page of the site, in the registration's language. */
export const cancelUrl = (secret: string, reg: Pick<Registration, 'id' | 'tokenNonce' | 'start' | 'language'>) =>
  `${siteUrl()}${reg.language === 'en' ? '/en' : ''}/iscrizioni/annulla?t=${encodeURIComponent(
    signCancelToken(secret, reg.id, reg.tokenNonce ?? '', new Date(reg.start)),
  )}`

/** "Le mie prenotazioni" of an address, in a language: every registration mail carries it. */
export const manageUrl = (secret: string, email: string, language: Locale, now = new Date()) =>
  `${siteUrl()}${language === 'en' ? '/en' : ''}/iscrizioni/mie?t=${encodeURIComponent(
    signManageToken(secret, email, new Date(now.getTime() + MANAGE_DAYS * 86_400_000)),
  )}`

/** The check-in address the QR code of a confirmation encodes: an admin page, for staff of the event's system. */
export const checkInUrl = (secret: string, reg: Pick<Registration, 'id' | 'tokenNonce' | 'start'>) =>
  `${cmsUrl()}/admin/iscrizioni/arrivo?t=${encodeURIComponent(
    signCheckInToken(secret, reg.id, reg.tokenNonce ?? '', new Date(new Date(reg.start).getTime() + 86_400_000)),
  )}`

const whenOf = (start: string, language: Locale) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(start))

/** "2 adulti, 1 bambino (3–5 anni)": counts and bands, never names. */
export const peopleOf = (reg: Pick<Registration, 'adults' | 'children'>, language: Locale) => {
  const bands = catalogue(language).registrations.ageBands
  const children = (reg.children ?? []).map((c) => bands[c.band as AgeBand] ?? AGE_BAND_LABELS[c.band as AgeBand])
  const en = language === 'en'
  const adults = `${reg.adults} ${en ? (reg.adults === 1 ? 'adult' : 'adults') : reg.adults === 1 ? 'adulto' : 'adulti'}`
  if (!children.length) return adults
  const n = children.length
  const kids = `${n} ${en ? (n === 1 ? 'child' : 'children') : n === 1 ? 'bambino' : 'bambini'}`
  return `${adults}, ${kids} (${children.join(', ')})`
}

const placeOf = (event: Event) => {
  const named = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as Library | Venue).name : null)
  return [named(event.venue) ?? named(event.library), event.placeNotes].filter(Boolean).join(', ') || null
}

/**
 * The confirmation of a booking (or of its place on the waiting list). The cancel link is signed from the
 * nonce stored with the registration when the mail is built, never copied into the job.
 */
export const sendRegistrationMail = async (
  payload: Payload,
  registrationId: number | string,
  kind: MailKind = 'confirmation',
): Promise<SendOutcome | { ok: false; kind: 'skipped' }> => {
  const reg = (await payload.findByID({
    collection: SLUGS.registrations,
    id: registrationId,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })) as Registration | null
  // A purged registration has no address (and no nonce) left: nothing to send.
  if (
    !reg ||
    (kind !== 'confirmation' && kind !== 'updated') ||
    (reg.status !== 'confirmed' && reg.status !== 'waiting') ||
    !reg.tokenNonce ||
    !reg.email
  )
    return { ok: false, kind: 'skipped' }
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: typeof reg.event === 'object' ? reg.event.id : reg.event,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  if (!event) return { ok: false, kind: 'skipped' }
  const language: Locale = reg.language === 'en' ? 'en' : 'it'
  const rendered = await renderEmail('registration-confirmation', {
    language,
    name: reg.name ?? '',
    status: reg.status,
    eventTitle: event.title,
    when: whenOf(reg.start, language),
    place: placeOf(event),
    people: peopleOf(reg, language),
    // A staff-only event has no public page: its place is the admin's internal agenda.
    eventUrl: event.staffOnly
      ? `${cmsUrl()}/admin${STAFF_AGENDA_PATH}`
      : `${siteUrl()}${language === 'en' ? '/en' : ''}/eventi/${encodeURIComponent(event.slug ?? '')}`,
    cancelUrl: cancelUrl(payload.secret, reg),
  })
  const to: string = reg.email
  return sendMessage(transactionalMessage(to, rendered))
}
