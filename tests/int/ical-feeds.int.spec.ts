import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { APIContext } from 'astro'
import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import { romeDay, startOfRomeDay } from '../../collections/lib/recurrence'
import { buildWhere, findOccurrences } from '../../site/lib/agenda'
import { parseFilters } from '../../site/lib/filters'
import { feedIsTruncated } from '../../site/lib/ical/feed'
import { feedHorizon } from '../../site/lib/ical/horizon'
import { clearFeedCache } from '../../site/lib/ical/http'
import { forgetDataVersion } from '../../site/lib/ical/version'
import { eventUid } from '../../site/lib/urls'
import { GET as bibliotecaFeed } from '../../site/pages/biblioteche/[slug]/calendario.ics'
import { GET as agendaFeed } from '../../site/pages/calendario.ics'
import { GET as campagnaFeed } from '../../site/pages/campagne/[slug]/calendario.ics'
import { GET as eventIcs } from '../../site/pages/eventi/[slug].ics'
import { GET as festivalFeed } from '../../site/pages/festival/[slug]/calendario.ics'
import { GET as rassegnaFeed } from '../../site/pages/rassegne/[slug]/calendario.ics'
import { GET as sistemaFeed } from '../../site/pages/sistemi/[slug]/calendario.ics'
import { expandIcs, parseCalendar } from '../helpers/ical-expand'
import { pythonExpand } from '../helpers/ical-python'
import { buildNetwork, eventData, type Network, romeAt } from '../helpers/network'
import { getPayload } from '../helpers/payload'

type Route = (context: APIContext) => Response | Promise<Response>

const DAY = 86_400_000

/** A GET through the endpoint exactly as Astro calls it. */
const get = async (
  route: Route,
  path: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
) =>
  route({
    request: new Request(`http://localhost:4321${path}`, { headers }),
    params,
    url: new URL(`http://localhost:4321${path}`),
  } as unknown as APIContext)

const text = async (route: Route, path: string, params: Record<string, string> = {}) => {
  const res = await get(route, path, params)
  expect(res.status, await res.clone().text()).toBe(200)
  return res.text()
}

const ICAL_STATUS: Record<string, string> = { cancelled: 'CANCELLED', postponed: 'TENTATIVE' }

/** What /eventi.json lists for a filter between two Rome days (the agenda query, same as the pages). */
const agendaDates = async (query: string, fromDay: string, lastDay: string) => {
  const filters = { ...parseFilters(new URLSearchParams(query)), da: fromDay, a: lastDay }
  const { items, totalDocs } = await findOccurrences(await buildWhere(filters), { limit: 2000 })
  expect(items.length).toBe(totalDocs)
  return items
    .map((o) => ({
      uid: eventUid(typeof o.event === 'object' ? o.event.id : o.event),
      start: o.allDay ? romeDay(new Date(o.start)) : new Date(o.start).toISOString(),
      status: ICAL_STATUS[o.status ?? ''] ?? 'CONFIRMED',
    }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid))
}

const romeMidnight = (isoDay: string) => startOfRomeDay(new Date(`${isoDay}T12:00:00Z`))
const dayAfter = (isoDay: string) => new Date(Date.parse(`${isoDay}T00:00:00Z`) + DAY).toISOString().slice(0, 10)

let payload: Payload
let net: Network
const slugs = {} as Record<
  'systemA' | 'systemB' | 'libraryB1' | 'category' | 'audience' | 'campaign' | 'series' | 'festival',
  string
>
const ids = {} as Record<
  'oneOff' | 'weekly' | 'exhibition' | 'boundary' | 'cancelled' | 'draft' | 'past' | 'far' | 'daily' | 'tagged',
  number
>
const eventSlugs = {} as Record<keyof typeof ids, string>

