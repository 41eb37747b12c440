// The family's side of registrations (issue 14) on real SQLite and a real SMTP server: the confirmation with its
// .ics (read by ical.js and by Python's icalendar) and its check-in QR code (decoded back), "Le mie
// prenotazioni" from the mail's link, the waiting list's offers by mail (accept, decline, expire → next),
// reminders (once per booking, raced from two processes, per system), a changed number of people, English mails.

import jsQR from 'jsqr'
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingProcess } from '../helpers/booking-process'
import { expandIcs } from '../helpers/ical-expand'
import { pythonExpand } from '../helpers/ical-python'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/registrations')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let helpers: typeof import('../helpers/network')

const HOUR = 3_600_000
const SITE = 'http://localhost:4321'

/** Runs the mail queue until it is empty (a promotion queued by a mail run queues its offer mail). */
const runMail = async () => {
  for (let i = 0; i < 4; i++) await payload.jobs.run({ queue: 'mail', limit: 500 })
}

const registrable = async (registration: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) => {
  const event = await helpers.fixtureEvent(payload, net, {
    title: 'Nati per Leggere',
    venue: net.venues.a,
    registration: {
      mode: 'required',
      places: 5,
      maxPerBooking: 6,
      ageBands: ['0-2', '3-5'],
      waitingList: true,
      offerHours: 24,
      ...registration,
    },
    ...overrides,
  } as never)
  return { event, start: new Date(event.start).toISOString() }
}

let seq = 0
const address = (name: string) => `${name}-${++seq}@example.org`

const person = (event: number, start: string, overrides: Record<string, unknown> = {}) => ({
  event,
  start,
  adults: 1,
  children: [] as string[],
  name: 'Giulia Rossi',
  email: address('famiglia'),
  ...overrides,
})

const booked = async (input: ReturnType<typeof person>) => {
  const result = await wing.book(payload, input)
  if (!result.ok) throw new Error(result.message)
  return result
}

/** The stored row, with the server-only nonce the links are signed from. */
const raw = async (id: number | string) =>
  (await payload.db.findOne({ collection: 'registrations', where: { id: { equals: id } } })) as unknown as {
    id: number
    status: string
    start: string
    tokenNonce: string | null
    offerExpiresAt: string | null
    remindedAt: string | null
  }

const tokenOf = (url: string) => new URL(url).searchParams.get('t') as string
const attachment = (mail: ParsedMail, type: string) => mail.attachments.find((a) => a.contentType.startsWith(type))

/** The text of a mail's `.ics` attachment (fails when there is none). */
const calendarOf = (mail: ParsedMail) => {
  const ics = attachment(mail, 'text/calendar')
  if (!ics) throw new Error(`no .ics attached to «${mail.subject}»`)
  return ics.content.toString('utf8')
}

