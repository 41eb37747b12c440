import type { APIContext } from 'astro'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { parseFilters } from '../../site/lib/filters'
import { FEED_MAX_BYTES, FEED_MAX_EVENTS, feedIsTruncated } from '../../site/lib/ical/feed'
import { eventUid } from '../../site/lib/urls'
import { GET as sistemaFeed } from '../../site/pages/sistemi/[slug]/calendario.ics'
import { parseCalendar } from '../helpers/ical-expand'
import { buildNetwork, type Network, romeAt } from '../helpers/network'
import { getPayload } from '../helpers/payload'

/** More published events than a feed may hold, each with its occurrence row (the real hooks run). */
const EVENTS = FEED_MAX_EVENTS + 20

let payload: Payload
let net: Network
let systemSlug: string
const ids: number[] = []

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  systemSlug = (await payload.findByID({ collection: 'systems', id: net.systems.a, depth: 0, overrideAccess: true }))
    .slug as string
  const summary = 'Una lettura ad alta voce con albi illustrati, giochi e filastrocche per bambine e bambini.'
  const description = plainTextToLexical(`${summary} Portate un cuscino e la tessera della biblioteca. `.repeat(5))
  for (let i = 0; i < EVENTS; i++) {
    // Three a day from tomorrow: event i is the i-th nearest.
    const day = 1 + Math.floor(i / 3)
    const doc = await payload.create({
      collection: 'events',
      data: {
        title: `Lettura ${i + 1}`,
        summary,
        description,
        system: net.systems.a,
        library: net.libraries.a1,
        start: romeAt(day, 9 + (i % 3) * 3),
        end: romeAt(day, 10 + (i % 3) * 3),
        recurrence: { frequency: 'none' },
        _status: 'published',
      } as never,
      context: { skipOccurrences: false },
      overrideAccess: true, // fixtures, not a person's request
      depth: 0,
    })
    ids.push(doc.id)
  }
}, 600_000)

afterAll(async () => payload?.destroy())

describe(`a filter that matches more than ${FEED_MAX_EVENTS} events`, () => {
  it(`keeps the ${FEED_MAX_EVENTS} nearest, stays under 1 MB and says so`, async () => {
    expect(await payload.count({ collection: 'occurrences', overrideAccess: true })).toEqual({ totalDocs: EVENTS })
    const path = `/sistemi/${systemSlug}/calendario.ics`
    const started = performance.now()
    const res = await sistemaFeed({
      request: new Request(`http://localhost:4321${path}`),
      params: { slug: systemSlug },
    } as unknown as APIContext)
    const elapsed = performance.now() - started
    const body = await res.text()
    expect(res.status).toBe(200)
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(FEED_MAX_BYTES)
    const cal = parseCalendar(body)
    const uids = cal.getAllSubcomponents('vevent').map((v) => v.getFirstPropertyValue('uid'))
    expect(uids.length).toBeLessThanOrEqual(FEED_MAX_EVENTS)
    expect(uids.length).toBeGreaterThan(FEED_MAX_EVENTS * 0.9)
    expect(new Set(uids)).toEqual(new Set(ids.slice(0, uids.length).map(eventUid)))
    expect(cal.getFirstPropertyValue('description')).toContain(`la ricerca comprende ${EVENTS} eventi`)
    expect(await feedIsTruncated(parseFilters(new URLSearchParams(`sistema=${systemSlug}`)))).toBe(true)
    console.info(`feed of ${uids.length} events, ${Buffer.byteLength(body)} bytes, built in ${elapsed.toFixed(0)} ms`)
  })
})
