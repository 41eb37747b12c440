// The newsletter's event picker (issue 19): events with the same title are told apart by date, place and
// system; a campaign, rassegna or festival brings all its coming public events at once, and so does a pasted
// agenda address (read by the agenda's own parser); only those who write newsletters may ask; the mail writes
// the year of a date that is not in the current year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GROUP_LIMIT } from '../../cms/newsletter'
import type { Event } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, fixtureEvent, type Network, romeAt, stored } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network
const ev: Record<string, Event> = {}
let series: number | string
let festival: number | string

const AUTHOR = 'Incontro con l’autrice'

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  series = (
    await payload.create({
      collection: SLUGS.series,
      data: { title: 'Autori in biblioteca', system: net.systems.a },
      overrideAccess: true,
    })
  ).id
  festival = (
    await payload.create({
      collection: SLUGS.festivals,
      data: {
        title: 'Festival della lettura',
        system: net.systems.b,
        startDate: romeAt(1, 0),
        endDate: romeAt(60, 0),
      },
      overrideAccess: true,
    })
  ).id
  const author = { title: AUTHOR, campaigns: [net.campaign] }
  ev.dalmine = await fixtureEvent(payload, net, { ...author, start: romeAt(10, 17), end: romeAt(10, 18), series })
  ev.stezzano = await fixtureEvent(payload, net, {
    ...author,
    library: net.libraries.a2,
    start: romeAt(11, 17),
    end: romeAt(11, 18),
  })
  ev.albino = await fixtureEvent(payload, net, {
    ...author,
    system: net.systems.b,
    library: net.libraries.b1,
    start: romeAt(12, 17),
    end: romeAt(12, 18),
    festival,
  })
  ev.nextYear = await fixtureEvent(payload, net, { ...author, start: romeAt(400, 17), end: romeAt(400, 18) })
  ev.staffOnly = await fixtureEvent(payload, net, {
    ...author,
    staffOnly: true,
    start: romeAt(13, 9),
    end: romeAt(13, 10),
  })
  ev.draft = await fixtureEvent(payload, net, {
    ...author,
    system: net.systems.b,
    library: net.libraries.b1,
    _status: 'draft',
    start: romeAt(14, 17),
    end: romeAt(14, 18),
  })
  ev.past = await fixtureEvent(payload, net, { ...author, start: romeAt(-3, 17), end: romeAt(-3, 18) })
  ev.cancelled = await fixtureEvent(payload, net, {
    ...author,
    status: 'cancelled',
    start: romeAt(15, 17),
    end: romeAt(15, 18),
  })
  ev.weekly = await fixtureEvent(payload, net, {
    title: 'Letture del sabato',
    campaigns: [net.campaign],
    start: romeAt(2, 10, 30),
    end: romeAt(2, 11, 30),
    recurrence: { frequency: 'weekly', interval: 1, count: 6 },
  })
  // Valle Seriana (system B) for small children, and what an agenda search for them must leave out.
  const albino = { system: net.systems.b, library: net.libraries.b1 }
  ev.tales = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Storie per i piccoli',
    minAge: 0,
    maxAge: 6,
    start: romeAt(5, 10),
    end: romeAt(5, 11),
    recurrence: { frequency: 'weekly', interval: 1, count: 4 },
  })
  ev.babies = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Coccole di libri',
    minAge: 0,
    maxAge: 3,
    start: romeAt(20, 10),
    end: romeAt(20, 11),
  })
  ev.teens = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Club del fumetto',
    minAge: 11,
    maxAge: 14,
    start: romeAt(6, 16),
    end: romeAt(6, 17),
  })
  ev.kidsDalmine = await fixtureEvent(payload, net, {
    title: 'Storie a Dalmine',
    minAge: 0,
    maxAge: 6,
    start: romeAt(7, 10),
    end: romeAt(7, 11),
  })
  ev.kidsStaffOnly = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Formazione lettura ai piccoli',
    staffOnly: true,
    minAge: 0,
    maxAge: 6,
    start: romeAt(8, 9),
    end: romeAt(8, 10),
  })
  ev.kidsCancelled = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Storie annullate',
    status: 'cancelled',
    minAge: 0,
    maxAge: 6,
    start: romeAt(9, 10),
    end: romeAt(9, 11),
  })
  ev.kidsPast = await fixtureEvent(payload, net, {
    ...albino,
    title: 'Storie di ieri',
    minAge: 0,
    maxAge: 6,
    start: romeAt(-2, 10),
    end: romeAt(-2, 11),
  })
})
afterAll(async () => payload.destroy())