const decodeQr = (png: Buffer) => {
  const image = PNG.sync.read(png)
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data
}

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  payload = await (await import('../helpers/payload')).getPayload()
  wing = await import('../../cms/registrations')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('the confirmation', () => {
  it('arrives with the date’s .ics (same UID and date for ical.js and Python), the check-in QR code and the links', async () => {
    const { event, start } = await registrable({ question: 'Allergie o esigenze particolari?' })
    const email = address('giulia')
    const result = await booked(
      person(event.id, start, { email, children: ['3-5'], answer: 'Allergia alle arachidi, segreto-42' }),
    )
    expect(result.status).toBe('confirmed')
    await runMail()
    const [mail] = await smtp.exactly(email, 1)
    expect(mail?.subject).toBe('Iscrizione confermata: Nati per Leggere')
    expect(mail?.text).toContain('1 adulto, 1 bambino (3–5 anni)')
    expect(mail?.text).toContain('Teatro di Dalmine')
    // The answer to the question is sensitive: never repeated in a mail.
    expect(`${mail?.text}${mail?.html}`).not.toContain('segreto-42')

    const ics = attachment(mail as ParsedMail, 'text/calendar')
    expect(ics?.filename).toBe('iscrizione.ics')
    const text = calendarOf(mail as ParsedMail)
    const uid = wing.bookingUid(result.id)
    expect(expandIcs(text)).toMatchObject([{ uid, start, status: 'CONFIRMED', summary: 'Nati per Leggere' }])
    const python = pythonExpand(text, new Date(Date.parse(start) - HOUR), new Date(Date.parse(start) + HOUR))
    expect(python.dates).toMatchObject([{ uid, start, summary: 'Nati per Leggere' }])

    const row = await raw(result.id)
    const qr = attachment(mail as ParsedMail, 'image/png')
    expect(qr?.cid).toBe(`iscrizione-${result.id}-qr@rbbg.example.org`)
    expect(decodeQr(qr?.content as Buffer)).toBe(wing.checkInUrl(payload.secret, row))
    expect(mail?.html).toMatch(/<img[^>]+alt="Codice QR dell’iscrizione, da mostrare all’ingresso"/)
    expect(mail?.html).toMatch(/<img[^>]+src="(cid:iscrizione-\d+-qr@rbbg\.example\.org|data:image\/png;base64,[^"]+)"/)

    const own = linkIn(mail as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`)
    expect(await wing.viewBooking(payload, tokenOf(own))).toMatchObject({
      ok: true,
      booking: { id: result.id, status: 'confirmed', adults: 1, people: 2, eventSlug: event.slug },
    })
    expect(linkIn(mail as ParsedMail, `${SITE}/iscrizioni/mie?t=`)).toBeTruthy()
    expect(linkIn(mail as ParsedMail, `${SITE}/eventi/`)).toBe(`${SITE}/eventi/${event.slug}`)
  })

  it('a place on the waiting list says so, with no QR code and no .ics (there is no place yet)', async () => {
    const { event, start } = await registrable({ places: 1, offerHours: 12 })
    await booked(person(event.id, start))
    const email = address('attesa')
    expect(await booked(person(event.id, start, { email }))).toMatchObject({ status: 'waiting' })
    await runMail()
    const [mail] = await smtp.exactly(email, 1)
    expect(mail?.subject).toBe('Lista d’attesa: Nati per Leggere')
    expect(mail?.text).toContain('avrai 12 ore per accettarlo')
    expect(mail?.attachments).toEqual([])
    expect(linkIn(mail as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`)).toBeTruthy()
  })

  it('its "Le mie prenotazioni" link lists that address’s bookings, coming first, and never another address’s', async () => {
    const { event, start } = await registrable()
    const later = await registrable({}, { start: helpers.romeAt(20, 16), end: helpers.romeAt(20, 17) })
    const email = address('mie')
    const first = await booked(person(later.event.id, later.start, { email }))
    const second = await booked(person(event.id, start, { email, adults: 2 }))
    const stranger = await booked(person(event.id, start, { email: address('altro') }))
    // A lookalike address (same local part, other case or domain) is another person.
    const lookalike = await booked(person(event.id, start, { email: email.replace('example.org', 'example.com') }))
    await runMail()
    const mails = await smtp.exactly(email, 2)
    const link = linkIn(mails[0] as ParsedMail, `${SITE}/iscrizioni/mie?t=`)
    const mine = await wing.listBookings(payload, tokenOf(link))
    if (!mine.ok) throw new Error(mine.reason)
    expect(mine.email).toBe(email)
    expect(mine.upcoming.map((b) => b.id)).toEqual([second.id, first.id])
    expect(mine.upcoming.map((b) => b.id)).not.toContain(stranger.id)
    expect(mine.upcoming.map((b) => b.id)).not.toContain(lookalike.id)
    // Each coming booking leads to its own page.
    const own = mine.upcoming[0]?.token as string
    expect(await wing.viewBooking(payload, own)).toMatchObject({ ok: true, booking: { id: second.id, adults: 2 } })

    // Cancelled from its page, it stays in the list without a link; 31 days after a date it leaves the list.
    expect(await wing.cancelBooking(payload, own)).toMatchObject({ ok: true })
    const after = await wing.listBookings(payload, tokenOf(link))
    expect(after).toMatchObject({ ok: true, upcoming: [{ id: second.id, status: 'cancelled', token: null }, {}] })
    const month = await wing.listBookings(payload, tokenOf(link), new Date(Date.parse(start) + 25 * 86_400_000))
    expect(month).toMatchObject({ ok: true, upcoming: [], past: [{ id: first.id }, { id: second.id }] })

    const [body, sig] = tokenOf(link).split('.') as [string, string]
    expect(await wing.listBookings(payload, `${body}.${sig.slice(0, -2)}AA`)).toEqual({ ok: false, reason: 'forged' })
    expect(await wing.listBookings(payload, 'niente')).toEqual({ ok: false, reason: 'malformed' })
    expect(await wing.listBookings(payload, tokenOf(link), new Date(Date.now() + 91 * 86_400_000))).toEqual({
      ok: false,
      reason: 'expired',
    })
    // A cancel link is not a manage link (each purpose has its own signature).
    expect(await wing.listBookings(payload, own)).toMatchObject({ ok: false })
  })

  it('cancelling from the booking page frees the place once and mails a cancellation whose .ics cancels the date', async () => {
    const { event, start } = await registrable({ places: 2 })
    const email = address('annulla')
    const result = await booked(person(event.id, start, { email, adults: 2 }))
    await runMail()
    const [confirmation] = await smtp.exactly(email, 1)
    const token = tokenOf(linkIn(confirmation as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`))
    // Looking changes nothing.
    for (let i = 0; i < 3; i++) await wing.viewBooking(payload, token)
    expect(await wing.placesLeft(payload, event.id, start)).toBe(0)

    const [a, b] = await Promise.all([wing.cancelBooking(payload, token), wing.cancelBooking(payload, token)])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect(await wing.placesLeft(payload, event.id, start)).toBe(2)
    expect(await wing.viewBooking(payload, token)).toEqual({ ok: false, reason: 'used' })
    await runMail()
    const mails = await smtp.exactly(email, 2)
    const cancelled = mails[1] as ParsedMail
    expect(cancelled.subject).toBe('Iscrizione annullata: Nati per Leggere')
    const ics = calendarOf(cancelled)
    expect(expandIcs(ics)).toMatchObject([{ uid: wing.bookingUid(result.id), start, status: 'CANCELLED' }])
    expect(ics).toContain('SEQUENCE:1')
    expect(linkIn(cancelled, `${SITE}/iscrizioni/mie?t=`)).toBeTruthy()
  })
})

describe('waiting list offers by mail', () => {
  it('free a place → offer mail → accept → confirmation; then expire → offerExpired mail → the next party’s offer', async () => {
    const { event, start } = await registrable({ places: 1, offerHours: 24 })
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((n) => address(`offerta-${n}`)) as [string, string, string, string]
    const first = await booked(person(event.id, start, { email: a }))
    const bId = (await booked(person(event.id, start, { email: b }))).id
    const cId = (await booked(person(event.id, start, { email: c }))).id
    const dId = (await booked(person(event.id, start, { email: d }))).id
    await runMail()
    for (const to of [a, b, c, d]) await smtp.exactly(to, 1)

    // A cancels: B, first in line, is offered the place by mail, with the link and the deadline.
    const aLink = tokenOf(linkIn((await smtp.exactly(a, 1))[0] as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`))
    expect(await wing.cancelBooking(payload, aLink)).toMatchObject({ ok: true })
    await runMail()
    expect((await raw(bId)).status).toBe('offered')
    const offer = (await smtp.exactly(b, 2))[1] as ParsedMail
    expect(offer.subject).toBe('Si è liberato un posto: Nati per Leggere')
    expect(offer.text).toMatch(/Il posto è riservato a te fino a \S+ \d+ \S+ \d{4}(,| alle ore) \d\d:\d\d\./)
    expect(offer.text).toContain('passa automaticamente alla persona successiva')
    expect(offer.attachments).toEqual([])
    const accept = tokenOf(linkIn(offer, `${SITE}/iscrizioni/offerta?t=`))
    expect(await wing.viewOffer(payload, accept)).toMatchObject({ ok: true, offer: { id: bId, status: 'offered' } })
    await smtp.exactly(c, 1)

    // B accepts: confirmed, and the confirmation (with its .ics) follows; the link now says it was accepted.
    expect(await wing.acceptOffer(payload, accept)).toMatchObject({ ok: true })
    await runMail()
    const confirmed = (await smtp.exactly(b, 3))[2] as ParsedMail
    expect(confirmed.subject).toBe('Iscrizione confermata: Nati per Leggere')
    expect(attachment(confirmed, 'text/calendar')).toBeTruthy()
    expect(await wing.viewOffer(payload, accept)).toMatchObject({ ok: false, reason: 'accepted' })

    // B cancels after all: C is offered the place and does not answer; 25 hours later the offer expires, C is
    // told, and D gets the next offer.
    const bLink = tokenOf(linkIn(confirmed, `${SITE}/iscrizioni/gestisci?t=`))
    expect(await wing.cancelBooking(payload, bLink)).toMatchObject({ ok: true })
    await runMail()
    expect((await raw(cId)).status).toBe('offered')
    const cOffer = (await smtp.exactly(c, 2))[1] as ParsedMail
    expect(cOffer.subject).toBe('Si è liberato un posto: Nati per Leggere')
    const later = new Date(Date.now() + 25 * HOUR)
    expect(await wing.expireOffers(payload, later)).toBe(1)
    expect(await wing.acceptOffer(payload, tokenOf(linkIn(cOffer, `${SITE}/iscrizioni/offerta?t=`)))).toMatchObject({
      ok: false,
      reason: 'expired',
    })
    await runMail()
    const expired = (await smtp.exactly(c, 3))[2] as ParsedMail
    expect(expired.subject).toBe('Offerta scaduta: Nati per Leggere')
    expect(expired.text).toContain('è passato alla persona successiva')
    expect((await raw(dId)).status).toBe('offered')
    const dOffer = (await smtp.exactly(d, 2))[1] as ParsedMail
    expect(dOffer.subject).toBe('Si è liberato un posto: Nati per Leggere')
    expect((await raw(first.id)).status).toBe('cancelled')
  })

  it('declining an offer passes the place to the next party at once; the link then refuses', async () => {
    const { event, start } = await registrable({ places: 1 })
    const [a, b, c] = ['a', 'b', 'c'].map((n) => address(`rinuncia-${n}`)) as [string, string, string]
    await booked(person(event.id, start, { email: a }))
    const bId = (await booked(person(event.id, start, { email: b }))).id
    const cId = (await booked(person(event.id, start, { email: c }))).id
    await runMail()
    const aLink = tokenOf(linkIn((await smtp.exactly(a, 1))[0] as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`))
    await wing.cancelBooking(payload, aLink)
    await runMail()
    const offer = tokenOf(linkIn((await smtp.exactly(b, 2))[1] as ParsedMail, `${SITE}/iscrizioni/offerta?t=`))
    expect(await wing.declineOffer(payload, offer)).toMatchObject({ ok: true })
    expect((await raw(bId)).status).toBe('cancelled')
    expect(await wing.declineOffer(payload, offer)).toMatchObject({ ok: false, reason: 'expired' })
    expect(await wing.acceptOffer(payload, offer)).toMatchObject({ ok: false, reason: 'expired' })
    await runMail()
    expect((await raw(cId)).status).toBe('offered')
    expect((await smtp.exactly(c, 2))[1]?.subject).toBe('Si è liberato un posto: Nati per Leggere')
    // Declining sends nothing to the one who declined.
    await smtp.exactly(b, 2)
  })
})

describe('reminders', () => {
  // Each test has a date of its own, so the other tests' bookings are never within its reminder window.
  const onDay = (days: number) => ({ start: helpers.romeAt(days, 9), end: helpers.romeAt(days, 10) })

  it('one reminder per confirmed booking when its date is near, never twice; none for waiting or cancelled', async () => {
    const { event, start } = await registrable({ places: 2 }, onDay(12))
    const [yes, waiting, cancelled] = ['si', 'attesa', 'annullata'].map((n) => address(`promemoria-${n}`)) as [
      string,
      string,
      string,
    ]
    const confirmed = await booked(person(event.id, start, { email: yes }))
    await booked(person(event.id, start, { email: cancelled }))
    const offered = await booked(person(event.id, start, { email: waiting }))
    await runMail()
    const goneLink = tokenOf(
      linkIn((await smtp.exactly(cancelled, 1))[0] as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`),
    )
    await wing.cancelBooking(payload, goneLink)
    // The cancellation freed a place the waiting party is offered: an offer is not a confirmed booking either.
    await runMail()
    expect((await raw(offered.id)).status).toBe('offered')
    smtp.clear()

    const at = (hours: number) => new Date(Date.parse(start) - hours * HOUR)
    expect(await wing.sendReminders(payload, at(25))).toBe(0)
    expect(await wing.sendReminders(payload, at(23))).toBe(1)
    expect(await wing.sendReminders(payload, at(23))).toBe(0)
    expect(await wing.sendReminders(payload, at(2))).toBe(0)
    expect((await raw(confirmed.id)).remindedAt).toBe(at(23).toISOString())
    await runMail()
    const [reminder] = await smtp.exactly(yes, 1)
    expect(reminder?.subject).toBe('Promemoria: Nati per Leggere')
    expect(reminder?.text).toContain('Ti ricordiamo la tua iscrizione')
    expect(decodeQr(attachment(reminder as ParsedMail, 'image/png')?.content as Buffer)).toBe(
      wing.checkInUrl(payload.secret, await raw(confirmed.id)),
    )
    expect(linkIn(reminder as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`)).toBeTruthy()
    expect(smtp.to(waiting)).toHaveLength(0)
    expect(smtp.to(cancelled)).toHaveLength(0)
    // Once the date has started, nothing is due.
    expect(await wing.sendReminders(payload, new Date(Date.parse(start) + 60_000))).toBe(0)
  })

  it('two runs in two processes at once remind each booking exactly once', async () => {
    const { event, start } = await registrable({ places: 30 }, onDay(14))
    const emails = Array.from({ length: 12 }, (_, i) => address(`gara-${i}`))
    for (const email of emails) await booked(person(event.id, start, { email }))
    await runMail()
    smtp.clear()
    const now = new Date(Date.parse(start) - 3 * HOUR)
    const other = bookingProcess({}, 0, { DB_PROCESS_MODE: 'remind', DB_PROCESS_NOW: now.toISOString() })
    await other.ready
    other.go()
    const [here, also] = await Promise.all([wing.sendReminders(payload, now), wing.sendReminders(payload, now)])
    const there = (await other.done).reminded ?? 0
    expect(here + also + there).toBe(12)
    await runMail()
    for (const email of emails) expect((await smtp.exactly(email, 1))[0]?.subject).toBe('Promemoria: Nati per Leggere')
  }, 120_000)

  it('a system with 0 hours sends none; a booking made after its reminder was due gets none (its confirmation is fresh)', async () => {
    await payload.update({
      collection: 'systems',
      id: net.systems.b,
      data: { registrationReminderHours: 0 },
      overrideAccess: true,
    })
    const valle = await registrable(
      {},
      { system: net.systems.b, library: net.libraries.b1, venue: net.venues.b, ...onDay(16) },
    )
    const none = await booked(person(valle.event.id, valle.start))
    expect(await wing.sendReminders(payload, new Date(Date.parse(valle.start) - HOUR))).toBe(0)
    expect((await raw(none.id)).remindedAt).toBeNull()

    const { event, start } = await registrable({}, onDay(18))
    const late = await booked(person(event.id, start))
    await payload.db.updateOne({
      collection: 'registrations',
      id: late.id,
      data: { createdAt: new Date(Date.parse(start) - 5 * HOUR).toISOString() },
    })
    expect(await wing.sendReminders(payload, new Date(Date.parse(start) - 4 * HOUR))).toBe(0)
  })
})

describe('changing the number of people', () => {
  it('mails the updated booking with the new people, the same links and a fresh .ics', async () => {
    const { event, start } = await registrable()
    const email = address('persone')
    const result = await booked(person(event.id, start, { email }))
    await runMail()
    const [first] = await smtp.exactly(email, 1)
    const token = tokenOf(linkIn(first as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`))
    expect(await wing.changePeople(payload, token, { adults: 2, children: ['0-2'] })).toEqual({ ok: true, people: 3 })
    expect(await wing.placesLeft(payload, event.id, start)).toBe(2)
    await runMail()
    const updated = (await smtp.exactly(email, 2))[1] as ParsedMail
    expect(updated.subject).toBe('Iscrizione aggiornata: Nati per Leggere')
    expect(updated.text).toContain('2 adulti, 1 bambino (0–2 anni)')
    expect(tokenOf(linkIn(updated, `${SITE}/iscrizioni/gestisci?t=`))).toBe(token)
    expect(expandIcs(calendarOf(updated))).toMatchObject([{ uid: wing.bookingUid(result.id), start }])
  })
})

