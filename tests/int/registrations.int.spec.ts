// Registrations (issue 14) against real SQLite and a real SMTP server: booking, capacity, the waiting list,
// refusals that write nothing, the cancel link (POST only), and 200 bookings racing from two processes.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bookingProcess } from '../helpers/booking-process'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/registrations')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let helpers: typeof import('../helpers/network')

const runMail = () => payload.jobs.run({ queue: 'mail', limit: 500 })

const registrationsOf = async (event: number) =>
  (
    await payload.find({
      collection: 'registrations',
      where: { event: { equals: event } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs

/** A published one-off event in ten days with registration on. */
const registrable = async (registration: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) => {
  const event = await helpers.fixtureEvent(payload, net, {
    title: 'Nati per Leggere',
    registration: {
      mode: 'required',
      places: 5,
      maxPerBooking: 4,
      ageBands: ['0-2', '3-5'],
      waitingList: true,
      ...registration,
    },
    ...overrides,
  } as never)
  return { event, start: new Date(event.start).toISOString() }
}

const person = (event: number, start: string, overrides: Record<string, unknown> = {}) => ({
  event,
  start,
  adults: 1,
  children: [] as string[],
  name: 'Giulia Rossi',
  email: 'giulia@example.org',
  ...overrides,
})

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

describe('booking', () => {
  it('a booking is confirmed, counts its people, and its confirmation arrives through the mail queue', async () => {
    smtp.clear()
    const { event, start } = await registrable()
    const result = await wing.book(payload, person(event.id, start, { adults: 1, children: ['0-2', '3-5'] }))
    expect(result).toMatchObject({ ok: true, status: 'confirmed' })
    // Queued, not sent inline.
    expect(smtp.received).toHaveLength(0)
    const [row] = await registrationsOf(event.id)
    expect(row).toMatchObject({ status: 'confirmed', adults: 1, people: 3, system: net.systems.a })
    expect(row?.children?.map((c) => c.band)).toEqual(['0-2', '3-5'])
    expect(await wing.placesLeft(payload, event.id, start)).toBe(2)

    await runMail()
    expect(smtp.received).toHaveLength(1)
    const mail = smtp.received[0]!.mail
    expect(smtp.received[0]?.to).toEqual(['giulia@example.org'])
    expect(mail.subject).toBe('Iscrizione confermata: Nati per Leggere')
    expect(mail.text).toContain('1 adulto, 2 bambini (0–2 anni, 3–5 anni)')
    expect(linkIn(mail, 'http://localhost:4321/iscrizioni/gestisci?t=')).toBeTruthy()
  })

  it('fills to capacity, then the next booking waits; without a waiting list it is refused and writes nothing', async () => {
    const { event, start } = await registrable({ places: 3 })
    expect(await wing.book(payload, person(event.id, start, { adults: 2 }))).toMatchObject({ status: 'confirmed' })
    expect(await wing.book(payload, person(event.id, start, { adults: 2 }))).toMatchObject({ status: 'waiting' })
    expect(await wing.book(payload, person(event.id, start, { adults: 1 }))).toMatchObject({ status: 'confirmed' })
    expect(await wing.placesLeft(payload, event.id, start)).toBe(0)
    const [date] = await wing.availability(payload, event)
    expect(date).toMatchObject({ start, state: 'waiting', left: 0 })

    const closed = await registrable({ places: 1, waitingList: false })
    expect(await wing.book(payload, person(closed.event.id, closed.start))).toMatchObject({ status: 'confirmed' })
    expect(await wing.book(payload, person(closed.event.id, closed.start))).toMatchObject({
      ok: false,
      field: 'start',
      message: wing.BOOK_ERRORS.full,
    })
    expect(await registrationsOf(closed.event.id)).toHaveLength(1)
    expect((await wing.availability(payload, closed.event))[0]?.state).toBe('full')
  })

  it('the waiting mail says so', async () => {
    smtp.clear()
    await runMail()
    expect(smtp.received.some((r) => r.mail.subject === 'Lista d’attesa: Nati per Leggere')).toBe(true)
  })

  it('each bad input gets its Italian message naming the field and writes nothing', async () => {
    const { event, start } = await registrable()
    const off = await registrable({ mode: 'off' })
    const cancelled = await registrable({}, { status: 'cancelled' })
    const soon = await registrable({ closesHoursBefore: 24 * 11 })
    const past = await helpers.fixtureEvent(payload, net, {
      registration: { mode: 'required', places: 5 },
      start: helpers.romeAt(-2, 10),
      end: helpers.romeAt(-2, 11),
    } as never)
    const jobsBefore = await helpers.countAll(payload, 'payload-jobs')
    const cases: [Record<string, unknown>, string, string][] = [
      [{ event: 999999 }, 'event', wing.BOOK_ERRORS.noEvent],
      [{ event: off.event.id, start: off.start }, 'event', wing.BOOK_ERRORS.off],
      [{ start: helpers.romeAt(11, 10, 30) }, 'start', wing.BOOK_ERRORS.unknownDate],
      [{ start: 'domani' }, 'start', wing.BOOK_ERRORS.unknownDate],
      [{ event: cancelled.event.id, start: cancelled.start }, 'start', wing.BOOK_ERRORS.cancelledDate],
      [{ event: soon.event.id, start: soon.start }, 'start', wing.BOOK_ERRORS.closed],
      [{ event: past.id, start: new Date(past.start).toISOString() }, 'start', wing.BOOK_ERRORS.closed],
      [{ adults: 0 }, 'adults', wing.BOOK_ERRORS.adults],
      [{ adults: 1.5 }, 'adults', wing.BOOK_ERRORS.adults],
      [{ adults: 3, children: ['0-2', '3-5'] }, 'adults', wing.BOOK_ERRORS.tooMany(4)],
      [{ children: ['11-14'] }, 'children', wing.BOOK_ERRORS.band('11-14')],
      [{ children: ['Marco'] }, 'children', wing.BOOK_ERRORS.band('Marco')],
      [{ name: 'Giulia\r\nBcc: spam@example.org' }, 'name', wing.BOOK_ERRORS.nameControl],
      [{ name: 'Giulia\nRossi' }, 'name', wing.BOOK_ERRORS.nameControl],
      [{ name: '   ' }, 'name', wing.BOOK_ERRORS.name],
      [{ name: 'x'.repeat(101) }, 'name', wing.BOOK_ERRORS.nameLong],
      [{ email: 'non-una-mail' }, 'email', wing.BOOK_ERRORS.email],
      [{ email: 'a@example.org\r\nBcc: b@example.org' }, 'email', wing.BOOK_ERRORS.email],
      [{ phone: '<script>' }, 'phone', wing.BOOK_ERRORS.phone],
    ]
    for (const [overrides, field, message] of cases) {
      const result = await wing.book(payload, person(event.id, start, overrides) as never)
      expect(result, JSON.stringify(overrides)).toMatchObject({ ok: false, field, message })
      expect(message).toMatch(/^(Evento|Data|Adulti|Persone|Bambini|Nome|Email|Telefono): /)
      // The English pages say the same in English, naming the same field.
      if (!result.ok)
        expect(wing.bookErrorText('en', result.code, result.arg)).toMatch(
          /^(Event|Date|Adults|People|Children|Name|Email|Phone): /,
        )
    }
    for (const id of [event.id, off.event.id, cancelled.event.id, soon.event.id, past.id])
      expect(await registrationsOf(id)).toHaveLength(0)
    expect(await helpers.countAll(payload, 'payload-jobs')).toBe(jobsBefore)
  })

  it('public and other systems read no booking; the event system’s editor does', async () => {
    const { event, start } = await registrable()
    await wing.book(payload, person(event.id, start))
    const read = async (user?: unknown) =>
      (
        await payload.find({
          collection: 'registrations',
          where: { event: { equals: event.id } },
          overrideAccess: false,
          user: user as never,
        })
      ).docs
    await expect(read()).rejects.toMatchObject({ status: 403 })
    expect(await read(net.users.editorB)).toHaveLength(0)
    expect(await read(net.users.contributorB1)).toHaveLength(0)
    const [own] = await read(net.users.editorA)
    expect(own?.email).toBe('giulia@example.org')
    expect(own).not.toHaveProperty('tokenNonce')
  })
})

describe('cancel link', () => {
  it('a GET never cancels; a POST with the token frees the place once; forged tokens are refused', async () => {
    smtp.clear()
    const { event, start } = await registrable({ places: 2, waitingList: false })
    await wing.book(payload, person(event.id, start, { adults: 2, email: 'annulla@example.org' }))
    await runMail()
    const mail = smtp.received.find((r) => r.to.includes('annulla@example.org'))!.mail
    const url = new URL(linkIn(mail, 'http://localhost:4321/iscrizioni/gestisci?t='))
    const token = url.searchParams.get('t') as string
    expect(await wing.placesLeft(payload, event.id, start)).toBe(0)

    // What the page's GET does: look, change nothing.
    for (let i = 0; i < 3; i++) expect(await wing.checkCancelLink(payload, token)).toMatchObject({ ok: true })
    expect((await registrationsOf(event.id))[0]?.status).toBe('confirmed')

    const [body, sig] = token.split('.') as [string, string]
    const forged = `${body}.${sig.slice(0, -2)}${sig.endsWith('AA') ? 'BB' : 'AA'}`
    expect(await wing.cancel(payload, forged)).toMatchObject({ ok: false, reason: 'forged' })
    expect(await wing.cancel(payload, 'nonsense')).toMatchObject({ ok: false, reason: 'malformed' })
    expect(await wing.cancel(payload, token, new Date(Date.parse(start) + 1000))).toMatchObject({
      ok: false,
      reason: 'expired',
    })
    expect((await registrationsOf(event.id))[0]?.status).toBe('confirmed')

    expect(await wing.cancel(payload, token)).toMatchObject({ ok: true, event: event.id, start })
    expect((await registrationsOf(event.id))[0]?.status).toBe('cancelled')
    expect(await wing.placesLeft(payload, event.id, start)).toBe(2)
    expect(await wing.cancel(payload, token)).toMatchObject({ ok: false, reason: 'used' })
    expect(await wing.checkCancelLink(payload, token)).toMatchObject({ ok: false, reason: 'used' })
  })
})

describe('privacy purge', () => {
  it('N days after the date (per system) names, emails and phones go; counts and bands stay', async () => {
    await payload.update({
      collection: 'systems',
      id: net.systems.a,
      data: { registrationRetentionDays: 10 },
      overrideAccess: true,
    })
    const { event, start } = await registrable()
    await wing.book(payload, person(event.id, start, { children: ['3-5'], phone: '035 123456' }))
    const at = (days: number) => new Date(Date.parse(start) + days * 24 * 60 * 60 * 1000)
    // The clock moved 9 days past the date: within system A's 10 days, nothing is deleted.
    await wing.purgeRegistrations(payload, at(9))
    expect((await registrationsOf(event.id))[0]).toMatchObject({ name: 'Giulia Rossi', phone: '035 123456' })

    expect(await wing.purgeRegistrations(payload, at(11))).toBeGreaterThanOrEqual(1)
    const [row] = await registrationsOf(event.id)
    expect(row).toMatchObject({ status: 'confirmed', adults: 1, people: 2, name: null, email: null, phone: null })
    expect(row?.children?.map((c) => c.band)).toEqual(['3-5'])
    expect(row?.purgedAt).toBeTruthy()
    const raw = await payload.db.findOne({ collection: 'registrations', where: { id: { equals: row?.id } } })
    expect((raw as { tokenNonce?: string | null }).tokenNonce ?? null).toBeNull()
    // Once purged, a row is not touched again; the mail job has nothing to send to it.
    expect(await wing.purgeRegistrations(payload, at(12))).toBe(0)
    expect(await wing.sendRegistrationMail(payload, row?.id as number)).toEqual({ ok: false, kind: 'skipped' })
  })
})

describe('never overbooked', () => {
  it('200 parallel bookings from two processes for 20 places: exactly 20 confirmed, the rest refused', async () => {
    const { event, start } = await registrable({ places: 20, maxPerBooking: 6, waitingList: false })
    const other = bookingProcess(person(event.id, start), 100)
    await other.ready
    other.go()
    const here: Record<string, number> = {}
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const key = await wing
          .book(payload, person(event.id, start, { email: `qui${i}@example.org` }))
          .then((r) => (r.ok ? r.status : r.message))
          .catch((error: Error) => `error: ${error.message}`)
        here[key] = (here[key] ?? 0) + 1
      }),
    )
    const there = await other.done
    const total: Record<string, number> = {}
    for (const o of [here, there]) for (const [k, n] of Object.entries(o)) total[k] = (total[k] ?? 0) + n
    expect(total).toEqual({ confirmed: 20, [wing.BOOK_ERRORS.full]: 180 })
    // Which process wins how many is up to the lock; together they made 200 write transactions that overlapped.
    expect(Object.values(there).reduce((a, b) => a + b, 0)).toBe(100)
    const rows = await registrationsOf(event.id)
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20)
    expect(rows).toHaveLength(20)
  }, 120_000)
})
