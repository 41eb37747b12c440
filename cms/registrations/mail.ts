import type { Payload } from 'payload'
import QRCode from 'qrcode'
import { AGE_BAND_LABELS, type AgeBand, type RegistrationStatus } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { BookingMailProps } from '../../emails/_components/Booking'
import { calendarAttachment, type MailAttachment, mailSettings, transactionalMessage } from '../../emails/messages'
import { type RenderedEmail, renderEmail } from '../../emails/render'
import { type SendOutcome, sendMessage } from '../../emails/send'
import { cmsUrl, siteUrl } from '../../shared/env'
import { catalogue, type Locale } from '../../shared/strings'
import { STAFF_AGENDA_PATH } from '../admin-paths'
import type { Event, Library, Registration, Venue } from '../payload-types'
import { bookingCalendar } from './ics'
import { occurrenceAt, settingsOf } from './settings'
import type { MailKind } from './status'
import { MANAGE_DAYS, signCancelToken, signCheckInToken, signManageToken, signOfferToken } from './tokens'

type LinkFields = Pick<Registration, 'id' | 'tokenNonce' | 'start' | 'language'>
const prefix = (language: string | null | undefined) => `${siteUrl()}${language === 'en' ? '/en' : ''}`
const cancelToken = (secret: string, reg: Pick<Registration, 'id' | 'tokenNonce' | 'start'>) =>
  encodeURIComponent(signCancelToken(secret, reg.id, reg.tokenNonce ?? '', new Date(reg.start)))

/** The cancel page of the site, in the registration's language (the links of older mails lead here). */
export const cancelUrl = (secret: string, reg: LinkFields) =>
  `${prefix(reg.language)}/iscrizioni/annulla?t=${cancelToken(secret, reg)}`

/** The booking's own page (change the number of people, cancel): same signed token as the cancel link. */
export const bookingUrl = (secret: string, reg: LinkFields) =>
  `${prefix(reg.language)}/iscrizioni/gestisci?t=${cancelToken(secret, reg)}`

/** The page that accepts an offered place; the link expires with the offer. */
export const offerUrl = (secret: string, reg: LinkFields & Pick<Registration, 'offerExpiresAt'>) =>
  `${prefix(reg.language)}/iscrizioni/offerta?t=${encodeURIComponent(
    signOfferToken(secret, reg.id, reg.tokenNonce ?? '', new Date(reg.offerExpiresAt ?? reg.start)),
  )}`

/** "Le mie prenotazioni" of an address, in a language: every registration mail carries it. */
export const manageUrl = (secret: string, email: string, language: Locale, now = new Date()) =>
  `${prefix(language)}/iscrizioni/mie?t=${encodeURIComponent(
    signManageToken(secret, email, new Date(now.getTime() + MANAGE_DAYS * 86_400_000)),
  )}`

/** The check-in address the QR code of a confirmation encodes: an admin page, for staff of the event's system. */
export const checkInUrl = (secret: string, reg: Pick<Registration, 'id' | 'tokenNonce' | 'start'>) =>
  `${cmsUrl()}/admin/iscrizioni/arrivo?t=${encodeURIComponent(
    signCheckInToken(secret, reg.id, reg.tokenNonce ?? '', new Date(new Date(reg.start).getTime() + 86_400_000)),
  )}`

/** "sabato 14 marzo 2026, 10:30" in Rome time. */
export const whenOf = (instant: string | Date, language: Locale) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant))

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

/** The venue (or the library) of an event and its place notes, as one line. */
export const placeOf = (event: Event) => {
  const named = (ref: unknown) => (ref && typeof ref === 'object' ? (ref as Library | Venue).name : null)
  return [named(event.venue) ?? named(event.library), event.placeNotes].filter(Boolean).join(', ') || null
}

/** The statuses in which each mail still makes sense when the queue gets to it; otherwise it is skipped. */
const SENT_WHEN: Record<MailKind, RegistrationStatus[]> = {
  confirmation: ['confirmed', 'waiting'],
  updated: ['confirmed', 'waiting', 'offered'],
  reminder: ['confirmed'],
  offer: ['offered'],
  offerExpired: ['cancelled'],
  cancelled: ['cancelled'],
}
/** Mails whose links are signed from the booking's nonce (a cancelled booking has none left to sign with). */
const SIGNED: MailKind[] = ['confirmation', 'updated', 'reminder', 'offer']

const qrCode = async (url: string, id: number | string): Promise<MailAttachment> => ({
  filename: 'codice-qr.png',
  content: await QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 240 }),
  contentType: 'image/png',
  cid: `iscrizione-${id}-qr@${mailSettings().domain}`,
})

