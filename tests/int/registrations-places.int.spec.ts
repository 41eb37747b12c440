// Registrations' places (issue 14) on real SQLite: both ways of never overbooking (the write transaction and the
// adapter-neutral counter used on MongoDB) raced from two processes; waiting-list offers (free a place → offer →
// accept / expire → next); status changes by staff; changing the number of people; a date's own places; when
// booking opens; the optional question; staff-only events.
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { bookingProcess } from '../helpers/booking-process'

type Wing = typeof import('../../cms/registrations')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let payload: Payload
let wing: Wing
let tokens: typeof import('../../cms/registrations/tokens')
let net: Net
let helpers: typeof import('../helpers/network')

const HOUR = 3_600_000

const rowsOf = async (event: number) =>
  (
    await payload.find({
      collection: 'registrations',
      where: { event: { equals: event } },
      sort: 'createdAt',
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs

const statusOf = async (id: number | string) =>
  (await payload.findByID({ collection: 'registrations', id, overrideAccess: true, depth: 0 })).status

const registrable = async (registration: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) => {
  const event = await helpers.fixtureEvent(payload, net, {
    title: 'Nati per Leggere',
    registration: {
      mode: 'required',
      places: 5,
      maxPerBooking: 6,
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
  email: `p${Math.random().toString(36).slice(2)}@example.org`,
  ...overrides,
})

/** The jobs queued for a registration or a date, by task. */
const queued = async (task: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: task } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs as unknown as { input: Record<string, string> }[]

const cancelToken = async (id: number | string) => {
  const raw = (await payload.db.findOne({ collection: 'registrations', where: { id: { equals: id } } })) as unknown as {
    tokenNonce: string
    start: string
  }
  return tokens.signCancelToken(payload.secret, id, raw.tokenNonce, new Date(raw.start))
}
const offerToken = async (id: number | string) => {
  const raw = (await payload.db.findOne({ collection: 'registrations', where: { id: { equals: id } } })) as unknown as {
    tokenNonce: string
    offerExpiresAt: string
  }
  return tokens.signOfferToken(payload.secret, id, raw.tokenNonce, new Date(raw.offerExpiresAt))
}

beforeAll(async () => {
  payload = await (await import('../helpers/payload')).getPayload()
  wing = await import('../../cms/registrations')
  tokens = await import('../../cms/registrations/tokens')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
})

afterAll(async () => {
  delete process.env.REGISTRATION_PLACES
  await payload.destroy()
})

describe.each(['count', 'counter'] as const)('never overbooked on the %s path', (path) => {
  afterEach(() => {
    delete process.env.REGISTRATION_PLACES
  })

  it('200 parallel bookings from two processes for 20 places: exactly 20 people confirmed, the rest refused', async () => {
    process.env.REGISTRATION_PLACES = path
    expect(wing.placesPath(payload)).toBe(path)
    const { event, start } = await registrable({ places: 20, waitingList: false })
    const other = bookingProcess(person(event.id, start), 100, { REGISTRATION_PLACES: path })
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
    const rows = await rowsOf(event.id)
    expect(rows.filter((r) => r.status === 'confirmed')).toHaveLength(20)
    expect(rows).toHaveLength(20)
    if (path === 'counter') {
      const counter = await payload.db.findOne({
        collection: 'place-counters',
        where: { event: { equals: event.id } },
      })
      expect((counter as unknown as { taken: number }).taken).toBe(20)
    }
  }, 180_000)

  it('a cancelled place is given back and taken again; the counter follows every change', async () => {
    process.env.REGISTRATION_PLACES = path
    const { event, start } = await registrable({ places: 3, waitingList: false })
    const a = await wing.book(payload, person(event.id, start, { adults: 2 }))
    const b = await wing.book(payload, person(event.id, start, { adults: 1 }))
    expect([a, b].map((r) => r.ok && r.status)).toEqual(['confirmed', 'confirmed'])
    expect(await wing.book(payload, person(event.id, start))).toMatchObject({ ok: false, code: 'full' })
    expect(await wing.cancel(payload, await cancelToken((a as { id: number }).id))).toMatchObject({ ok: true })
    expect(await wing.placesLeft(payload, event.id, start)).toBe(2)
    expect(await wing.book(payload, person(event.id, start, { adults: 2 }))).toMatchObject({ status: 'confirmed' })
    expect(await wing.book(payload, person(event.id, start))).toMatchObject({ ok: false, code: 'full' })
    expect(await wing.sumHeld(payload, { event: event.id, start: new Date(start) })).toBe(3)
  })
})

describe('waiting list offers', () => {
  it('a freed place is offered to the first party that fits; unanswered it passes to the next; accepting confirms', async () => {
    const { event, start } = await registrable({ places: 3, offerHours: 24 })
    const key = { event: event.id, start: new Date(start) }
    const a = (await wing.book(payload, person(event.id, start, { adults: 3 }))) as { id: number }
    const b = (await wing.book(payload, person(event.id, start, { adults: 2 }))) as { id: number; status: string }
    const c = (await wing.book(payload, person(event.id, start, { adults: 1 }))) as { id: number; status: string }
    expect([b.status, c.status]).toEqual(['waiting', 'waiting'])

    // A cancels: the release queues the offer of its places to the list.
    expect(await wing.cancel(payload, await cancelToken(a.id))).toMatchObject({ ok: true })
    const promotions = (await queued('promoteWaitingList')).filter((j) => j.input.event === String(event.id))
    expect(promotions).toHaveLength(1)
    const now = new Date()
    expect(await wing.promoteWaitingList(payload, key, now)).toBe(2)
    expect(await statusOf(b.id)).toBe('offered')
    expect(await statusOf(c.id)).toBe('offered')
    // Offers hold their places: a newcomer waits, and each offer queued its mail.
    expect(await wing.book(payload, person(event.id, start))).toMatchObject({ status: 'waiting' })
    const offerMails = (await queued('sendRegistrationMail')).filter(
      (j) => j.input.kind === 'offer' && [String(b.id), String(c.id)].includes(j.input.registrationId),
    )
    expect(offerMails).toHaveLength(2)

    // C accepts in time; the link then says so, and cannot be used again.
    const cLink = await offerToken(c.id)
    expect(await wing.checkOffer(payload, cLink)).toMatchObject({ ok: true })
    expect(await wing.acceptOffer(payload, cLink)).toMatchObject({ ok: true })
    expect(await statusOf(c.id)).toBe('confirmed')
    expect(await wing.acceptOffer(payload, cLink)).toMatchObject({ ok: false, reason: 'accepted' })

    // B does not answer: 25 hours later the offer expires, B is told, and its 2 places go to the next who fits.
    const bLink = await offerToken(b.id)
    const later = new Date(now.getTime() + 25 * HOUR)
    expect(await wing.expireOffers(payload, later)).toBe(1)
    expect(await statusOf(b.id)).toBe('cancelled')
    expect((await queued('sendRegistrationMail')).some((j) => j.input.kind === 'offerExpired')).toBe(true)
    expect(await wing.acceptOffer(payload, bLink, later)).toMatchObject({ ok: false, reason: 'expired' })
    expect(await wing.promoteWaitingList(payload, key, later)).toBe(1)
    const rows = await rowsOf(event.id)
    expect(rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled', 'confirmed', 'offered'])
  })

  it('a forged or other-purpose link cannot accept an offer, and an offer never outlives the booking window', async () => {
    const soon = new Date(helpers.romeAt(2, 10, 0))
    const { event, start } = await registrable(
      { places: 1, offerHours: 72, closesHoursBefore: 2 },
      { start: soon.toISOString(), end: new Date(soon.getTime() + HOUR).toISOString() },
    )
    const a = (await wing.book(payload, person(event.id, start))) as { id: number }
    const b = (await wing.book(payload, person(event.id, start))) as { id: number }
    expect([a, b]).toMatchObject([{ status: 'confirmed' }, { status: 'waiting' }])
    await wing.cancel(payload, await cancelToken(a.id))
    await wing.promoteWaitingList(payload, { event: event.id, start: new Date(start) })
    const row = await payload.findByID({ collection: 'registrations', id: b.id, overrideAccess: true, depth: 0 })
    expect(new Date(row.offerExpiresAt as string).getTime()).toBe(new Date(start).getTime() - 2 * HOUR)
    expect(await wing.acceptOffer(payload, await cancelToken(b.id))).toMatchObject({ ok: false, reason: 'invalid' })
    const forged = `${(await offerToken(b.id)).split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`
    expect(await wing.acceptOffer(payload, forged)).toMatchObject({ ok: false, reason: 'invalid' })
    expect(await statusOf(b.id)).toBe('offered')
  })
})

describe('status changes', () => {
  it('staff moving someone off a full waiting list is refused unless forced; attendance can be undone', async () => {
    const { event, start } = await registrable({ places: 2 })
    const a = (await wing.book(payload, person(event.id, start, { adults: 2 }))) as { id: number }
    const b = (await wing.book(payload, person(event.id, start, { adults: 1 }))) as { id: number }
    const refused = await wing.changeStatus(payload, b.id, 'confirmed')
    expect(refused).toEqual({ ok: false, code: 'full', message: wing.STATUS_ERRORS.full })
    expect(await statusOf(b.id)).toBe('waiting')
    expect(await wing.changeStatus(payload, b.id, 'confirmed', { force: true })).toMatchObject({ ok: true })
    expect(await wing.sumHeld(payload, { event: event.id, start: new Date(start) })).toBe(3)

    expect(await wing.changeStatus(payload, a.id, 'attended')).toMatchObject({ ok: true })
    const attended = await payload.findByID({ collection: 'registrations', id: a.id, overrideAccess: true })
    expect(attended.checkedInAt).toBeTruthy()
    expect(await wing.changeStatus(payload, a.id, 'confirmed')).toMatchObject({ ok: true })
    expect(await wing.changeStatus(payload, a.id, 'cancelled')).toMatchObject({ ok: true })
    expect(await wing.changeStatus(payload, a.id, 'confirmed')).toMatchObject({
      ok: false,
      code: 'notAllowed',
      message: 'Stato: un’iscrizione «Annullata» non può diventare «Confermata».',
    })
  })

  it('two people acting on one booking at once: one wins, the other is told it changed', async () => {
    const { event, start } = await registrable({ places: 5 })
    const a = (await wing.book(payload, person(event.id, start))) as { id: number }
    const results = await Promise.all([
      wing.changeStatus(payload, a.id, 'cancelled'),
      wing.changeStatus(payload, a.id, 'cancelled'),
    ])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false })
    expect(await wing.sumHeld(payload, { event: event.id, start: new Date(start) })).toBe(0)
  })

  it('status cannot be changed through the REST API, only through the wing', async () => {
    const { event, start } = await registrable({ places: 1 })
    await wing.book(payload, person(event.id, start))
    const b = (await wing.book(payload, person(event.id, start))) as { id: number }
    const token = await net.token('admin')
    const { rest } = await import('../helpers/payload')
    const res = await rest('PATCH', `/registrations/${b.id}`, { token, body: { status: 'confirmed' } })
    expect(res.status).toBeLessThan(500)
    expect(await statusOf(b.id)).toBe('waiting')
  })
})

describe('changing the number of people', () => {
  it('more people need free places; fewer give them back to the waiting list', async () => {
    const { event, start } = await registrable({ places: 4 })
    const a = (await wing.book(payload, person(event.id, start, { adults: 2 }))) as { id: number }
    const b = (await wing.book(payload, person(event.id, start, { adults: 2 }))) as { id: number }
    const c = (await wing.book(payload, person(event.id, start, { adults: 1 }))) as { id: number; status: string }
    expect(c.status).toBe('waiting')
    const link = await cancelToken(a.id)
    expect(await wing.changePeople(payload, link, { adults: 3 })).toMatchObject({
      ok: false,
      message: wing.BOOK_ERRORS.full,
    })
    expect(await wing.changePeople(payload, link, { adults: 1, children: ['0-2', '9-99'] })).toMatchObject({
      ok: false,
      field: 'children',
    })
    expect(await wing.changePeople(payload, link, { adults: 1 })).toEqual({ ok: true, people: 1 })
    expect((await queued('promoteWaitingList')).some((j) => j.input.event === String(event.id))).toBe(true)
    expect(await wing.promoteWaitingList(payload, { event: event.id, start: new Date(start) })).toBe(1)
    expect(await statusOf(c.id)).toBe('offered')
    // The link still works for cancelling afterwards.
    expect(await wing.cancel(payload, link)).toMatchObject({ ok: true })
    expect(await statusOf(b.id)).toBe('confirmed')
  })
})

describe('settings of a date', () => {
  it('a changed date of a weekly series has its own places', async () => {
    const first = new Date(helpers.romeAt(7, 10, 0))
    const second = new Date(first.getTime() + 7 * 24 * HOUR)
    const event = await helpers.fixtureEvent(payload, net, {
      title: 'Letture del sabato',
      start: first.toISOString(),
      end: new Date(first.getTime() + HOUR).toISOString(),
      recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      changedDates: [{ originalStart: second.toISOString(), places: 2 }],
      registration: { mode: 'required', places: 10, maxPerBooking: 6, waitingList: true },
    } as never)
    const dates = await wing.availability(payload, event)
    expect(dates.map((d) => d.left)).toEqual([10, 2, 10])
    expect(await wing.book(payload, person(event.id, second.toISOString(), { adults: 3 }))).toMatchObject({
      status: 'waiting',
    })
    expect(await wing.book(payload, person(event.id, first.toISOString(), { adults: 3 }))).toMatchObject({
      status: 'confirmed',
    })
  })

  it('one date of a series can take no registrations: it is not offered, and a booking for it is refused', async () => {
    const first = new Date(helpers.romeAt(9, 10, 0))
    const second = new Date(first.getTime() + 7 * 24 * HOUR)
    const event = await helpers.fixtureEvent(payload, net, {
      title: 'Letture all’aperto',
      start: first.toISOString(),
      end: new Date(first.getTime() + HOUR).toISOString(),
      recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      changedDates: [{ originalStart: second.toISOString(), noRegistration: true }],
      registration: { mode: 'required', places: 10, maxPerBooking: 6, waitingList: true },
    } as never)
    const dates = await wing.availability(payload, event)
    expect(dates.map((d) => d.start)).not.toContain(second.toISOString())
    expect(dates).toHaveLength(2)
    const before = (await rowsOf(event.id)).length
    expect(await wing.book(payload, person(event.id, second.toISOString()))).toMatchObject({
      ok: false,
      field: 'start',
      message: 'Data: a questa data si partecipa senza iscrizione.',
    })
    expect(await rowsOf(event.id)).toHaveLength(before)
  })

  it('booking opens N days before the date: before that the public is refused with the opening time, staff may book', async () => {
    const { event, start } = await registrable({ opensDaysBefore: 5 })
    const refused = await wing.book(payload, person(event.id, start))
    expect(refused).toMatchObject({ ok: false, field: 'start', code: 'notOpen' })
    expect((refused as { message: string }).message).toMatch(/^Data: le iscrizioni per questa data si aprono \d+ \w+/)
    expect((await wing.availability(payload, event))[0]).toMatchObject({ state: 'soon' })
    expect(await wing.book(payload, person(event.id, start), new Date(Date.now() + 6 * 24 * HOUR))).toMatchObject({
      status: 'confirmed',
    })
    expect(
      await wing.book(payload, person(event.id, start, { email: '', phone: '035 123456' }), undefined, {
        source: 'phone',
      }),
    ).toMatchObject({ status: 'confirmed' })
    const phone = (await rowsOf(event.id)).find((r) => r.source === 'phone')
    expect(phone).toMatchObject({ email: null, phone: '035 123456' })
  })

  it('the optional question: the answer is kept only where asked, bounded, and emptied by the privacy purge', async () => {
    const asked = await registrable({ question: 'Allergie?' })
    const silent = await registrable()
    const ok = (await wing.book(payload, person(asked.event.id, asked.start, { answer: 'Arachidi\nlatte' }))) as {
      id: number
    }
    const ignored = (await wing.book(payload, person(silent.event.id, silent.start, { answer: 'nessuna' }))) as {
      id: number
    }
    expect(await wing.book(payload, person(asked.event.id, asked.start, { answer: 'x'.repeat(501) }))).toMatchObject({
      ok: false,
      field: 'answer',
      message: 'Risposta: al massimo 500 caratteri.',
    })
    const row = await payload.findByID({ collection: 'registrations', id: ok.id, overrideAccess: true })
    expect(row.answer).toBe('Arachidi\nlatte')
    expect(
      (await payload.findByID({ collection: 'registrations', id: ignored.id, overrideAccess: true })).answer ?? null,
    ).toBeNull()
    await wing.purgeRegistrations(payload, new Date(Date.now() + 60 * 24 * HOUR))
    expect((await payload.findByID({ collection: 'registrations', id: ok.id, overrideAccess: true })).answer).toBeNull()
  })

  it('a staff-only event takes no public bookings, only staff ones', async () => {
    const { event, start } = await registrable({}, { staffOnly: true })
    expect(await wing.book(payload, person(event.id, start))).toMatchObject({ ok: false, code: 'noEvent' })
    expect(await wing.book(payload, person(event.id, start), undefined, { source: 'staff' })).toMatchObject({
      status: 'confirmed',
    })
  })
})