const create = async (key: keyof typeof ids, data: Partial<Event> & Record<string, unknown>) => {
  const doc = await payload.create({
    collection: 'events',
    data: { _status: 'published', ...eventData(net), ...data } as never,
    overrideAccess: true, // fixtures, not a person's request
    depth: 0,
  })
  ids[key] = doc.id
  eventSlugs[key] = doc.slug as string
  return doc
}

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  const slugOf = async (collection: 'systems' | 'libraries' | 'categories' | 'audiences' | 'campaigns', id: number) =>
    (await payload.findByID({ collection, id, depth: 0, overrideAccess: true })).slug as string
  slugs.systemA = await slugOf('systems', net.systems.a)
  slugs.systemB = await slugOf('systems', net.systems.b)
  slugs.libraryB1 = await slugOf('libraries', net.libraries.b1)
  slugs.category = await slugOf('categories', net.category)
  slugs.audience = await slugOf('audiences', net.audience)
  slugs.campaign = await slugOf('campaigns', net.campaign)
  await payload.update({
    collection: 'systems',
    id: net.systems.b,
    data: { email: 'info@valleseriana.example.org' },
    overrideAccess: true,
  })
  await payload.update({
    collection: 'libraries',
    id: net.libraries.b1,
    data: { lat: 45.7606, lng: 9.7968, address: 'Via Mazzini 68' },
    overrideAccess: true,
  })
  const series = await payload.create({
    collection: 'series',
    data: { title: 'Storie sotto l’albero', system: net.systems.b },
    overrideAccess: true,
  })
  slugs.series = series.slug as string
  const festival = await payload.create({
    collection: 'festivals',
    data: { title: 'Festival della lettura', startDate: romeAt(0, 0), endDate: romeAt(60, 0) },
    overrideAccess: true,
  })
  slugs.festival = festival.slug as string

  await create('oneOff', { title: 'Letture animate' })
  // The extra date falls on the first Monday 30 or more days ahead, never on a rule day: Debian's
  // recurring-ical-events 2.0.1 drops a rule instance that shares its day with an RDATE once SEQUENCE > 0
  // (ical.js and the site keep both, as RFC 5545 says), which made this comparison depend on the weekday.
  const EXTRA_DAY = 30 + ((8 - new Date(romeAt(30, 12)).getUTCDay()) % 7)
  // Wednesdays and Saturdays at 10:30 for 40 weeks, starting on whatever weekday today-15 is: the
  // series crosses at least one DST change and may start off its rule days (an RDATE before DTSTART).
  await create('weekly', {
    title: 'Nati per Leggere',
    system: net.systems.b,
    library: net.libraries.b1,
    series: series.id,
    start: romeAt(-15, 10, 30),
    end: romeAt(-15, 11, 30),
    recurrence: {
      frequency: 'weekly',
      interval: 1,
      byWeekday: ['WE', 'SA'],
      count: 80,
      excludedDates: [
        { date: romeAt(21, 0) },
        { date: romeAt(22, 0) },
        { date: romeAt(23, 0) },
        { date: romeAt(24, 0) },
      ],
      extraDates: [{ start: romeAt(EXTRA_DAY, 17, 0), start_tz: 'Europe/Rome' }],
    },
  })
  const rows = await payload.find({
    collection: 'occurrences',
    where: { and: [{ event: { equals: ids.weekly } }, { start: { greater_than: new Date().toISOString() } }] },
    sort: 'start',
    limit: 3,
    depth: 0,
    overrideAccess: true,
  })
  const [moved, cancelled] = rows.docs
  await payload.update({
    collection: 'events',
    id: ids.weekly,
    data: {
      changedDates: [
        {
          originalStart: moved?.originalStart,
          start: new Date(Date.parse(moved?.originalStart ?? '') + DAY + 2 * 3_600_000).toISOString(),
          note: 'Spostato per la chiusura straordinaria.',
        },
        { originalStart: cancelled?.originalStart, status: 'cancelled' },
      ],
    } as never,
    overrideAccess: true,
  })
  await create('exhibition', {
    title: 'Mostra di illustrazione',
    system: net.systems.b,
    library: net.libraries.b1,
    venue: net.venues.b,
    allDay: true,
    start: romeAt(9, 12),
    end: romeAt(16, 12),
    festival: festival.id,
  })
  // All day from +15 to +19: it ends right where the compared range [+20, +27] begins.
  await create('boundary', {
    title: 'Mostra di fine mese',
    allDay: true,
    start: romeAt(15, 12),
    end: romeAt(19, 12),
  })
  await create('cancelled', {
    title: 'Incontro con l’autore',
    status: 'cancelled',
    start: romeAt(3, 18),
    end: romeAt(3, 19),
  })
  await create('draft', { title: 'Bozza segreta', _status: 'draft' })
  await create('past', { title: 'Evento passato', start: romeAt(-40, 18), end: romeAt(-40, 19) })
  await create('far', { title: 'Evento lontano', start: romeAt(400, 18), end: romeAt(400, 19) })
  await create('daily', {
    title: 'Prestito estivo',
    system: net.systems.b,
    library: net.libraries.b1,
    start: romeAt(-3, 9),
    end: romeAt(-3, 12),
    recurrence: { frequency: 'daily' },
  })
  await create('tagged', {
    title: 'Laboratorio di lettura',
    library: net.libraries.a2,
    categories: [net.category],
    audiences: [net.audience],
    campaigns: [net.campaign],
    status: 'full',
    start: romeAt(8, 16, 45),
    end: romeAt(8, 18),
  })
}, 300_000)