describe('English', () => {
  it('an English registration gets English mails whose links lead to the /en pages', async () => {
    const { event, start } = await registrable({ places: 2 })
    const email = address('english')
    const taker = address('primo')
    await booked(person(event.id, start, { email: taker, adults: 2 }))
    await booked(person(event.id, start, { email, language: 'en', children: ['0-2'] }))
    await runMail()
    const [waiting] = await smtp.exactly(email, 1)
    expect(waiting?.subject).toBe('Waiting list: Nati per Leggere')
    expect(waiting?.text).toContain('1 adult, 1 child (0–2 years)')
    expect(linkIn(waiting as ParsedMail, `${SITE}/en/iscrizioni/gestisci?t=`)).toBeTruthy()
    expect(linkIn(waiting as ParsedMail, `${SITE}/en/iscrizioni/mie?t=`)).toBeTruthy()
    expect(linkIn(waiting as ParsedMail, `${SITE}/en/eventi/`)).toBeTruthy()

    const [taken] = await smtp.exactly(taker, 1)
    await wing.cancelBooking(payload, tokenOf(linkIn(taken as ParsedMail, `${SITE}/iscrizioni/gestisci?t=`)))
    await runMail()
    const offer = (await smtp.exactly(email, 2))[1] as ParsedMail
    expect(offer.subject).toBe('A place has become free: Nati per Leggere')
    expect(offer.text).toContain('The place is held for you until')
    const accept = tokenOf(linkIn(offer, `${SITE}/en/iscrizioni/offerta?t=`))
    await wing.acceptOffer(payload, accept)
    await runMail()
    const confirmed = (await smtp.exactly(email, 3))[2] as ParsedMail
    expect(confirmed.subject).toBe('Registration confirmed: Nati per Leggere')
    expect(attachment(confirmed, 'text/calendar')?.filename).toBe('registration.ics')
    expect(confirmed.html).toMatch(/alt="QR code of the registration, to show at the entrance"/)
  })
})
