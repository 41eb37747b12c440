// The newsletter's event picker (issue 19): events with the same title are told apart by date, place and
// system; a campaign, rassegna or festival brings all its coming public events at once; only those who write
// newsletters may ask; the mail writes the year of a date that is not in the current year.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