afterAll(async () => payload?.destroy())
beforeEach(() => clearFeedCache())

describe('feed contents', () => {
  it('a system feed holds its published events in the horizon, one VEVENT per series, with stable UIDs', async () => {
    const ics = await text(sistemaFeed, `/sistemi/${slugs.systemB}/calendario.ics`, { slug: slugs.systemB })
    const cal = parseCalendar(ics)
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Eventi – Valle Seriana')
    expect(cal.getFirstPropertyValue('name')).toBe('Eventi – Valle Seriana')
    expect(cal.getFirstPropertyValue('description')).toContain('si aggiorna ogni 6 ore')
    expect(cal.getFirstPropertyValue('refresh-interval')?.toString()).toBe('PT6H')
    const masters = cal.getAllSubcomponents('vevent').filter((v) => !v.hasProperty('recurrence-id'))
    expect(masters.map((v) => v.getFirstPropertyValue('uid')).sort()).toEqual(
      [ids.weekly, ids.exhibition, ids.daily].map(eventUid).sort(),
    )
    const weekly = masters.find((v) => v.getFirstPropertyValue('uid') === eventUid(ids.weekly))
    expect(weekly?.getFirstProperty('rrule')?.toICALString()).toMatch(/^RRULE:FREQ=WEEKLY;.*BYDAY=WE,SA/)
    expect(weekly?.getFirstPropertyValue('location')).toBe('Biblioteca di Albino, Via Mazzini 68, Albino')
    expect(weekly?.getFirstPropertyValue('geo')).toEqual([45.7606, 9.7968])
    expect(weekly?.getFirstPropertyValue('organizer')).toBe('mailto:info@valleseriana.example.org')
    expect(weekly?.getFirstProperty('organizer')?.getParameter('cn')).toBe('Sistema Bibliotecario Valle Seriana')
    const exhibition = masters.find((v) => v.getFirstPropertyValue('uid') === eventUid(ids.exhibition))
    expect(exhibition?.getFirstPropertyValue('location')).toBe('Teatro di Albino, Piazza 1, Albino')
    const description = String(weekly?.getFirstPropertyValue('description'))
    expect(description.endsWith(`/eventi/${eventSlugs.weekly}`)).toBe(true)
    expect(description).not.toMatch(/<[a-z]/i)
  })

  it('drafts, dates older than 30 days and dates beyond 12 months are left out', async () => {
    const ics = await text(agendaFeed, '/calendario.ics')
    const uids = new Set(expandIcs(ics).map((o) => o.uid))
    expect(uids.has(eventUid(ids.oneOff))).toBe(true)
    for (const key of ['draft', 'past', 'far'] as const) expect(uids.has(eventUid(ids[key])), key).toBe(false)
    expect(ics).not.toContain('Bozza segreta')
    // The open-ended daily rule is cut at the horizon: its last date is the day before it ends.
    const h = feedHorizon(new Date())
    const daily = expandIcs(ics).filter((o) => o.uid === eventUid(ids.daily))
    expect(daily[0]?.start).toBe(romeAt(-3, 9))
    const last = Date.parse(daily.at(-1)?.start ?? '')
    expect(last).toBeLessThan(h.to.getTime())
    expect(last).toBeGreaterThanOrEqual(h.to.getTime() - DAY)
  })

  it('cancelled and full events stay, marked in status, summary and description; DTSTAMP is updatedAt', async () => {
    const ics = await text(agendaFeed, `/calendario.ics?sistema=${slugs.systemA}`)
    const dates = expandIcs(ics)
    const cancelled = dates.find((o) => o.uid === eventUid(ids.cancelled))
    expect(cancelled).toMatchObject({ status: 'CANCELLED', summary: 'Annullato: Incontro con l’autore' })
    expect(dates.find((o) => o.uid === eventUid(ids.tagged))).toMatchObject({
      summary: 'Esaurito: Laboratorio di lettura',
    })
    const doc = await payload.findByID({ collection: 'events', id: ids.cancelled, depth: 0, overrideAccess: true })
    const stamp = doc.updatedAt.replace(/[-:]/g, '').replace(/\.\d{3}/, '')
    const vevent = parseCalendar(ics)
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === eventUid(ids.cancelled))
    expect(vevent?.getFirstProperty('dtstamp')?.toICALString()).toBe(`DTSTAMP:${stamp}`)
    expect(vevent?.getFirstProperty('last-modified')?.toICALString()).toBe(`LAST-MODIFIED:${stamp}`)
  })

  it('an edited date is an override with its note; the moved and cancelled dates show as such', async () => {
    const ics = await text(rassegnaFeed, `/rassegne/${slugs.series}/calendario.ics`, { slug: slugs.series })
    const overrides = parseCalendar(ics)
      .getAllSubcomponents('vevent')
      .filter((v) => v.hasProperty('recurrence-id'))
    expect(overrides).toHaveLength(2)
    expect(String(overrides[0]?.getFirstPropertyValue('description'))).toContain('Nota: Spostato per la chiusura')
    expect(overrides[1]?.getFirstPropertyValue('status')).toBe('CANCELLED')
  })

  it('every feed kind answers: library, campaign, festival, series, and one event', async () => {
    const library = await text(bibliotecaFeed, `/biblioteche/${slugs.libraryB1}/calendario.ics`, {
      slug: slugs.libraryB1,
    })
    expect(parseCalendar(library).getFirstPropertyValue('x-wr-calname')).toBe('Eventi – Biblioteca di Albino')
    const campaign = await text(campagnaFeed, `/campagne/${slugs.campaign}/calendario.ics`, { slug: slugs.campaign })
    expect(new Set(expandIcs(campaign).map((o) => o.uid))).toEqual(new Set([eventUid(ids.tagged)]))
    const festival = await text(festivalFeed, `/festival/${slugs.festival}/calendario.ics`, { slug: slugs.festival })
    expect(new Set(expandIcs(festival).map((o) => o.uid))).toEqual(new Set([eventUid(ids.exhibition)]))
    const one = await get(eventIcs, `/eventi/${eventSlugs.weekly}.ics`, { slug: eventSlugs.weekly })
    expect(one.headers.get('content-disposition')).toBe(`attachment; filename="${eventSlugs.weekly}.ics"`)
    const cal = parseCalendar(await one.text())
    expect(cal.getFirstPropertyValue('x-wr-calname')).toBe('Nati per Leggere')
    expect(new Set(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')))).toEqual(
      new Set([eventUid(ids.weekly)]),
    )
  })

  it('filters on the query string combine with the entity of the path, and name the feed', async () => {
    const ics = await text(
      sistemaFeed,
      `/sistemi/${slugs.systemA}/calendario.ics?pubblico=${slugs.audience}&sistema=${slugs.systemB}`,
      { slug: slugs.systemA },
    )
    expect(parseCalendar(ics).getFirstPropertyValue('x-wr-calname')).toBe('Eventi – Area di Dalmine – 3–6 anni')
    expect(new Set(expandIcs(ics).map((o) => o.uid))).toEqual(new Set([eventUid(ids.tagged)]))
  })
})

