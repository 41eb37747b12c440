// A campaign's own period against its events' dates (issue 19): the span each linked event really covers, read
// from its published dates with the viewer's access, compared day by day on Rome's calendar; a mismatch warns
// (collections/lib/campaign-period.ts) and never blocks saving the event or the campaign.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import {
  campaignEvents,
  dateDays,
  joinSpans,
  outside,
  periodDays,
  publishedSpan,
  romeDayOf,
} from '../../collections/lib/campaign-period'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, fixtureEvent, type Network, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network
let maggio: number
const ev: Record<string, Event> = {}
const day = (days: number) => romeDayOf(romeAt(days, 12))

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  // "Il Maggio dei Libri" from day 60 to day 120; its events in days 10, 70, 150 (and a draft in day 5).
  maggio = (
    await payload.create({
      collection: SLUGS.campaigns,
      data: { title: 'Il Maggio dei Libri', startDate: romeAt(60, 0), endDate: romeAt(120, 0) },
      overrideAccess: true,
    })
  ).id
  const linked = { title: 'Incontro con l’autrice', campaigns: [maggio] }
  ev.december = await fixtureEvent(payload, net, { ...linked, start: romeAt(10, 17), end: romeAt(10, 18) })
  ev.inside = await fixtureEvent(payload, net, { ...linked, start: romeAt(70, 17), end: romeAt(70, 18) })
  ev.late = await fixtureEvent(payload, net, {
    ...linked,
    title: 'Mostra di illustrazione',
    allDay: true,
    start: romeAt(118, 0),
    end: romeAt(125, 0),
  })
  ev.weekly = await fixtureEvent(payload, net, {
    ...linked,
    title: 'Letture del sabato',
    start: romeAt(63, 10, 30),
    end: romeAt(63, 11, 30),
    recurrence: { frequency: 'weekly', interval: 1, count: 4 },
  })
  ev.draft = await fixtureEvent(payload, net, { ...linked, _status: 'draft', start: romeAt(5, 17), end: romeAt(5, 18) })
  ev.other = await fixtureEvent(payload, net, { title: 'Senza campagna', start: romeAt(3, 17), end: romeAt(3, 18) })
})
afterAll(async () => payload.destroy())

describe('the days an event covers', () => {
  it('an all-day row ends at the next midnight (exclusive); an all-day event’s own end names its last day', () => {
    expect(dateDays('2027-05-07T22:00:00.000Z', '2027-05-09T22:00:00.000Z')).toEqual({
      first: '2027-05-08',
      last: '2027-05-09',
    })
    expect(dateDays('2027-05-07T22:00:00.000Z', '2027-05-09T22:00:00.000Z', true)).toEqual({
      first: '2027-05-08',
      last: '2027-05-10',
    })
    // 23:30 UTC on 31 May is 1 June in Rome.
    expect(dateDays('2027-05-31T21:30:00.000Z', '2027-05-31T23:30:00.000Z').last).toBe('2027-06-01')
  })

  it('is outside a period when its first day is before it or its last day after it', () => {
    const period = periodDays({ startDate: '2027-04-23T12:00:00.000Z', endDate: '2027-05-31T12:00:00.000Z' })
    expect(period).toEqual({ first: '2027-04-23', last: '2027-05-31' })
    if (!period) return
    expect(outside({ first: '2027-04-23', last: '2027-05-31' }, period)).toBe(false)
    expect(outside({ first: '2027-04-22', last: '2027-04-22' }, period)).toBe(true)
    expect(outside({ first: '2027-05-30', last: '2027-06-01' }, period)).toBe(true)
    expect(joinSpans({ first: '2027-05-02', last: '2027-05-03' }, { first: '2026-12-12', last: '2026-12-12' })).toEqual(
      {
        first: '2026-12-12',
        last: '2027-05-03',
      },
    )
  })
})

describe('a campaign’s events', () => {
  it('spans each published event linked to it over all its dates, in order of their first day', async () => {
    const { events, truncated } = await campaignEvents(payload, maggio, net.as('admin') as never)
    expect(truncated).toBe(false)
    expect(events.map((e) => e.id)).toEqual([ev.december?.id, ev.weekly?.id, ev.inside?.id, ev.late?.id])
    expect(events[0]).toMatchObject({ title: 'Incontro con l’autrice', first: day(10), last: day(10) })
    expect(events[1]).toMatchObject({ first: day(63), last: day(63 + 21) })
    expect(events[3]).toMatchObject({ first: day(118), last: day(125) })
  })

  it('finds the events outside the campaign’s own period: before it and past its end', async () => {
    const { events } = await campaignEvents(payload, maggio, net.as('editorA') as never)
    const period = periodDays({ startDate: romeAt(60, 0), endDate: romeAt(120, 0) })
    expect(period).toEqual({ first: day(60), last: day(120) })
    const out = events.filter((e) => period && outside(e, period)).map((e) => e.id)
    expect(out).toEqual([ev.december?.id, ev.late?.id])
  })

  it('reads with the viewer’s access (staff see staff-only dates); drafts and unlinked events are not counted', async () => {
    const internal = await fixtureEvent(payload, net, {
      title: 'Formazione interna',
      staffOnly: true,
      campaigns: [maggio],
      start: romeAt(61, 9),
      end: romeAt(61, 10),
    })
    const staff = await campaignEvents(payload, maggio, net.as('contributorB1') as never)
    // Every member of staff sees staff-only dates (the internal agenda); the draft has no dates anywhere.
    expect(staff.events.map((e) => e.id)).toContain(internal.id)
    expect(staff.events.map((e) => e.id)).not.toContain(ev.draft?.id)
    expect(staff.events.map((e) => e.id)).not.toContain(ev.other?.id)
  })

  it('gives an event’s published span, or nothing for a draft never published', async () => {
    expect(await publishedSpan(payload, ev.weekly?.id as number, net.as('editorA') as never)).toEqual({
      first: day(63),
      last: day(84),
    })
    expect(await publishedSpan(payload, ev.draft?.id as number, net.as('editorA') as never)).toBeNull()
  })
})

describe('a mismatch is a warning, not a refusal', () => {
  it('an editor publishes an event of a campaign outside its period, and the campaign is saved with a period that leaves events out', async () => {
    const res = await client(payload, net, 'rest', 'editorA').create(SLUGS.events, {
      title: 'Presentazione di dicembre',
      system: net.systems.a,
      library: net.libraries.a1,
      start: romeAt(12, 18),
      end: romeAt(12, 19),
      recurrence: { frequency: 'none' },
      campaigns: [maggio],
      _status: 'published',
    })
    expect(res.status, JSON.stringify(res.errors)).toBe(201)
    const narrowed = await client(payload, net, 'rest', 'networkEditor').update(SLUGS.campaigns, maggio, {
      startDate: romeAt(65, 0),
      endDate: romeAt(66, 0),
    })
    expect(narrowed.status, JSON.stringify(narrowed.errors)).toBe(200)
  })
})