type Option = { id: number; label: string }
const options = async (query: string, who: Parameters<Network['token']>[0] = 'editorA') => {
  const res = await rest('GET', `/newsletters/event-options?${query}`, { token: await net.token(who) })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json.options as Option[]
}
const ids = (list: Option[]) => list.map((o) => o.id).sort()
const year = (days: number) => new Date(romeAt(days, 12)).getUTCFullYear()

describe('the newsletter event picker', () => {
  it('tells events with the same title apart by date (with its year), library and system', async () => {
    const found = await options(`q=${encodeURIComponent('autrice')}`)
    expect(ids(found)).toEqual(ids([ev.dalmine, ev.stezzano, ev.albino, ev.nextYear] as never))
    const labels = found.map((o) => o.label)
    expect(new Set(labels).size).toBe(labels.length)
    const of = (e: Event) => found.find((o) => o.id === e.id)?.label ?? ''
    expect(of(ev.dalmine)).toMatch(
      new RegExp(
        `^Incontro con l’autrice — \\w{3} \\d{1,2} \\w{3} ${year(10)}, 17:00, Biblioteca di Dalmine \\(Area di Dalmine\\)$`,
      ),
    )
    expect(of(ev.stezzano)).toContain(', Biblioteca di Stezzano (Area di Dalmine)')
    expect(of(ev.albino)).toContain(', Biblioteca di Albino (Valle Seriana)')
    expect(of(ev.nextYear)).toContain(String(year(400)))
  })

  it('leaves out staff-only, unpublished, past and cancelled events, as the field’s own rule does', async () => {
    const found = ids(await options('q=autrice', 'admin'))
    for (const e of [ev.staffOnly, ev.draft, ev.past, ev.cancelled]) expect(found).not.toContain(e?.id)
  })

  it('finds by library or comune as well as by title, every word the prefix of a word', async () => {
    expect(ids(await options('q=albino%20autr'))).toEqual([ev.albino?.id])
    expect(ids(await options('q=stezzano'))).toEqual([ev.stezzano?.id])
    expect(await options('q=nessunaparolacosi')).toEqual([])
  })

  it('adds all the coming public events of a campaign, each once; a series says “e altre date”', async () => {
    const found = await options(`campaign=${net.campaign}`)
    expect(ids(found)).toEqual(ids([ev.weekly, ev.dalmine, ev.stezzano, ev.albino, ev.nextYear] as never))
    expect(found[0]?.id).toBe(ev.weekly?.id) // in date order
    expect(found[0]?.label).toMatch(/^Letture del sabato — .+, 10:30 e altre date, Biblioteca di Dalmine/)
    expect(found.find((o) => o.id === ev.dalmine?.id)?.label).not.toContain('altre date')
  })

  it('adds all the coming events of a rassegna or a festival', async () => {
    expect(ids(await options(`series=${series}`))).toEqual([ev.dalmine?.id])
    expect(ids(await options(`festival=${festival}`))).toEqual([ev.albino?.id])
  })

  it('labels the events already chosen, with the asker’s own access', async () => {
    const chosen = await options(`ids=${ev.albino?.id},${ev.past?.id},${ev.draft?.id}`)
    // System A's editor may not read system B's draft: it is left out, the others keep their order.
    expect(chosen.map((o) => o.id)).toEqual([ev.albino?.id, ev.past?.id])
    expect(chosen[0]?.label).toContain('Biblioteca di Albino (Valle Seriana)')
    expect(chosen[1]?.label).toContain(String(year(-3)))
  })

  it('answers only those who write newsletters, and refuses bad input with an Italian message', async () => {
    expect((await rest('GET', '/newsletters/event-options?q=autrice')).status).toBe(401)
    for (const who of ['contributorA1', 'networkEditor'] as const) {
      const res = await rest('GET', '/newsletters/event-options?q=autrice', { token: await net.token(who) })
      expect(res.status, who).toBe(403)
      expect(res.json.options).toBeUndefined()
    }
    const token = await net.token('editorA')
    for (const query of ['ids=1,x', 'campaign=abc', `campaign=1&series=1`, `q=${'a'.repeat(201)}`]) {
      const res = await rest('GET', `/newsletters/event-options?${query}`, { token })
      expect(res.status, query).toBe(400)
      expect(res.json.error, query).toMatch(/[àèéìòù]|non valid|Indica/)
    }
  })

  it('the saved field still refuses a staff-only event, whatever the client sends', async () => {
    const created = await client(payload, net, 'rest', 'editorA').create(SLUGS.newsletters, {
      subject: 'Con un evento interno',
      system: net.systems.a,
      events: [ev.dalmine?.id, ev.staffOnly?.id],
    })
    expect(created.status).toBe(400)
    expect(created.errors.map((e) => e.path)).toContain('events')
    expect(await countAll(payload, SLUGS.newsletters, { subject: { equals: 'Con un evento interno' } })).toBe(0)
  })
})

