// Following pages by email (issue 17), against real SQLite and a real SMTP server: a follow is confirmed by
// its own double opt-in on the newsletter's subscriber; a change of a followed event's or rassegna's date
// reaches each follower once, batched over the window, with the event's .ics (the feed's UID, a higher
// SEQUENCE); a save marked "don't notify" tells nobody; one-click removes one follow and keeps the others;
// the public can neither read nor write follows.
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event, Follow, FollowNotice, Subscriber } from '../../cms/payload-types'
import { eventUid } from '../../shared/event-uid'
import { parseCalendar } from '../helpers/ical-expand'
import { pythonExpand } from '../helpers/ical-python'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/follow')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let helpers: typeof import('../helpers/network')
let rest: typeof import('../helpers/payload').rest

const DAY = 86_400_000
const runMail = () => payload.jobs.run({ queue: 'mail', limit: 100 })

/** The window is 15 minutes: the test moves the notice jobs' time forward instead of waiting. */
const closeWindows = async () => {
  await payload.db.updateMany({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'sendFollowNotices' } },
    data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
  })
  await runMail()
}

const publish = (event: Event, data: Record<string, unknown>) =>
  payload.update({
    collection: 'events',
    id: event.id,
    data: { ...data, _status: 'published' } as never,
    overrideAccess: false,
    user: net.as('editorA'),
    depth: 0,
  }) as Promise<Event>

/** Follows a page as a visitor does and confirms from the mail's link; returns the confirmation mail. */
const follow = async (email: string, kind: 'events' | 'series', slug: string, language: 'it' | 'en' = 'it') => {
  const outcome = await wing.requestFollow(payload, {
    email,
    kind,
    slug,
    language,
    formUrl: 'http://localhost:4321/eventi/x',
    ip: '192.0.2.10',
  })
  expect(outcome).toBe('requested')
  await runMail()
  const mails = smtp.to(email)
  const mail = mails[mails.length - 1]?.mail as ParsedMail
  const prefix = `http://localhost:4321${language === 'en' ? '/en' : ''}/segui/conferma?token=`
  const token = new URL(linkIn(mail, prefix)).searchParams.get('token')
  expect(await wing.confirmFollow(payload, token)).toMatchObject({ ok: true })
  return mail
}

