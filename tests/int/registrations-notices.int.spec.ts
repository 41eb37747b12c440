// Change notices to the people booked on a date (issue 14), against real SQLite and a real SMTP server: a
// published change of a date's time, place or status reaches exactly the live bookings of that date, once,
// with an .ics that updates the entry of their confirmation; the bookings follow the date; drafts, typo fixes
// and events without bookings tell nobody; other systems cannot read the notices.
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event, Notice, Registration } from '../../cms/payload-types'
import { expandIcs, parseCalendar } from '../helpers/ical-expand'
import { pythonExpand } from '../helpers/ical-python'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/registrations')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let helpers: typeof import('../helpers/network')
let rest: typeof import('../helpers/payload').rest

const runMail = () => payload.jobs.run({ queue: 'mail', limit: 100 })
const DAY = 86_400_000

const registrationsOf = async (event: number) =>
  (
    await payload.find({
      collection: 'registrations',
      where: { event: { equals: event } },
      pagination: false,
      overrideAccess: true,
      showHiddenFields: true,
      depth: 0,
      sort: 'id',
    })
  ).docs as Registration[]

const noticesOf = async (event: number) =>
  (
    await payload.find({
      collection: 'notices',
      where: { event: { equals: event } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs as Notice[]

const noticeJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'sendRegistrationNotices' } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs as { id: number; input: unknown; completedAt?: string | null }[]

/** What a librarian's "Pubblica modifiche" does: an update by the event's system editor, published. */
const publish = (event: Event, data: Record<string, unknown>, options: { draft?: boolean } = {}) =>
  payload.update({
    collection: 'events',
    id: event.id,
    data: { ...data, ...(options.draft ? {} : { _status: 'published' }) } as never,
    draft: options.draft,
    overrideAccess: false,
    user: net.as('editorA'),
    depth: 0,
  }) as Promise<Event>

const registrable = (overrides: Record<string, unknown> = {}) =>
  helpers.fixtureEvent(payload, net, {
    title: 'Nati per Leggere',
    registration: { mode: 'required', places: 3, maxPerBooking: 4, waitingList: true },
    ...overrides,
  } as never)

const book = async (event: Event, start: string, email: string, extra: Record<string, unknown> = {}) => {
  const result = await wing.book(payload, {
    event: event.id,
    start,
    adults: 1,
    name: 'Giulia Rossi',
    email,
    ...extra,
  } as never)
  if (!result.ok) throw new Error(`booking refused: ${result.message}`)
  return result.id as number
}

const calendarOf = (mail: ParsedMail) => {
  const files = mail.attachments.filter((a) => a.filename === 'evento.ics')
  expect(files).toHaveLength(1)
  const file = files[0] as ParsedMail['attachments'][number]
  expect(file.contentType).toBe('text/calendar')
  // mailparser keeps the Content-Type parameters apart from the type.
  expect(file.headers.get('content-type')).toMatchObject({ params: { method: 'PUBLISH' } })
  return file.content.toString('utf8')
}

const vevent = (ics: string) => {
  const events = parseCalendar(ics).getAllSubcomponents('vevent')
  expect(events).toHaveLength(1)
  return events[0] as NonNullable<(typeof events)[number]>
}

const sequenceOf = (ics: string) => Number(vevent(ics).getFirstPropertyValue('sequence') ?? 0)

beforeAll(async () => {
  smtp = await startSmtpSink({ refuse: (address) => (address.startsWith('rifiuta') ? 550 : null) })
  process.env.SMTP_URL = smtp.url
  payload = await (await import('../helpers/payload')).getPayload()
  rest = (await import('../helpers/payload')).rest
  wing = await import('../../cms/registrations')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('a cancelled date', () => {
  let event: Event
  let first: string
  let second: string
  let ids: Record<string, number>
  let beforeIcs: string
  let jobInput: unknown

  it('tells exactly the live bookings of that date, once each, with an .ics that cancels their entry', async () => {
    event = await registrable({
      start: helpers.romeAt(7, 10, 30),
      end: helpers.romeAt(7, 11, 30),
      recurrence: { frequency: 'weekly', count: 3 },
    })
    first = new Date(event.start).toISOString()
    second = helpers.romeAt(14, 10, 30)
    ids = {
      a: await book(event, first, 'anna@example.org'),
      b: await book(event, first, 'bruno@example.org', { adults: 2 }),
      waiting: await book(event, first, 'attesa@example.org'),
      offered: await book(event, first, 'offerta@example.org'),
      cancelled: await book(event, first, 'annullata@example.org'),
      purged: await book(event, first, 'cancellata@example.org'),
      other: await book(event, second, 'altra-data@example.org'),
    }
    const status = async (id: number, data: Record<string, unknown>) =>
      payload.update({ collection: 'registrations', id, data, overrideAccess: true })
    await status(ids.offered as number, { status: 'offered', offeredAt: new Date().toISOString() })
    await status(ids.cancelled as number, { status: 'cancelled', cancelledAt: new Date().toISOString() })
    await status(ids.purged as number, { email: null, name: null, purgedAt: new Date().toISOString() })
    const regs = await registrationsOf(event.id)
    expect(regs.find((r) => r.id === ids.waiting)?.status).toBe('waiting')
    await runMail()
    smtp.clear()
    const a = regs.find((r) => r.id === ids.a) as Registration
    beforeIcs = await wing.bookingCalendar(payload, { registration: a, event })

    await publish(event, { changedDates: [{ originalStart: first, status: 'cancelled' }] })
    // The save only queued the work: one job, no mail yet.
    const jobs = await noticeJobs()
    expect(jobs).toHaveLength(1)
    jobInput = jobs[0]?.input
    expect(smtp.received).toHaveLength(0)
    await runMail()

    const told = ['anna@example.org', 'bruno@example.org', 'attesa@example.org', 'offerta@example.org']
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual([...told].sort())
    for (const address of told) {
      const [mail] = await smtp.exactly(address, 1)
      expect(mail?.subject).toBe('Data annullata: Nati per Leggere')
      expect(mail?.text).toContain('è stata annullata, e con lei la tua iscrizione')
      expect(mail?.text).not.toContain('/iscrizioni/annulla?t=')
      const ics = calendarOf(mail as ParsedMail)
      const reg = regs.find((r) => r.email === address) as Registration
      const entry = vevent(ics)
      expect(entry.getFirstPropertyValue('uid')).toBe(wing.bookingUid(reg.id))
      expect(entry.getFirstPropertyValue('status')).toBe('CANCELLED')
      expect(sequenceOf(ics)).toBeGreaterThan(sequenceOf(beforeIcs))
      expect(expandIcs(ics)).toMatchObject([{ uid: wing.bookingUid(reg.id), start: first, status: 'CANCELLED' }])
      // A second, independent reader (python icalendar) sees the same entry, cancelled.
      const python = pythonExpand(ics, new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY))
      expect(python.dates).toMatchObject([{ uid: wing.bookingUid(reg.id), start: first, status: 'CANCELLED' }])
    }
    // Same UID as the booking's calendar entry before the change.
    expect(vevent(beforeIcs).getFirstPropertyValue('uid')).toBe(wing.bookingUid(ids.a as number))
  })

  it('cancels the bookings of that date and leaves the other date alone', async () => {
    const regs = await registrationsOf(event.id)
    for (const key of ['a', 'b', 'waiting', 'offered', 'cancelled', 'purged'])
      expect(
        regs.find((r) => r.id === ids[key]),
        key,
      ).toMatchObject({ status: 'cancelled', start: first })
    expect(regs.find((r) => r.id === ids.a)?.cancelledAt).toBeTruthy()
    expect(regs.find((r) => r.id === ids.other)).toMatchObject({ status: 'confirmed', start: second })
    expect(smtp.to('altra-data@example.org')).toHaveLength(0)
  })

  it('the notice records what changed, to how many, and that it went out', async () => {
    const [notice] = await noticesOf(event.id)
    expect(notice).toMatchObject({
      kind: 'cancelled',
      start: first,
      recipients: 4,
      noEmail: 1,
      sent: 4,
      failed: 0,
      system: net.systems.a,
      library: net.libraries.a1,
    })
    expect(notice?.title).toMatch(/^Data annullata: Nati per Leggere, /)
    expect(notice?.changes?.map((c) => [c.field, c.before, c.after])).toEqual([['Stato', 'In programma', 'Annullato']])
    expect(notice?.completedAt).toBeTruthy()
  })

  it('running the job again sends nothing twice', async () => {
    const before = smtp.received.length
    await payload.jobs.queue({ task: 'sendRegistrationNotices', input: jobInput as never, queue: 'mail' })
    await runMail()
    expect(await wing.sendRegistrationNotices(payload, jobInput)).toMatchObject({ notices: 1, sent: 4, failed: 0 })
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.received.length).toBe(before)
    expect(await noticesOf(event.id)).toHaveLength(1)
  })

  it('a run that comes back after a crash mails only the bookings its log does not mark sent', async () => {
    const [notice] = await noticesOf(event.id)
    const rows = (
      await payload.db.find({
        collection: 'notice-deliveries',
        where: { notice: { equals: notice?.id } },
        pagination: false,
      })
    ).docs as { id: number; registration: number }[]
    expect(rows).toHaveLength(4)
    // One row the dead run had claimed (on the wire), one it never reached.
    const [claimed, untouched] = rows as [(typeof rows)[number], (typeof rows)[number]]
    await payload.db.updateOne({ collection: 'notice-deliveries', id: claimed.id, data: { state: 'sending' } })
    await payload.db.updateOne({ collection: 'notice-deliveries', id: untouched.id, data: { state: 'queued' } })
    await payload.db.updateOne({ collection: 'notices', id: notice?.id as number, data: { completedAt: null } })
    const firstIds = new Map(smtp.received.map((r) => [r.to[0], r.mail.messageId]))
    smtp.clear()
    await wing.sendRegistrationNotices(payload, jobInput)
    const regs = await registrationsOf(event.id)
    const emailOf = (id: number) => regs.find((r) => r.id === id)?.email
    expect(smtp.received.map((r) => r.to[0]).sort()).toEqual(
      [emailOf(claimed.registration), emailOf(untouched.registration)].sort(),
    )
    // A repeat carries the Message-ID of its first copy (clients fold the two).
    for (const r of smtp.received) expect(r.mail.messageId).toBe(firstIds.get(r.to[0]))
    const [after] = await noticesOf(event.id)
    expect(after).toMatchObject({ sent: 4, failed: 0 })
    expect(after?.completedAt).toBeTruthy()
  })
})

describe('a moved date', () => {
  it('the bookings follow the date, the mail says before → after, the .ics moves the same entry', async () => {
    const event = await registrable({ start: helpers.romeAt(10, 10, 30), end: helpers.romeAt(10, 11, 30) })
    const oldStart = new Date(event.start).toISOString()
    const id = await book(event, oldStart, 'sposta@example.org', { children: [] })
    const en = await book(event, oldStart, 'moved@example.org', { language: 'en' })
    await runMail()
    smtp.clear()
    const newStart = helpers.romeAt(10, 16, 0)
    const newEnd = helpers.romeAt(10, 17, 0)
    await publish(event, { start: newStart, end: newEnd })
    await runMail()

    const [mail] = await smtp.exactly('sposta@example.org', 1)
    expect(mail?.subject).toBe('Cambio di data o orario: Nati per Leggere')
    const text = mail?.text ?? ''
    expect(text).toMatch(/Data e ora\s+Prima: \S+ \d+ \S+ \d{4}, 10:30–11:30\s+Ora: \S+ \d+ \S+ \d{4}, 16:00–17:00/)
    expect(text).toContain('La tua iscrizione resta valida')
    const ics = calendarOf(mail as ParsedMail)
    expect(expandIcs(ics)).toMatchObject([
      { uid: wing.bookingUid(id), start: newStart, end: newEnd, status: 'CONFIRMED' },
    ])
    // The cancel link of the mail works for the new date.
    const link = new URL(linkIn(mail as ParsedMail, 'http://localhost:4321/iscrizioni/annulla?t='))
    expect(await wing.checkCancelLink(payload, link.searchParams.get('t'))).toMatchObject({ ok: true, start: newStart })

    const [english] = await smtp.exactly('moved@example.org', 1)
    expect(english?.subject).toBe('New date or time: Nati per Leggere')
    expect(english?.text).toMatch(/Before: \S+ \d+ \S+ \d{4}, 10:30–11:30\s+Now: \S+ \d+ \S+ \d{4}, 16:00–17:00/)

    const regs = await registrationsOf(event.id)
    expect(regs.map((r) => [r.id, r.start, r.status])).toEqual([
      [id, newStart, 'confirmed'],
      [en, newStart, 'confirmed'],
    ])
    expect(await wing.placesLeft(payload, event.id, newStart)).toBe(1)
    const [notice] = await noticesOf(event.id)
    expect(notice).toMatchObject({ kind: 'moved', start: oldStart, recipients: 2, sent: 2 })
    expect(notice?.changes?.[0]?.field).toBe('Data e ora')
  })

  it('a moved date of a series takes its bookings; the series’ other dates keep theirs', async () => {
    const event = await registrable({
      start: helpers.romeAt(8, 17, 0),
      end: helpers.romeAt(8, 18, 0),
      recurrence: { frequency: 'weekly', count: 2 },
    })
    const first = new Date(event.start).toISOString()
    const second = helpers.romeAt(15, 17, 0)
    const one = await book(event, first, 'serie-1@example.org')
    const two = await book(event, second, 'serie-2@example.org')
    await runMail()
    smtp.clear()
    const moved = helpers.romeAt(16, 10, 0)
    await publish(event, { changedDates: [{ originalStart: second, start: moved }] })
    await runMail()
    await smtp.exactly('serie-2@example.org', 1)
    expect(smtp.to('serie-1@example.org')).toHaveLength(0)
    const regs = await registrationsOf(event.id)
    expect(regs.find((r) => r.id === one)?.start).toBe(first)
    expect(regs.find((r) => r.id === two)?.start).toBe(moved)
  })
})

describe('a new place', () => {
  it('a venue change sends a place notice; a refused address counts as failed', async () => {
    const event = await registrable({ start: helpers.romeAt(12, 10, 30), end: helpers.romeAt(12, 11, 30) })
    const start = new Date(event.start).toISOString()
    await book(event, start, 'luogo@example.org')
    await book(event, start, 'rifiuta@example.org')
    await runMail()
    smtp.clear()
    await publish(event, { venue: net.venues.a, placeNotes: 'Sala grande' })
    await runMail()
    const [mail] = await smtp.exactly('luogo@example.org', 1)
    expect(mail?.subject).toBe('Cambio di luogo: Nati per Leggere')
    expect(mail?.text).toMatch(/Luogo\s+Prima: Biblioteca di Dalmine\s+Ora: Teatro di Dalmine, Sala grande/)
    const entry = vevent(calendarOf(mail as ParsedMail))
    expect(String(entry.getFirstPropertyValue('location'))).toContain('Teatro di Dalmine')
    const [notice] = await noticesOf(event.id)
    expect(notice).toMatchObject({ kind: 'place', recipients: 2, sent: 1, failed: 1 })
    expect(notice?.changes?.map((c) => [c.field, c.before, c.after])).toEqual([
      ['Luogo', 'Biblioteca di Dalmine', 'Teatro di Dalmine, Sala grande'],
    ])
    expect(notice?.completedAt).toBeTruthy()
    expect((await registrationsOf(event.id)).every((r) => r.status === 'confirmed' && r.start === start)).toBe(true)
  })
})

describe('nobody is told', () => {
  it('about a title typo, a description, or a draft; the draft’s publication tells them', async () => {
    const event = await registrable({ start: helpers.romeAt(9, 10, 30), end: helpers.romeAt(9, 11, 30) })
    const start = new Date(event.start).toISOString()
    await book(event, start, 'nessuno@example.org')
    await runMail()
    smtp.clear()
    const jobs = (await noticeJobs()).length
    await publish(event, { title: 'Nati per Leggere!', summary: 'Storie per i più piccoli.' })
    await publish(event, { status: 'cancelled' }, { draft: true })
    expect(await noticeJobs()).toHaveLength(jobs)
    await runMail()
    expect(smtp.received).toHaveLength(0)
    expect(await noticesOf(event.id)).toHaveLength(0)
    expect((await registrationsOf(event.id))[0]?.status).toBe('confirmed')

    // Publishing that draft is the change: compared with the published version, not with the draft.
    await publish(event, { status: 'cancelled' })
    await runMail()
    const [mail] = await smtp.exactly('nessuno@example.org', 1)
    expect(mail?.subject).toBe('Data annullata: Nati per Leggere!')
    expect((await registrationsOf(event.id))[0]?.status).toBe('cancelled')
  })

  it('an event without live bookings: a change queues nothing at all', async () => {
    const event = await registrable({ start: helpers.romeAt(11, 10, 30), end: helpers.romeAt(11, 11, 30) })
    const cancelledOnly = await registrable({ start: helpers.romeAt(11, 15, 0), end: helpers.romeAt(11, 16, 0) })
    const id = await book(cancelledOnly, new Date(cancelledOnly.start).toISOString(), 'gia-annullata@example.org')
    await payload.update({ collection: 'registrations', id, data: { status: 'cancelled' }, overrideAccess: true })
    const jobs = (await noticeJobs()).length
    await publish(event, { status: 'cancelled' })
    await publish(cancelledOnly, { start: helpers.romeAt(11, 17, 0), end: helpers.romeAt(11, 18, 0) })
    expect(await noticeJobs()).toHaveLength(jobs)
  })
})

describe('who sees the notices', () => {
  it('the event system’s staff read them; another system’s editor and the public do not, and nobody reads the log', async () => {
    const [notice] = await payload
      .find({ collection: 'notices', limit: 1, overrideAccess: true, depth: 0 })
      .then((r) => r.docs as Notice[])
    expect(notice).toBeTruthy()
    const id = notice?.id as number
    const local = (user?: unknown) =>
      payload.find({
        collection: 'notices',
        where: { id: { equals: id } },
        overrideAccess: false,
        user: user as never,
        depth: 0,
      })
    expect((await local(net.as('editorA'))).docs).toHaveLength(1)
    expect((await local(net.as('contributorA1'))).docs).toHaveLength(1)
    expect((await local(net.as('editorB'))).docs).toHaveLength(0)
    expect((await local(net.as('contributorB1'))).docs).toHaveLength(0)
    await expect(local()).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.findByID({ collection: 'notices', id, overrideAccess: false, user: net.as('editorB') }),
    ).rejects.toMatchObject({ status: 404 })

    const editorB = await net.token('editorB')
    expect((await rest('GET', `/notices/${id}`, { token: editorB })).status).toBe(404)
    const list = await rest('GET', `/notices?where[id][equals]=${id}`, { token: editorB })
    expect(list).toMatchObject({ status: 200, json: { totalDocs: 0 } })
    expect((await rest('GET', `/notices/${id}`)).status).toBe(403)
    expect((await rest('GET', `/notices/${id}`, { token: await net.token('editorA') })).json).toMatchObject({ id })
    // Nobody edits a notice, not even the event's editor.
    const patch = await rest('PATCH', `/notices/${id}`, { token: await net.token('editorA'), body: { sent: 99 } })
    expect(patch.status).toBe(403)
    expect((await noticesOf(notice?.event as number)).find((n) => n.id === id)?.sent).toBe(notice?.sent)
    // The delivery log is server-only.
    expect((await rest('GET', '/notice-deliveries', { token: await net.token('admin') })).status).toBe(403)
  })
})