const calendarFile = (ics: string, language: Locale): MailAttachment =>
  calendarAttachment(ics, language === 'en' ? 'registration.ics' : 'iscrizione.ics')

type Skipped = { ok: false; kind: 'skipped' }

/**
 * A registration's mail of one kind (the `sendRegistrationMail` job), in the registration's language: every
 * link is signed from the nonce stored with the registration when the mail is built, never copied into the job.
 * A confirmed place carries the check-in QR code (inline image) and the date's `.ics`; a cancellation carries
 * the `.ics` that marks the date cancelled. The answer to the event's question is never repeated. A mail whose
 * moment has passed (an offer already expired, a booking no longer in the status it was about) is skipped.
 */
export const sendRegistrationMail = async (
  payload: Payload,
  registrationId: number | string,
  kind: MailKind = 'confirmation',
  now = new Date(),
): Promise<SendOutcome | Skipped> => {
  const skipped: Skipped = { ok: false, kind: 'skipped' }
  const reg = (await payload.findByID({
    collection: SLUGS.registrations,
    id: registrationId,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
    disableErrors: true,
  })) as Registration | null
  // A purged registration has no address (and no nonce) left: nothing to send.
  if (!reg?.email || reg.purgedAt || !SENT_WHEN[kind]?.includes(reg.status as RegistrationStatus)) return skipped
  if (SIGNED.includes(kind) && !reg.tokenNonce) return skipped
  if (kind === 'offer' && (!reg.offerExpiresAt || new Date(reg.offerExpiresAt) <= now)) return skipped
  const eventId = typeof reg.event === 'object' ? reg.event.id : reg.event
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: eventId,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  if (!event) return skipped

  const language: Locale = reg.language === 'en' ? 'en' : 'it'
  const secret = payload.secret
  const base: BookingMailProps = {
    language,
    name: reg.name ?? '',
    eventTitle: event.title,
    when: whenOf(reg.start, language),
    place: placeOf(event),
    people: peopleOf(reg, language),
    // A staff-only event has no public page: its place is the admin's internal agenda.
    eventUrl: event.staffOnly
      ? `${cmsUrl()}/admin${STAFF_AGENDA_PATH}`
      : `${prefix(language)}/eventi/${encodeURIComponent(event.slug ?? String(event.id))}`,
    manageUrl: manageUrl(secret, reg.email, language, now),
  }
  const attachments: MailAttachment[] = []
  const confirmed = reg.status === 'confirmed'
  const calendar = async () => {
    const occurrence = await occurrenceAt(payload, eventId, new Date(reg.start))
    const ics = await bookingCalendar(payload, {
      registration: reg,
      event,
      end: occurrence?.end,
      dateStatus: occurrence?.status,
    })
    attachments.push(calendarFile(ics, language))
    return true
  }
  const qr = async () => {
    const image = await qrCode(checkInUrl(secret, reg), reg.id)
    attachments.push(image)
    return `cid:${image.cid}`
  }

  let rendered: RenderedEmail
  switch (kind) {
    case 'confirmation':
      rendered = await renderEmail('registration-confirmation', {
        ...base,
        status: confirmed ? 'confirmed' : 'waiting',
        bookingUrl: bookingUrl(secret, reg),
        qrSrc: confirmed ? await qr() : null,
        calendar: confirmed ? await calendar() : false,
        offerHours: settingsOf(event).offerHours,
      })
      break
    case 'updated':
      rendered = await renderEmail('registration-updated', {
        ...base,
        bookingUrl: bookingUrl(secret, reg),
        qrSrc: confirmed ? await qr() : null,
        calendar: confirmed ? await calendar() : false,
      })
      break
    case 'reminder':
      rendered = await renderEmail('registration-reminder', {
        ...base,
        bookingUrl: bookingUrl(secret, reg),
        qrSrc: await qr(),
      })
      break
    case 'offer':
      rendered = await renderEmail('registration-offer', {
        ...base,
        acceptUrl: offerUrl(secret, reg),
        deadline: whenOf(reg.offerExpiresAt as string, language),
      })
      break
    case 'offerExpired':
      rendered = await renderEmail('registration-offer-expired', base)
      break
    case 'cancelled':
      rendered = await renderEmail('registration-cancelled', { ...base, calendar: await calendar() })
      break
    default:
      return skipped
  }
  return sendMessage(transactionalMessage(reg.email, rendered, { attachments }))
}