/** What a mail provider does with List-Unsubscribe-Post: a form POST, no cookie, no Origin. */
const oneClick = async (url: URL, body: string) => {
  const { handleEndpoints } = await import('payload')
  const config = (await import('../../cms/payload.config')).default
  const request = new Request(`http://localhost:3000${url.pathname}${url.search}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  })
  return handleEndpoints({ config, request, path: url.pathname })
}

const calendarOf = (mail: ParsedMail) => {
  const files = mail.attachments.filter((a) => a.filename === 'evento.ics')
  expect(files).toHaveLength(1)
  return (files[0] as ParsedMail['attachments'][number]).content.toString('utf8')
}

const masterOf = (ics: string) => {
  const events = parseCalendar(ics).getAllSubcomponents('vevent')
  const master = events.find((e) => !e.hasProperty('recurrence-id'))
  expect(master).toBeTruthy()
  return { events, master: master as NonNullable<typeof master> }
}

const noticesOf = async (event: number) =>
  (
    await payload.find({
      collection: 'follow-notices',
      where: { event: { equals: event } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs as FollowNotice[]

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  payload = await (await import('../helpers/payload')).getPayload()
  rest = (await import('../helpers/payload')).rest
  wing = await import('../../cms/follow')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('a follow', () => {
  it('is one subscriber per address, confirmed by its own link, and gets no newsletter', async () => {
    const event = await helpers.fixtureEvent(payload, net, { title: 'Incontro con l’autrice' })
    const mail = await follow('segue@example.org', 'events', event.slug as string)
    expect(mail.subject).toBe('Conferma: segui «Incontro con l’autrice»')
    await follow('segue@example.org', 'series', (await series('Rassegna di prova')).slug as string)
    const subscribers = (
      await payload.find({
        collection: 'subscribers',
        where: { email: { equals: 'segue@example.org' } },
        overrideAccess: true,
      })
    ).docs as Subscriber[]
    expect(subscribers).toHaveLength(1)
    expect(subscribers[0]).toMatchObject({ status: 'confirmed', preferences: { newsletter: false } })
    expect(subscribers[0]?.consent?.confirmedAt).toBeTruthy()
    const follows = (
      await payload.find({
        collection: 'follows',
        where: { subscriber: { equals: subscribers[0]?.id } },
        overrideAccess: true,
      })
    ).docs as Follow[]
    expect(follows.map((f) => f.state)).toEqual(['active', 'active'])
    const { exportSubscriber } = await import('../../cms/newsletter')
    const exported = await exportSubscriber(payload, subscribers[0]?.id as number)
    expect(exported?.follows.map((f) => f.title).sort()).toEqual(['Incontro con l’autrice', 'Rassegna di prova'])
  })

  it('an address that follows gets the newsletter only after confirming a newsletter sign-up of its own', async () => {
    const newsletter = await import('../../cms/newsletter')
    const { emptyPreferences } = await import('../../collections/Subscribers/preferences')
    const event = await helpers.fixtureEvent(payload, net, { title: 'Poi anche la newsletter' })
    await follow('poi-newsletter@example.org', 'events', event.slug as string)
    const stored = async () =>
      (
        await payload.find({
          collection: 'subscribers',
          where: { email: { equals: 'poi-newsletter@example.org' } },
          overrideAccess: true,
        })
      ).docs[0] as Subscriber
    expect((await stored()).preferences?.newsletter).toBe(false)
    await newsletter.subscribe(payload, {
      email: 'poi-newsletter@example.org',
      language: 'it',
      preferences: emptyPreferences(),
      weeklyDigest: true,
      formUrl: 'http://localhost:4321/newsletter',
      noticeVersion: newsletter.PRIVACY_NOTICE_VERSION,
      ip: null,
    })
    await runMail()
    const mail = smtp.to('poi-newsletter@example.org').at(-1)?.mail as ParsedMail
    expect(mail.subject).toBe('Conferma l’iscrizione alla newsletter delle biblioteche')
    // Until the link is used: still no newsletter, still following.
    expect(await stored()).toMatchObject({ status: 'confirmed', preferences: { newsletter: false } })
    const token = new URL(linkIn(mail, 'http://localhost:4321/newsletter/conferma?token=')).searchParams.get('token')
    expect(await newsletter.confirm(payload, token)).toMatchObject({ ok: true })
    expect(await stored()).toMatchObject({ status: 'confirmed', preferences: { newsletter: true } })
    expect(
      await payload.count({
        collection: 'follows',
        where: { title: { equals: 'Poi anche la newsletter' } },
        overrideAccess: true,
      }),
    ).toMatchObject({ totalDocs: 1 })
  })

  it('an unconfirmed request is purged with its follow after the confirmation window', async () => {
    const event = await helpers.fixtureEvent(payload, net, { title: 'Mai confermato' })
    const long = new Date(Date.now() - 8 * DAY)
    expect(
      await wing.requestFollow(
        payload,
        {
          email: 'mai@example.org',
          kind: 'events',
          slug: event.slug as string,
          language: 'it',
          formUrl: 'x',
          ip: null,
        },
        long,
      ),
    ).toBe('requested')
    const { purgeUnconfirmed } = await import('../../cms/newsletter')
    expect(await purgeUnconfirmed(payload)).toBeGreaterThanOrEqual(1)
    const left = await payload.count({
      collection: 'follows',
      where: { title: { equals: 'Mai confermato' } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
  })

  it('a link used once does not confirm again', async () => {
    const event = await helpers.fixtureEvent(payload, net, { title: 'Due volte' })
    const mail = await follow('due-volte@example.org', 'events', event.slug as string)
    const token = new URL(linkIn(mail, 'http://localhost:4321/segui/conferma?token=')).searchParams.get('token')
    expect(await wing.confirmFollow(payload, token)).toMatchObject({ ok: false, reason: 'used' })
  })

  it('anonymous requests can neither read nor create follows through the REST API', async () => {
    const before = (await payload.count({ collection: 'follows', overrideAccess: true })).totalDocs
    expect((await rest('GET', '/follows')).status).toBe(403)
    const created = await rest('POST', '/follows', {
      body: { subscriber: 1, kind: 'events', targetId: 1, title: 'x', state: 'active' },
    })
    expect(created.status).toBe(403)
    expect((await payload.count({ collection: 'follows', overrideAccess: true })).totalDocs).toBe(before)
    expect((await rest('GET', '/follow-notices')).status).toBe(403)
  })
})

const series = async (title: string) =>
  payload.create({
    collection: 'series',
    data: { title, system: net.systems.a } as never,
    overrideAccess: true,
    depth: 0,
  })

describe('a cancelled date of a followed rassegna', () => {
  it('reaches every follower once, with the event’s .ics: same UID, higher SEQUENCE', async () => {
    const rassegna = await series('Nati per Leggere d’inverno')
    const event = await helpers.fixtureEvent(payload, net, {
      title: 'Letture del sabato',
      series: rassegna.id,
      start: helpers.romeAt(7, 10, 30),
      end: helpers.romeAt(7, 11, 30),
      recurrence: { frequency: 'weekly', count: 3 },
    })
    await follow('anna@example.org', 'series', rassegna.slug as string)
    await follow('bruno@example.org', 'series', rassegna.slug as string, 'en')
    // Follows both the event and its rassegna: still one mail.
    await follow('carla@example.org', 'series', rassegna.slug as string)
    await follow('carla@example.org', 'events', event.slug as string)
    const beforeIcs = await wing.followCalendar(payload, event)
    smtp.clear()

    const first = new Date(event.start).toISOString()
    await publish(event, { changedDates: [{ originalStart: first, status: 'cancelled' }] })
    await runMail()
    expect(smtp.received).toHaveLength(0) // the window is still open
    await closeWindows()

    for (const address of ['anna@example.org', 'bruno@example.org', 'carla@example.org']) {
      const [mail] = await smtp.exactly(address, 1)
      const ics = calendarOf(mail as ParsedMail)
      const { master, events } = masterOf(ics)
      expect(master.getFirstPropertyValue('uid')).toBe(eventUid(event.id))
      expect(Number(master.getFirstPropertyValue('sequence'))).toBeGreaterThan(
        Number(masterOf(beforeIcs).master.getFirstPropertyValue('sequence')),
      )
      const cancelled = events.find((e) => e.hasProperty('recurrence-id'))
      expect(cancelled?.getFirstPropertyValue('status')).toBe('CANCELLED')
      const python = pythonExpand(ics, new Date(Date.now() - DAY), new Date(Date.now() + 30 * DAY))
      expect(python.dates.find((d) => d.start === first)).toMatchObject({
        uid: eventUid(event.id),
        status: 'CANCELLED',
      })
      const raw = smtp.to(address)[0]?.raw.toString('utf8') ?? ''
      expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m)
      expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/follows\/one-click\?token=/m)
    }
    const [anna] = smtp.to('anna@example.org')
    expect(anna?.mail.subject).toBe('Cambiamenti: Letture del sabato')
    expect(anna?.mail.text).toMatch(/Stato: Prima In programma → Ora Annullato/)
    const [bruno] = smtp.to('bruno@example.org')
    expect(bruno?.mail.subject).toBe('Changes: Letture del sabato')
    const [notice] = await noticesOf(event.id)
    expect(notice).toMatchObject({ state: 'sent', recipients: 3, sent: 3, failed: 0 })
  })
})

describe('batching and silence', () => {
  it('three edits within the window make one mail, saying before → after of the first and the last', async () => {
    const event = await helpers.fixtureEvent(payload, net, {
      title: 'Laboratorio di fumetto',
      start: helpers.romeAt(12, 16, 0),
      end: helpers.romeAt(12, 17, 0),
    })
    await follow('tre@example.org', 'events', event.slug as string)
    smtp.clear()
    await publish(event, { start: helpers.romeAt(12, 17, 0), end: helpers.romeAt(12, 18, 0) })
    await publish(event, { start: helpers.romeAt(12, 17, 30), end: helpers.romeAt(12, 18, 30) })
    await publish(event, { venue: net.venues.a })
    expect(await noticesOf(event.id)).toHaveLength(1)
    await closeWindows()
    const [mail] = await smtp.exactly('tre@example.org', 1)
    expect(mail?.text).toMatch(/Data e ora: Prima \S+ \d+ \S+ \d{4}, 16:00–17:00 → Ora \S+ \d+ \S+ \d{4}, 17:30–18:30/)
    expect(mail?.text).toMatch(/Luogo: Prima/)
  })

  it('a save marked "don\'t notify" tells nobody', async () => {
    const event = await helpers.fixtureEvent(payload, net, {
      title: 'Refuso',
      start: helpers.romeAt(9, 10, 0),
      end: helpers.romeAt(9, 11, 0),
    })
    await follow('refuso@example.org', 'events', event.slug as string)
    smtp.clear()
    await publish(event, { start: helpers.romeAt(9, 10, 5), end: helpers.romeAt(9, 11, 5), notifyFollowers: false })
    expect(await noticesOf(event.id)).toHaveLength(0)
    await closeWindows()
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.to('refuso@example.org')).toHaveLength(0)
  })

  it('sold out and reopened is news to followers', async () => {
    const event = await helpers.fixtureEvent(payload, net, { title: 'Posti esauriti' })
    await follow('esaurito@example.org', 'events', event.slug as string)
    smtp.clear()
    await publish(event, { status: 'full' })
    await closeWindows()
    await smtp.exactly('esaurito@example.org', 1)
    await publish(event, { status: 'scheduled' })
    await closeWindows()
    const mails = await smtp.exactly('esaurito@example.org', 2)
    expect(mails[1]?.text).toMatch(/Stato: Prima Esaurito → Ora In programma/)
  })
})

describe('unfollowing', () => {
  it('one-click removes that follow only: the others keep their notices', async () => {
    const one = await helpers.fixtureEvent(payload, net, { title: 'Primo evento', start: helpers.romeAt(8, 9, 0) })
    const two = await helpers.fixtureEvent(payload, net, { title: 'Secondo evento', start: helpers.romeAt(8, 15, 0) })
    await follow('resta@example.org', 'events', one.slug as string)
    await follow('resta@example.org', 'events', two.slug as string)
    smtp.clear()
    await publish(one, { status: 'postponed' })
    await closeWindows()
    const [mail] = await smtp.exactly('resta@example.org', 1)
    expect(mail).toBeTruthy()
    const raw = smtp.to('resta@example.org')[0]?.raw.toString('utf8') ?? ''
    const url = new URL((raw.match(/^List-Unsubscribe: <(http[^>]+)>/m) as RegExpMatchArray)[1] as string)
    // A GET (a mail scanner following the link) removes nothing: it is sent to the page that asks.
    const followed = { title: { in: ['Primo evento', 'Secondo evento'] } }
    const got = await rest('GET', `/follows/one-click${url.search}`)
    expect(got.status).toBe(303)
    expect((await payload.count({ collection: 'follows', where: followed, overrideAccess: true })).totalDocs).toBe(2)
    // Without the RFC 8058 body nothing is removed; with it, the follow goes.
    expect((await oneClick(url, '')).status).toBe(400)
    expect((await oneClick(url, 'List-Unsubscribe=One-Click')).status).toBe(200)
    const left = (
      await payload.find({
        collection: 'follows',
        where: { title: { in: ['Primo evento', 'Secondo evento'] } },
        overrideAccess: true,
      })
    ).docs as Follow[]
    expect(left.map((f) => f.title)).toEqual(['Secondo evento'])
    smtp.clear()
    await publish(one, { status: 'cancelled' })
    await publish(two, { status: 'cancelled' })
    await closeWindows()
    const [only] = await smtp.exactly('resta@example.org', 1)
    expect(only?.subject).toBe('Cambiamenti: Secondo evento')
  })
})

describe('new events on a followed page', () => {
  it('come in one mail a day listing each followed page’s new events; nothing when nothing is new', async () => {
    const rassegna = await series('Incontri d’autore')
    const other = await series('Un’altra rassegna')
    await follow('novita@example.org', 'series', rassegna.slug as string)
    await follow('novita@example.org', 'series', other.slug as string)
    await follow('nessuna-novita@example.org', 'series', other.slug as string)
    smtp.clear()
    await helpers.fixtureEvent(payload, net, { title: 'Serata con l’autrice', series: rassegna.id })
    await helpers.fixtureEvent(payload, net, { title: 'Seconda serata', series: rassegna.id })
    await helpers.fixtureEvent(payload, net, { title: 'Ancora in bozza', series: rassegna.id, _status: 'draft' })
    const result = await wing.sendFollowDigests(payload, new Date(Date.now() + 1000))
    expect(result).toMatchObject({ sent: 1, failed: 0 })
    const [mail] = await smtp.exactly('novita@example.org', 1)
    expect(mail?.subject).toBe('Nuovi eventi: Incontri d’autore')
    expect(mail?.text).toContain('Serata con l’autrice')
    expect(mail?.text).toContain('Seconda serata')
    expect(mail?.text).not.toContain('Ancora in bozza')
    expect(mail?.text).not.toContain('Un’altra rassegna')
    expect(smtp.to('nessuna-novita@example.org')).toHaveLength(0)
    const raw = smtp.to('novita@example.org')[0]?.raw.toString('utf8') ?? ''
    expect(raw).toMatch(/^List-Unsubscribe: <http:\/\/localhost:3000\/api\/subscribers\/one-click\?token=/m)
    // The same day again: nothing new, no mail.
    expect(await wing.sendFollowDigests(payload, new Date(Date.now() + 2000))).toMatchObject({ sent: 0 })
    await new Promise((r) => setTimeout(r, 300))
    expect(smtp.to('novita@example.org')).toHaveLength(1)
  })
})