describe('adding the events of an agenda search', () => {
  const agenda = async (address: string, who: Parameters<Network['token']>[0] = 'editorA') =>
    rest('GET', `/newsletters/event-options?agenda=${encodeURIComponent(address)}`, { token: await net.token(who) })

  /** Independently of the picker and the agenda's query: the events themselves, checked one by one in code. */
  const expected = async (system: number | string, age: number) => {
    const { docs } = await payload.find({
      collection: SLUGS.events,
      where: { system: { equals: system }, _status: { equals: 'published' } },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const now = new Date().toISOString()
    return docs
      .filter((e) => !e.staffOnly && e.status !== 'cancelled' && (e.lastEnd ?? e.end ?? '') > now)
      .filter((e) => (e.minAge ?? 0) <= age && age <= (e.maxAge ?? 120))
      .map((e) => e.id)
      .sort()
  }

  it('adds exactly the coming public events of one system for an age, each once at its next date', async () => {
    const res = await agenda('http://localhost:4321/eventi?sistema=valle-seriana&eta=3')
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const found = res.json.options as Option[]
    expect(ids(found)).toEqual(await expected(net.systems.b, 3))
    expect(ids(found)).toEqual(ids([ev.tales, ev.babies, ev.albino] as never)) // the fixtures, named
    expect(res.json.more).toBe(false)
    // Date order, the weekly one at its first date with "e altre date", every label dated and placed.
    expect(found.map((o) => o.id)).toEqual([ev.tales?.id, ev.albino?.id, ev.babies?.id])
    expect(found[0]?.label).toMatch(
      /^Storie per i piccoli — .+, 10:00 e altre date, Biblioteca di Albino \(Valle Seriana\)$/,
    )
  })

  it('reads the address whole, as a path or as the query alone, and the other filters of the agenda', async () => {
    const whole = ids(
      (await agenda('https://agenda.example.org/eventi?sistema=valle-seriana&eta=3#risultati')).json.options,
    )
    for (const address of [
      '/eventi?eta=3&sistema=valle-seriana',
      '?sistema=valle-seriana&eta=3',
      'sistema=valle-seriana&eta=3',
    ]) {
      const res = await agenda(address)
      expect(res.status, address).toBe(200)
      expect(ids(res.json.options), address).toEqual(whole)
    }
    expect(ids((await agenda('/eventi?sistema=valle-seriana&eta=12')).json.options)).toEqual(
      ids([ev.teens, ev.albino] as never),
    )
    expect(ids((await agenda('/eventi?sistema=valle-seriana&q=piccoli')).json.options)).toEqual([ev.tales?.id])
    expect(ids((await agenda('/en/eventi?comune=albino&eta=2&eta=13')).json.options)).toEqual(
      ids([ev.tales, ev.babies, ev.teens, ev.albino] as never),
    )
  })

  it('never offers staff-only, cancelled or past events, even when the address reaches back in time', async () => {
    const since = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10)
    for (const who of ['editorB', 'admin'] as const) {
      const res = await agenda(`/eventi?sistema=valle-seriana&da=${since}`, who)
      expect(res.status).toBe(200)
      const found = ids(res.json.options)
      expect(found).toEqual(ids([ev.tales, ev.babies, ev.teens, ev.albino] as never))
      for (const e of [ev.kidsStaffOnly, ev.kidsCancelled, ev.kidsPast, ev.draft]) expect(found).not.toContain(e?.id)
    }
  })

  it('refuses an address it cannot read with a 400 and an Italian message, offering nothing', async () => {
    const cases: [string, RegExp][] = [
      [
        '/eventi?sistema=valle-serianna&eta=3',
        /^Indirizzo dell’agenda non valido\. Nessun elemento «valle-serianna» per «sistema»\.$/,
      ],
      ['/eventi?comune=atlantide', /«atlantide»/],
      ['/eventi?sistema=valle-seriana&da=2027-02-30', /La data «da» deve essere nel formato AAAA-MM-GG/],
      ['/eventi?eta=tre', /L’età deve essere un numero intero/],
      ['/eventi?quando=ieri', /«quando» accetta/],
      ['http://localhost:4321/eventi', /Incolla l’indirizzo di una ricerca dell’agenda, con i suoi filtri/],
      ['/eventi/storie-per-i-piccoli-2026-12-05?data=2026-12-05', /con i suoi filtri/],
      [`/eventi?q=${'a'.repeat(2000)}`, /troppo lungo/],
    ]
    for (const [address, message] of cases) {
      const res = await agenda(address)
      expect(res.status, address).toBe(400)
      expect(res.json.error, address).toMatch(message)
      expect(res.json.options, address).toBeUndefined()
    }
    const both = await rest(
      'GET',
      `/newsletters/event-options?campaign=${net.campaign}&agenda=sistema%3Dvalle-seriana`,
      {
        token: await net.token('editorA'),
      },
    )
    expect(both.status).toBe(400)
    expect(both.json.error).toBe('Indica una sola campagna, rassegna, festival o ricerca dell’agenda.')
  })

  it('brings at most GROUP_LIMIT events, the first in date order, and says when the limit left some out', async () => {
    const category = await payload.create({
      collection: SLUGS.categories,
      data: { name: 'Maratona di lettura' },
      overrideAccess: true,
    })
    const many: Event[] = []
    for (let i = 0; i <= GROUP_LIMIT; i++)
      many.push(
        await fixtureEvent(payload, net, {
          title: `Maratona ${i}`,
          categories: [category.id],
          start: romeAt(30, 8 + Math.floor(i / 60), i % 60),
          end: romeAt(30, 20),
        }),
      )
    const res = await agenda(`/eventi?categoria=${category.slug}`)
    expect(res.status).toBe(200)
    expect(res.json.more).toBe(true)
    expect(res.json.options.map((o: Option) => o.id)).toEqual(many.slice(0, GROUP_LIMIT).map((e) => e.id))
    const narrower = await agenda(`/eventi?categoria=${category.slug}&q=maratona%20199`)
    expect(narrower.json).toMatchObject({ more: false, options: [{ id: many[199]?.id }] })
  }, 120_000) // 201 events to create

  it('answers only those who write newsletters', async () => {
    expect((await rest('GET', '/newsletters/event-options?agenda=sistema%3Dvalle-seriana')).status).toBe(401)
    const res = await agenda('/eventi?sistema=valle-seriana', 'contributorB1')
    expect(res.status).toBe(403)
    expect(res.json.options).toBeUndefined()
  })
})

describe('dates in the editorial mail', () => {
  it('write the year only when it is not the current one', async () => {
    const doc = await payload.create({
      collection: SLUGS.newsletters,
      data: { subject: 'Anno prossimo', system: net.systems.a, events: [ev.dalmine?.id, ev.nextYear?.id] } as never,
      overrideAccess: true,
    })
    const res = await rest('GET', `/newsletters/${doc.id}/preview?format=text`, { token: await net.token('editorA') })
    expect(res.status).toBe(200)
    const day = (iso: string, withYear: boolean) =>
      new Intl.DateTimeFormat('it-IT', {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'Europe/Rome',
      }).format(new Date(iso))
    const sameYear = year(10) === year(0)
    expect(res.json.toLowerCase()).toContain(day(ev.nextYear?.start as string, true))
    expect(res.json.toLowerCase()).toContain(day(ev.dalmine?.start as string, !sameYear))
    if (sameYear) expect(res.json.toLowerCase()).not.toContain(day(ev.dalmine?.start as string, true))
    expect((await stored(payload, SLUGS.newsletters, doc.id)).status).toBe('draft')
  })
})