describe('an independent client (python3-icalendar + recurring-ical-events) sees what /eventi.json lists', () => {
  const cases = () => {
    const h = feedHorizon(new Date())
    const today = romeDay(new Date())
    const plus = (days: number) => romeDay(new Date(Date.now() + days * DAY))
    return {
      ranges: [
        [h.fromDay, h.lastDay],
        [today, plus(60)],
        [plus(20), plus(27)],
      ] as const,
      queries: [
        '',
        `sistema=${slugs.systemA}`,
        `sistema=${slugs.systemB}`,
        `categoria=${slugs.category}&pubblico=${slugs.audience}`,
        'comune=albino',
        `festival=${slugs.festival}`,
        'q=lettura',
        'gratuito=1',
      ],
    }
  }

  it('for every filter and range: same events, same starts, same cancellations', async () => {
    const { ranges, queries } = cases()
    let compared = 0
    for (const query of queries) {
      const ics = await text(agendaFeed, `/calendario.ics${query ? `?${query}` : ''}`)
      for (const [fromDay, lastDay] of ranges) {
        const view = pythonExpand(ics, romeMidnight(fromDay), romeMidnight(dayAfter(lastDay)))
        expect(view.timezones.filter((tz) => tz === 'Europe/Rome').length).toBeLessThanOrEqual(1)
        const seen = view.dates.map(({ uid, start, status }) => ({ uid, start, status: status ?? 'CONFIRMED' }))
        expect(seen, `${query} ${fromDay}…${lastDay}`).toEqual(await agendaDates(query, fromDay, lastDay))
        compared += seen.length
      }
    }
    expect(compared).toBeGreaterThan(400) // the comparison is not vacuous
  })

  it('ical.js (Thunderbird) expands the whole system feed to the same dates', async () => {
    const h = feedHorizon(new Date())
    const ics = await text(sistemaFeed, `/sistemi/${slugs.systemB}/calendario.ics`, { slug: slugs.systemB })
    const seen = expandIcs(ics)
      .filter((o) => o.end > (o.start.length === 10 ? h.fromDay : h.from.toISOString()))
      .map(({ uid, start, status }) => ({ uid, start, status: status ?? 'CONFIRMED' }))
    expect(seen).toEqual(await agendaDates(`sistema=${slugs.systemB}`, h.fromDay, h.lastDay))
  })
})

