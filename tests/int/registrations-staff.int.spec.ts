// Staff-only events (issue 14): internal training exists only for logged-in staff. The public never reads it
// (REST, Local API, every page, feed and file of the site, the newsletters); staff of every role see it in the
// internal agenda and book themselves on it through the registrations endpoints, with the same book().
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import type { StaffUser } from '../../cms/registrations'
import { SLUGS } from '../../collections/slugs'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let net: Net
let helpers: typeof import('../helpers/network')
let rest: typeof import('../helpers/payload').rest
let wing: typeof import('../../cms/registrations')
let training: Event
let reading: Event
let trainingDates: string[]

const TRAINING = 'Formazione riservata: catalogazione zibaldonica'

const countRegistrations = async () =>
  (await payload.count({ collection: SLUGS.registrations, overrideAccess: true })).totalDocs

/** A form POST as the admin view sends it (urlencoded), through Payload's own HTTP handler. */
const postForm = async (path: string, fields: Record<string, string>, token?: string) => {
  const config = (await import('../../cms/payload.config')).default
  const request = new Request(`http://localhost:3000/api${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(token ? { authorization: `JWT ${token}` } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })
  const response = await handleEndpoints({ config, request, path: `/api${path}` })
  return { status: response.status, location: response.headers.get('location'), text: await response.text() }
}

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  const p = await import('../helpers/payload')
  payload = await p.getPayload()
  rest = p.rest
  wing = await import('../../cms/registrations')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
  training = await helpers.fixtureEvent(payload, net, {
    title: TRAINING,
    summary: 'Corso interno per il personale.',
    staffOnly: true,
    featured: true,
    system: net.systems.b,
    library: net.libraries.b1,
    recurrence: { frequency: 'weekly', interval: 1, count: 2 },
    registration: { mode: 'required', places: 4, maxPerBooking: 3, waitingList: false },
  })
  reading = await helpers.fixtureEvent(payload, net, {
    title: 'Letture zibaldoniche per tutti',
    featured: true,
    registration: { mode: 'required', places: 10, maxPerBooking: 4 },
  })
  const rows = await payload.find({
    collection: SLUGS.occurrences,
    where: { event: { equals: training.id } },
    sort: 'start',
    depth: 0,
    overrideAccess: true,
  })
  trainingDates = rows.docs.map((o) => new Date(o.start).toISOString())
}, 120_000)

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('the public never reads a staff-only event', () => {
  it('its occurrence rows carry the flag, copied from the event', async () => {
    const rows = await payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: training.id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(rows.docs).toHaveLength(2)
    expect(rows.docs.every((o) => o.staffOnly === true)).toBe(true)
  })

  it('anonymous REST finds neither the event nor its dates, by id, by list or by asking for the flag', async () => {
    expect((await rest('GET', `/events/${training.id}`)).status).toBe(404)
    expect((await rest('GET', `/events/${reading.id}`)).status).toBe(200)
    const flagged = await rest('GET', '/events?where[staffOnly][equals]=true')
    expect(flagged.json.totalDocs).toBe(0)
    const dates = await rest('GET', `/occurrences?where[event][equals]=${training.id}`)
    expect(dates.status).toBe(200)
    expect(dates.json.totalDocs).toBe(0)
    const all = await rest('GET', '/occurrences?limit=100&depth=0')
    expect(all.json.docs.map((o: { event: number }) => o.event)).toContain(reading.id)
    expect(all.json.docs.map((o: { event: number }) => o.event)).not.toContain(training.id)
    expect((await rest('GET', '/occurrences/count')).json.totalDocs).toBe(all.json.totalDocs)
  })

  it('the Local API as the public (overrideAccess: false, no user) finds nothing of it either', async () => {
    const events = await payload.find({ collection: SLUGS.events, limit: 100, depth: 0, overrideAccess: false })
    expect(events.docs.map((e) => e.id)).toEqual([reading.id])
    const byId = await payload.findByID({
      collection: SLUGS.events,
      id: training.id,
      depth: 0,
      disableErrors: true,
      overrideAccess: false,
    })
    expect(byId).toBeNull()
    const dates = await payload.count({
      collection: SLUGS.occurrences,
      where: { event: { equals: training.id } },
      overrideAccess: false,
    })
    expect(dates.totalDocs).toBe(0)
  })

  it('staff of every role read it, over REST and through the Local API', async () => {
    for (const who of helpers.STAFF_KEYS) {
      const res = await rest('GET', `/events/${training.id}?depth=0`, { token: await net.token(who) })
      expect(res.status, who).toBe(200)
      expect(res.json.title, who).toBe(TRAINING)
      const dates = await payload.count({
        collection: SLUGS.occurrences,
        where: { event: { equals: training.id } },
        overrideAccess: false,
        user: net.as(who),
      })
      expect(dates.totalDocs, who).toBe(2)
    }
  })

  it('a partner organisation’s account is not staff: it reads neither the event nor its dates', async () => {
    const res = await rest('GET', `/events/${training.id}?depth=0`, { token: await net.token('partnerA') })
    expect(res.status).toBe(404)
    const dates = await payload.count({
      collection: SLUGS.occurrences,
      where: { event: { equals: training.id } },
      overrideAccess: false,
      user: net.as('partnerA'),
    })
    expect(dates.totalDocs).toBe(0)
  })

  it('the site leaves it out everywhere: agenda (index and database), month, JSON, RSS, iCal, sitemap, home, pages', async () => {
    const { findAgendaPage, findOccurrences, resolveFilters, whereOf } = await import('../../site/lib/agenda')
    const { parseFilters } = await import('../../site/lib/filters')
    const { clearPageCache } = await import('../../site/lib/page-cache')
    const { currentSearchIndex } = await import('../../site/lib/search/sync')
    const { calendarView } = await import('../../site/lib/calendar')
    const { openDataPage } = await import('../../site/lib/open-data')
    const { rssFeed } = await import('../../site/lib/feeds')
    const { sitemapEvents, sitemapPages } = await import('../../site/lib/sitemap')
    const { filterFeed, eventFeed } = await import('../../site/lib/ical/feed')
    const { findEventBySlug } = await import('../../site/lib/events')
    const { homeView } = await import('../../site/lib/home')
    const { entityView, findEntity } = await import('../../site/lib/entities')

    clearPageCache()
    let index = await currentSearchIndex({ wait: true })
    for (let i = 0; !index && i < 200; i++) {
      await new Promise((r) => setTimeout(r, 50))
      index = await currentSearchIndex({ wait: true })
    }
    expect(index).not.toBeNull()
    const resolved = await resolveFilters(parseFilters(new URLSearchParams('q=zibaldonic')))
    const fromIndex = index?.query(resolved, { page: 1, limit: 50 })
    const fromDb = await findOccurrences(whereOf(resolved), { page: 1, limit: 50 })
    expect(fromDb.items.map((o) => o.title)).toEqual(['Letture zibaldoniche per tutti'])
    expect(fromIndex?.ids).toEqual(fromDb.items.map((o) => String(o.id)))
    expect(index?.size).toBe((await payload.count({ collection: SLUGS.occurrences, overrideAccess: false })).totalDocs)
    const agenda = await findAgendaPage(parseFilters(new URLSearchParams('q=formazione')))
    expect(agenda.totalDocs).toBe(0)

    const month = trainingDates[0]?.slice(0, 7) as string
    expect(JSON.stringify(await calendarView(new URLSearchParams(`mese=${month}`), 'it'))).not.toContain(TRAINING)
    const json = JSON.stringify(await openDataPage(new URLSearchParams()))
    expect(json).toContain('Letture zibaldoniche per tutti')
    expect(json).not.toContain(TRAINING)
    const rss = await rssFeed(new URLSearchParams())
    expect(rss).toContain('Letture zibaldoniche per tutti')
    expect(rss).not.toContain(TRAINING)
    const ics = await filterFeed({
      filters: parseFilters(new URLSearchParams()),
      feedPath: '/calendario.ics',
      pagePath: '/eventi',
    })
    expect(ics.ics).toContain('Letture zibaldoniche per tutti')
    expect(ics.ics).not.toContain(TRAINING)
    expect(await eventFeed(training.slug as string)).toBeNull()
    const map = (await sitemapPages()) + (await sitemapEvents(1))
    expect(map).toContain(`/eventi/${reading.slug}`)
    expect(map).not.toContain(`/eventi/${training.slug}`)
    expect(await findEventBySlug(training.slug as string)).toBeNull()
    expect(await findEventBySlug(reading.slug as string)).not.toBeNull()
    const home = JSON.stringify(await homeView('it'))
    expect(home).toContain('Letture zibaldoniche per tutti') // featured, like the training
    expect(home).not.toContain(TRAINING)
    const library = await findEntity(
      'biblioteca',
      (await payload.findByID({ collection: SLUGS.libraries, id: net.libraries.b1, overrideAccess: true }))
        .slug as string,
    )
    expect(library).not.toBeNull()
    expect(JSON.stringify(await entityView('biblioteca', library as never, 'it'))).not.toContain(TRAINING)
  })

  it('newsletters never carry it: the mail’s event items skip it and an editor cannot pick it', async () => {
    const { findEventItems } = await import('../../cms/newsletter/campaigns/events')
    const items = await findEventItems(payload, { event: { in: [training.id, reading.id] } }, 50)
    expect(items.map((i) => i.title)).toEqual(['Letture zibaldoniche per tutti'])
    const before = (await payload.count({ collection: SLUGS.newsletters, overrideAccess: true })).totalDocs
    const res = await rest('POST', '/newsletters', {
      token: await net.token('editorB'),
      body: { subject: 'Novità', system: net.systems.b, events: [training.id] },
    })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].data.errors.map((e: { path: string }) => e.path)).toEqual(['events'])
    expect((await payload.count({ collection: SLUGS.newsletters, overrideAccess: true })).totalDocs).toBe(before)
  })
})

describe('the internal agenda and staff bookings', () => {
  it('lists the staff-only dates of the whole network for staff of every role, and nothing for anyone else', async () => {
    for (const who of helpers.STAFF_KEYS) {
      const dates = await wing.staffAgenda(payload, net.as(who) as unknown as StaffUser)
      expect(
        dates.map((d) => [d.event.title, d.start]),
        who,
      ).toEqual(trainingDates.map((start) => [TRAINING, start]))
      expect(dates[0], who).toMatchObject({
        system: 'Valle Seriana',
        library: 'Biblioteca di Albino',
        state: 'open',
        left: 4,
      })
    }
    expect(await wing.staffAgenda(payload, null)).toEqual([])
    expect(await wing.staffAgenda(payload, net.as('partnerA') as unknown as StaffUser)).toEqual([])
  })

  it('a librarian of another system books themselves and a colleague, gets the mail, and sees it in the agenda', async () => {
    smtp.clear()
    const me = net.users.contributorA1
    const token = await net.token('contributorA1')
    const res = await rest('POST', '/registrations/staff-book', {
      token,
      body: { event: training.id, start: trainingDates[0], colleagues: 1 },
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({ ok: true, status: 'confirmed' })
    const row = await payload.findByID({
      collection: SLUGS.registrations,
      id: res.json.id,
      depth: 0,
      overrideAccess: true,
    })
    expect(row).toMatchObject({ name: 'contributorA1', email: me.email, adults: 2, people: 2, status: 'confirmed' })
    expect(row.system).toBe(net.systems.b) // the organiser's: the bookings belong to the event's system

    const agenda = await wing.staffAgenda(payload, net.as('contributorA1') as unknown as StaffUser)
    expect(agenda[0]).toMatchObject({ left: 2, mine: { id: row.id, status: 'confirmed', people: 2 } })
    expect(agenda[1]?.mine).toBeNull()
    // Someone else sees the places taken, not the booking.
    const other = await wing.staffAgenda(payload, net.as('editorA') as unknown as StaffUser)
    expect(other[0]).toMatchObject({ left: 2, mine: null })

    await payload.jobs.run({ queue: 'mail', limit: 50 })
    const [mail] = smtp.to(me.email)
    expect(mail).toBeDefined()
    // The mail points to the internal agenda, never to a public page that does not exist.
    const text = mail?.mail.text ?? ''
    expect(text).toContain(TRAINING)
    expect(text).toContain('http://localhost:3000/admin/agenda-interna')
    expect(text).not.toContain(`/eventi/${training.slug}`)
    expect(linkIn(mail?.mail as never, 'http://localhost:4321/iscrizioni/gestisci?t=')).toBeTruthy()
  })

  it('the same person cannot book the same date twice', async () => {
    const before = await countRegistrations()
    const res = await rest('POST', '/registrations/staff-book', {
      token: await net.token('contributorA1'),
      body: { event: training.id, start: trainingDates[0], colleagues: 0 },
    })
    expect(res.status).toBe(409)
    expect(res.json).toMatchObject({ code: 'already', error: 'Data: sei già iscritto/a a questa data.' })
    expect(await countRegistrations()).toBe(before)
  })

  it('the admin view’s plain form books and cancels, answering 303 back to the agenda with the outcome', async () => {
    const token = await net.token('networkEditor')
    const booked = await postForm(
      '/registrations/staff-book',
      { event: String(training.id), start: trainingDates[1] as string, colleagues: '' },
      token,
    )
    expect(booked.status).toBe(303)
    expect(booked.location).toBe('/admin/agenda-interna?esito=confirmed#esito')
    const mine = (await wing.staffAgenda(payload, net.as('networkEditor') as unknown as StaffUser))[1]?.mine
    expect(mine).toMatchObject({ status: 'confirmed', people: 1 })

    const tooMany = await postForm(
      '/registrations/staff-book',
      { event: String(training.id), start: trainingDates[0] as string, colleagues: '5' },
      await net.token('editorB'),
    )
    expect(tooMany.location).toBe('/admin/agenda-interna?esito=tooMany&n=3#esito')

    const cancelled = await postForm('/registrations/staff-cancel', { registration: String(mine?.id) }, token)
    expect(cancelled.status).toBe(303)
    expect(cancelled.location).toBe('/admin/agenda-interna?esito=cancelled#esito')
    const row = await payload.findByID({
      collection: SLUGS.registrations,
      id: mine?.id as number,
      overrideAccess: true,
    })
    expect(row).toMatchObject({ status: 'cancelled', tokenNonce: null })
    expect((await wing.staffAgenda(payload, net.as('networkEditor') as unknown as StaffUser))[1]?.mine).toBeNull()
  })

  it('nobody cancels someone else’s booking: 404, and the booking stays', async () => {
    const [mine] = (await wing.staffAgenda(payload, net.as('contributorA1') as unknown as StaffUser)).map((d) => d.mine)
    const res = await rest('POST', '/registrations/staff-cancel', {
      token: await net.token('admin'),
      body: { registration: mine?.id },
    })
    expect(res.status).toBe(404)
    expect(res.json.error).toContain('non c’è una tua iscrizione')
    const row = await payload.findByID({
      collection: SLUGS.registrations,
      id: mine?.id as number,
      overrideAccess: true,
    })
    expect(row.status).toBe('confirmed')
  })

  it('without a login the endpoints answer 401 in Italian and write nothing', async () => {
    const before = await countRegistrations()
    const json = await rest('POST', '/registrations/staff-book', {
      body: { event: training.id, start: trainingDates[1], colleagues: 0 },
    })
    expect(json.status).toBe(401)
    expect(json.json.error).toBe('Accesso riservato al personale: accedi al pannello di amministrazione e riprova.')
    const form = await postForm('/registrations/staff-book', {
      event: String(training.id),
      start: trainingDates[1] as string,
    })
    expect(form.status).toBe(401)
    const cancel = await rest('POST', '/registrations/staff-cancel', { body: { registration: 1 } })
    expect(cancel.status).toBe(401)
    expect(await countRegistrations()).toBe(before)
  })

  it('bad input gets 400 (or 409 for a date) with an Italian message naming the field, and writes nothing', async () => {
    const before = await countRegistrations()
    const token = await net.token('editorB')
    const cases: [Record<string, unknown>, number, string][] = [
      [{ event: 'abc', start: trainingDates[1], colleagues: 0 }, 400, 'Evento:'],
      [{ event: training.id, start: 'domani', colleagues: 0 }, 400, 'Data:'],
      [{ event: training.id, start: trainingDates[1], colleagues: 99 }, 400, 'Colleghi:'],
      [{ event: training.id, start: trainingDates[1], colleagues: -1 }, 400, 'Colleghi:'],
      [{ event: training.id, start: trainingDates[1], colleagues: 4 }, 400, 'Persone: al massimo 3'],
      [{ event: training.id, start: new Date(Date.now() + 3 * 86_400_000).toISOString(), colleagues: 0 }, 409, 'Data:'],
      [
        { event: reading.id, start: new Date(reading.start).toISOString(), colleagues: 0 },
        400,
        'riservato al personale',
      ],
      [{ event: 999_999, start: trainingDates[1], colleagues: 0 }, 400, 'Evento:'],
    ]
    for (const [body, status, message] of cases) {
      const res = await rest('POST', '/registrations/staff-book', { token, body })
      expect(res.status, JSON.stringify(body)).toBe(status)
      expect(res.json.error, JSON.stringify(body)).toContain(message)
    }
    const notJson = await rest('POST', '/registrations/staff-book', {
      token,
      body: undefined,
      headers: { 'content-type': 'text/plain' },
    })
    expect(notJson.status).toBe(400)
    const badCancel = await rest('POST', '/registrations/staff-cancel', { token, body: { registration: 'x' } })
    expect(badCancel.status).toBe(400)
    expect(badCancel.json.error).toContain('Iscrizione:')
    expect(await countRegistrations()).toBe(before)
  })
})

describe('the public booking form', () => {
  it('refuses a staff-only event as if it did not exist (book() without the staff source), and writes nothing', async () => {
    const before = await countRegistrations()
    const result = await wing.book(payload, {
      event: training.id,
      start: trainingDates[0] as string,
      adults: 1,
      name: 'Persona Esterna',
      email: 'esterna@example.org',
    })
    expect(result).toMatchObject({ ok: false, code: 'noEvent' })
    expect(await countRegistrations()).toBe(before)
  })
})
