// The event page of a series keeps the date the visitor came for (`?data=`): shown first and highlighted, and
// "Aggiungi questa data" adds that date alone, as ical.js and python icalendar both read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { findOccurrences } from '../../site/lib/agenda'
import { eventView, findEventBySlug } from '../../site/lib/events'
import { eventFeedResponse } from '../../site/lib/ical/endpoints'
import { toCards } from '../../site/lib/occurrences'
import { expandIcs } from '../helpers/ical-expand'
import { pythonExpand } from '../helpers/ical-python'
import { buildNetwork, fixtureEvent, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let weekly: Event
let single: Event
let days: string[]

beforeAll(async () => {
  payload = await getPayload()
  const net = await buildNetwork(payload)
  weekly = await fixtureEvent(payload, net, {
    title: 'Letture del sabato',
    start: romeAt(3, 10, 30),
    end: romeAt(3, 11, 30),
    recurrence: { frequency: 'weekly', interval: 1, count: 6 },
  } as never)
  single = await fixtureEvent(payload, net, { title: 'Incontro unico', start: romeAt(5, 18), end: romeAt(5, 19) })
  const rows = await payload.find({
    collection: SLUGS.occurrences,
    where: { event: { equals: weekly.id } },
    sort: 'start',
    depth: 0,
    overrideAccess: true,
  })
  days = rows.docs.map((o) => o.day)
})
afterAll(async () => payload.destroy())

const found = async (event: Event) => (await findEventBySlug(event.slug as string)) as Event
const ics = async (path: string) => {
  const res = await eventFeedResponse(new Request(`http://localhost${path}`), path.split('/')[2]?.split('.ics')[0])
  return { status: res.status, text: await res.text() }
}

describe('the chosen date of a recurring event', () => {
  it('agenda cards link to the event with the date of their row', async () => {
    const page = await findOccurrences({ event: { equals: weekly.id } }, { limit: 10 })
    const cards = await toCards(page.items, 'it')
    expect(cards.map((c) => c.href)).toEqual(days.map((day) => `/eventi/${weekly.slug}?data=${day}`))
  })

  it('is listed first and highlighted, and "this date" is the one added to calendars', async () => {
    const day = days[3] as string
    const view = await eventView(await found(weekly), 'it', new Date(), day)
    expect(view.chosenDay).toBe(day)
    expect(view.dates[0]?.chosen).toBe(true)
    expect(view.dates[0]?.startIso.slice(0, 10)).toBe(day)
    expect(view.dates.filter((d) => d.chosen)).toHaveLength(1)
    expect(view.dates).toHaveLength(6)
    expect(view.thisDate).toEqual({ chosen: true, label: view.chosenLabel })
    expect(view.icsDatePath).toBe(`/eventi/${weekly.slug}.ics?data=${day}`)
    expect(view.icsPath).toBe(`/eventi/${weekly.slug}.ics`)
    const google = new URL(view.google as string).searchParams.get('dates') as string
    expect(google.slice(0, 8)).toBe(day.replaceAll('-', ''))
  })

  it('without a chosen date, "this date" is the next one; an event of one date has only its .ics', async () => {
    const view = await eventView(await found(weekly), 'it')
    expect(view.chosenDay).toBeNull()
    expect(view.thisDate?.chosen).toBe(false)
    expect(view.icsDatePath).toBe(`/eventi/${weekly.slug}.ics?data=${days[0]}`)
    const one = await eventView(await found(single), 'it', new Date(), romeAt(5, 18).slice(0, 10))
    expect(one.icsDatePath).toBeNull()
    expect(one.thisDate).toBeNull()
  })

  it('a day that is not one of its dates is no chosen date', async () => {
    for (const day of ['2020-01-01', romeAt(4, 12).slice(0, 10), '2026-02-30', 'x']) {
      const view = await eventView(await found(weekly), 'it', new Date(), day)
      expect(view.chosenDay, day).toBeNull()
      expect(view.dates.some((d) => d.chosen)).toBe(false)
    }
  })
})

describe('"Aggiungi questa data": the .ics of one date', () => {
  it('holds that date alone, with its own UID, for ical.js and python icalendar alike', async () => {
    const day = days[2] as string
    const { status, text } = await ics(`/eventi/${weekly.slug}.ics?data=${day}`)
    expect(status).toBe(200)
    const vevents = text.slice(text.indexOf('BEGIN:VEVENT'))
    expect(vevents.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    expect(vevents).not.toMatch(/RRULE|RDATE|RECURRENCE-ID/)
    const uid = `${weekly.id}-${day.replaceAll('-', '')}@localhost`
    const fromIcalJs = expandIcs(text)
    expect(fromIcalJs).toHaveLength(1)
    expect(fromIcalJs[0]?.uid).toBe(uid)
    const rows = await payload.find({
      collection: SLUGS.occurrences,
      where: { and: [{ event: { equals: weekly.id } }, { day: { equals: day } }] },
      depth: 0,
      overrideAccess: true,
    })
    const start = new Date(rows.docs[0]?.start as string).toISOString()
    expect(fromIcalJs[0]?.start).toBe(start)
    const fromPython = pythonExpand(
      text,
      new Date(Date.now() - 86_400_000 * 40),
      new Date(Date.now() + 86_400_000 * 400),
    )
    expect(fromPython.dates.map((d) => ({ uid: d.uid, start: new Date(d.start).toISOString() }))).toEqual([
      { uid, start },
    ])
    // All the dates: the series, under the event's UID.
    const all = await ics(`/eventi/${weekly.slug}.ics`)
    expect(expandIcs(all.text).map((d) => d.uid)).toEqual(Array(6).fill(`${weekly.id}@localhost`))
  })

  it('a day without a date of the event, or a malformed one, is a 404 with a message, never a 500', async () => {
    for (const query of [
      'data=2020-01-01',
      'data=2026-13-45',
      'data=oggi',
      `data=${days[0]}&data=${days[1]}`,
      'data=',
    ]) {
      const { status, text } = await ics(`/eventi/${weekly.slug}.ics?${query}`)
      expect(status, query).toBe(404)
      expect(text, query).toMatch(/^Calendario non trovato/)
    }
  })
})