describe('HTTP', () => {
  const path = () => `/sistemi/${slugs.systemB}/calendario.ics`
  const params = () => ({ slug: slugs.systemB })

  it('serves text/calendar with a meaningful file name, a validator and public caching', async () => {
    const res = await get(sistemaFeed, path(), params())
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="eventi-valle-seriana.ics"')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(res.headers.get('etag')).toMatch(/^W\/"[\w-]{27}"$/)
    expect(new Date(res.headers.get('last-modified') ?? '').getTime()).toBeGreaterThan(0)
    expect(res.headers.get('content-encoding')).toBeNull()
  })

  it('answers 304 to a matching If-None-Match or a current If-Modified-Since, and 200 otherwise', async () => {
    const first = await get(sistemaFeed, path(), params())
    const etag = first.headers.get('etag') as string
    const lastModified = first.headers.get('last-modified') as string
    const again = await get(sistemaFeed, path(), params(), { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    expect((await get(sistemaFeed, path(), params(), { 'if-modified-since': lastModified })).status).toBe(304)
    expect((await get(sistemaFeed, path(), params(), { 'if-none-match': 'W/"other"' })).status).toBe(200)
    const before = new Date(Date.parse(lastModified) - 1000).toUTCString()
    expect((await get(sistemaFeed, path(), params(), { 'if-modified-since': before })).status).toBe(200)
  })

  it('an unchanged feed is byte-identical when rebuilt; an edit changes it, its ETag and SEQUENCE', async () => {
    const a = await get(sistemaFeed, path(), params())
    const bodyA = await a.text()
    clearFeedCache()
    const b = await get(sistemaFeed, path(), params())
    expect(await b.text()).toBe(bodyA)
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'))
    const before = await payload.findByID({ collection: 'events', id: ids.exhibition, depth: 0, overrideAccess: true })
    await payload.update({
      collection: 'events',
      id: ids.exhibition,
      data: { end: romeAt(18, 12) },
      overrideAccess: true,
    })
    clearFeedCache()
    const c = await get(sistemaFeed, path(), params(), { 'if-none-match': a.headers.get('etag') as string })
    expect(c.status).toBe(200)
    const vevent = parseCalendar(await c.text())
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === eventUid(ids.exhibition))
    expect(vevent?.getFirstPropertyValue('sequence')).toBe((before.sequence ?? 0) + 1)
    expect(Date.parse(c.headers.get('last-modified') ?? '')).toBeGreaterThan(
      Date.parse(a.headers.get('last-modified') ?? '') - 1,
    )
  })

  it('a change is served once the data version is rechecked, without waiting for the memo to expire', async () => {
    const before = await (await get(sistemaFeed, path(), params())).text()
    expect(before).toContain('Teatro di Albino')
    await payload.update({
      collection: 'venues',
      id: net.venues.b,
      data: { name: 'Teatro Comunale di Albino' },
      overrideAccess: true,
    })
    expect(await (await get(sistemaFeed, path(), params())).text()).toBe(before) // within VERSION_CHECK_MS
    forgetDataVersion() // as if VERSION_CHECK_MS had passed
    const after = await (await get(sistemaFeed, path(), params())).text()
    expect(after).toContain('LOCATION:Teatro Comunale di Albino\\, Piazza 1\\, Albino')
    await payload.update({
      collection: 'venues',
      id: net.venues.b,
      data: { name: 'Teatro di Albino' },
      overrideAccess: true,
    })
  })

  it('compresses with gzip or brotli when the client accepts them', async () => {
    const plain = await (await get(sistemaFeed, path(), params())).text()
    const gz = await get(sistemaFeed, path(), params(), { 'accept-encoding': 'gzip, deflate' })
    expect(gz.headers.get('content-encoding')).toBe('gzip')
    expect(gz.headers.get('vary')).toBe('Accept-Encoding')
    const gzBody = Buffer.from(await gz.arrayBuffer())
    expect(Number(gz.headers.get('content-length'))).toBe(gzBody.length)
    expect(gunzipSync(gzBody).toString('utf8')).toBe(plain)
    const br = await get(sistemaFeed, path(), params(), { 'accept-encoding': 'gzip, br' })
    expect(br.headers.get('content-encoding')).toBe('br')
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString('utf8')).toBe(plain)
    const refused = await get(sistemaFeed, path(), params(), { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers.get('content-encoding')).toBeNull()
  })

  it('a bad filter is a 400 with the reason in plain text', async () => {
    const res = await get(agendaFeed, '/calendario.ics?eta=tanti')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toContain('L’età deve essere un numero intero')
  })

  it('an unknown slug is a 404, in a filter, in a path or for an event; so is an unpublished event', async () => {
    for (const [route, url, p] of [
      [agendaFeed, '/calendario.ics?sistema=non-esiste', {}],
      [sistemaFeed, '/sistemi/non-esiste/calendario.ics', { slug: 'non-esiste' }],
      [bibliotecaFeed, '/biblioteche/Non..Valido/calendario.ics', { slug: 'Non..Valido' }],
      [eventIcs, '/eventi/non-esiste.ics', { slug: 'non-esiste' }],
      [eventIcs, `/eventi/${eventSlugs.draft}.ics`, { slug: eventSlugs.draft }],
    ] as [Route, string, Record<string, string>][]) {
      const res = await get(route, url, p)
      expect(res.status, url).toBe(404)
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
      expect(await res.text()).toMatch(/^Calendario non trovato/)
    }
  })
})

describe('size limits', () => {
  it('with more events than the cap, the nearest are kept and the description says so', async () => {
    const { agendaFeedResponse } = await import('../../site/lib/ical/endpoints')
    const res = await agendaFeedResponse(new Request('http://localhost:4321/calendario.ics?gratuito=1'), undefined, {
      limits: { maxEvents: 3 },
    })
    const cal = parseCalendar(await res.text())
    const uids = new Set(cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid')))
    // Ongoing and upcoming first, nearest start first: the daily loan (today or tomorrow), the cancelled
    // meeting (in 3 days) and the weekly readings (within 4 days 2 hours) beat everything 7+ days away.
    expect(uids).toEqual(new Set([ids.daily, ids.weekly, ids.cancelled].map(eventUid)))
    expect(cal.getFirstPropertyValue('description')).toMatch(
      /la ricerca comprende \d+ eventi.*qui ci sono solo i 3 più vicini/s,
    )
  })

  it('with more bytes than the cap, events are dropped until the feed fits', async () => {
    const { agendaFeedResponse } = await import('../../site/lib/ical/endpoints')
    const all = await (await get(agendaFeed, '/calendario.ics')).text()
    expect(Buffer.byteLength(all)).toBeGreaterThan(5_000)
    clearFeedCache()
    const capped = await agendaFeedResponse(new Request('http://localhost:4321/calendario.ics'), undefined, {
      limits: { maxBytes: 5_000 },
    })
    const body = await capped.text()
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(5_000)
    expect(parseCalendar(body).getFirstPropertyValue('description')).toContain('troppi per un calendario')
    expect(expandIcs(body).length).toBeGreaterThan(0)
  })

  it('the subscribe box can tell a filter that matches more than 1,000 events from one that does not', async () => {
    expect(await feedIsTruncated(parseFilters(new URLSearchParams()))).toBe(false)
  })
})
