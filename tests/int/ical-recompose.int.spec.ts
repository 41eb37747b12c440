import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseFilters } from '../../site/lib/filters'
import { feedBlocksSize, lastComposeStats, setFeedBlocksBudget } from '../../site/lib/ical/blocks'
import { agendaFeedResponse } from '../../site/lib/ical/endpoints'
import { filterFeed } from '../../site/lib/ical/feed'
import { clearFeedCache } from '../../site/lib/ical/http'
import { forgetDataVersion } from '../../site/lib/ical/version'
import { currentSearchIndex } from '../../site/lib/search/sync'
import { agendaPath, entityFeedPath, entityPath, eventUid } from '../../site/lib/urls'
import { parseCalendar } from '../helpers/ical-expand'
import { buildNetwork, eventData, type Network, romeAt } from '../helpers/network'
import { getPayload } from '../helpers/payload'

let payload: Payload
let net: Network
let systemSlug: string
let categorySlug: string
const ids = {} as Record<'renamed' | 'series' | 'tagged' | 'atVenue' | 'staffOnly', number>
const toUnpublish: Record<Mode, number> = { sql: 0, adapter: 0 }
type Mode = 'sql' | 'adapter'

const create = async (data: Record<string, unknown>) =>
  (
    await payload.create({
      collection: 'events',
      data: { _status: 'published', ...eventData(net), ...data } as never,
      overrideAccess: true, // fixtures, not a person's request
      depth: 0,
    })
  ).id

/** The feeds compared at every step: an entity feed, a filter on a hasMany field, a date window. */
const feeds = () => {
  const window = `da=${romeAt(3, 12).slice(0, 10)}&a=${romeAt(40, 12).slice(0, 10)}`
  return [
    {
      filters: parseFilters(new URLSearchParams(`sistema=${systemSlug}`)),
      feedPath: entityFeedPath('sistema', systemSlug),
      pagePath: entityPath('sistema', systemSlug),
      request: () =>
        agendaFeedResponse(new Request(`http://localhost:4321${entityFeedPath('sistema', systemSlug)}`), {
          kind: 'sistema',
          slug: systemSlug,
        }),
    },
    ...[`categoria=${categorySlug}`, window].map((query) => {
      const canonical = new URLSearchParams(query).toString()
      return {
        filters: parseFilters(new URLSearchParams(query)),
        feedPath: `/calendario.ics?${canonical}`,
        pagePath: agendaPath(canonical),
        request: () => agendaFeedResponse(new Request(`http://localhost:4321/calendario.ics?${query}`)),
      }
    }),
  ]
}

/**
 * After a change: the page cache's version (500 ms) and the feeds' version move, and the search index catches up,
 * so the feed is rebuilt from the index's rows rather than the fallback that reads every row.
 */
const settle = async () => {
  await new Promise((r) => setTimeout(r, 600))
  forgetDataVersion()
  for (let i = 0; i < 100 && !(await currentSearchIndex({ wait: true })); i++)
    await new Promise((r) => setTimeout(r, 50))
  expect(await currentSearchIndex({ wait: true })).not.toBeNull()
}

/**
 * Each feed three ways: recomposed (the memo's version moved, the blocks kept), rebuilt with every cache cleared,
 * and from scratch through the Local API alone. Returns the recomposed ones and what the system feed's composition
 * read and rendered.
 */
const buildAll = async () => {
  const recomposed: string[] = []
  let stats = lastComposeStats()
  for (const [i, feed] of feeds().entries()) {
    const res = await feed.request()
    expect(res.status).toBe(200)
    recomposed.push(await res.text())
    if (i === 0) stats = lastComposeStats()
  }
  clearFeedCache()
  for (const [i, feed] of feeds().entries()) {
    expect(await (await feed.request()).text(), 'a full rebuild').toBe(recomposed[i])
    const scratch = await filterFeed({ ...feed, fromScratch: true })
    expect(scratch.ics, 'a build from scratch through the Local API').toBe(recomposed[i])
  }
  return { system: recomposed[0] as string, stats }
}

const vevents = (ics: string) => parseCalendar(ics).getAllSubcomponents('vevent')
const uids = (ics: string) => new Set(vevents(ics).map((v) => v.getFirstPropertyValue('uid')))

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  systemSlug = (await payload.findByID({ collection: 'systems', id: net.systems.a, depth: 0, overrideAccess: true }))
    .slug as string
  categorySlug = (
    await payload.findByID({ collection: 'categories', id: net.category, depth: 0, overrideAccess: true })
  ).slug as string
  ids.renamed = await create({ title: 'Letture animate' })
  ids.series = await create({
    title: 'Nati per Leggere',
    start: romeAt(1, 10, 30),
    end: romeAt(1, 11, 30),
    recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['SA'], count: 12 },
    categories: [net.category],
  })
  ids.tagged = await create({
    title: 'Laboratorio di lettura',
    library: net.libraries.a2,
    categories: [net.category],
    audiences: [net.audience],
    start: romeAt(5, 16),
    end: romeAt(5, 18),
  })
  ids.atVenue = await create({ title: 'Concerto', venue: net.venues.a, start: romeAt(12, 21), end: romeAt(12, 22) })
  ids.staffOnly = await create({ title: 'Formazione interna', staffOnly: true, categories: [net.category] })
  for (let i = 0; i < 8; i++)
    await create({ title: `Storie ${i + 1}`, start: romeAt(2 + i * 4, 17), end: romeAt(2 + i * 4, 18) })
  toUnpublish.sql = await create({ title: 'Da ritirare (sql)', categories: [net.category] })
  toUnpublish.adapter = await create({ title: 'Da ritirare (adapter)', categories: [net.category] })
}, 300_000)

afterAll(async () => {
  delete process.env.FEED_QUERY
  await payload?.destroy()
})

describe.each(['sql', 'adapter'] as const)('a feed rebuilt after a change, reads by %s', (mode) => {
  let before: string

  beforeAll(async () => {
    process.env.FEED_QUERY = mode
    clearFeedCache()
    await settle()
    before = (await buildAll()).system
  })

  it('shows neither staff-only events nor anything but the system’s published events', () => {
    expect(uids(before).has(eventUid(ids.staffOnly))).toBe(false)
    expect(uids(before).has(eventUid(ids.renamed))).toBe(true)
  })

  it('a renamed event shows its new title, and only that event is read and rendered again', async () => {
    const title = `Letture animate (${mode})`
    await payload.update({ collection: 'events', id: ids.renamed, data: { title }, overrideAccess: true })
    await settle()
    const { system, stats } = await buildAll()
    expect(system).toContain(`SUMMARY:${title}`)
    expect(system).not.toBe(before)
    expect(stats).toEqual({ events: uids(before).size, read: 1, rendered: 1 })
    before = system
  })

  it('a cancelled date of a series shows as a CANCELLED override of that date', async () => {
    const cancelledOverrides = (ics: string) =>
      vevents(ics).filter(
        (v) =>
          v.getFirstPropertyValue('uid') === eventUid(ids.series) &&
          v.hasProperty('recurrence-id') &&
          v.getFirstPropertyValue('status') === 'CANCELLED',
      ).length
    const event = await payload.findByID({ collection: 'events', id: ids.series, depth: 0, overrideAccess: true })
    const rows = await payload.find({
      collection: 'occurrences',
      where: { event: { equals: ids.series } },
      sort: 'start',
      depth: 0,
      overrideAccess: true,
    })
    // The second date for one mode, the third for the other: each run cancels a date of its own.
    const date = rows.docs[mode === 'sql' ? 1 : 2]
    await payload.update({
      collection: 'events',
      id: ids.series,
      data: {
        changedDates: [
          ...(event.changedDates ?? []).map(({ id: _, ...rest }) => rest),
          { originalStart: date?.originalStart, status: 'cancelled' },
        ],
      } as never,
      overrideAccess: true,
    })
    await settle()
    const { system, stats } = await buildAll()
    expect(cancelledOverrides(system)).toBe(cancelledOverrides(before) + 1)
    expect(stats.rendered).toBe(1)
    before = system
  })

  it('a renamed library re-renders exactly the events it is the place of', async () => {
    const name = `Biblioteca di Dalmine (${mode})`
    const library = await payload.findByID({ collection: 'libraries', id: net.libraries.a1, overrideAccess: true })
    await payload.update({ collection: 'libraries', id: net.libraries.a1, data: { name }, overrideAccess: true })
    await settle()
    const { system, stats } = await buildAll()
    const located = vevents(system).filter(
      (v) => !v.hasProperty('recurrence-id') && String(v.getFirstPropertyValue('location')).startsWith(name),
    )
    expect(located.length).toBeGreaterThan(5)
    expect(stats.rendered).toBe(located.length)
    expect(system).not.toContain(`LOCATION:${library.name}\\,`)
    expect(before).toContain(`LOCATION:${library.name}\\,`)
    before = system
  })

  it('an unpublished event disappears', async () => {
    expect(uids(before).has(eventUid(toUnpublish[mode]))).toBe(true)
    await payload.update({
      collection: 'events',
      id: toUnpublish[mode],
      data: { _status: 'draft' },
      overrideAccess: true,
    })
    await settle()
    const { system, stats } = await buildAll()
    expect(uids(system).has(eventUid(toUnpublish[mode]))).toBe(false)
    expect(uids(system).size).toBe(uids(before).size - 1)
    expect(stats.rendered).toBe(0)
    before = system
  })

  it('a newly published event appears, the only one rendered', async () => {
    const id = await create({ title: `Nuovo evento (${mode})`, start: romeAt(7, 15), end: romeAt(7, 16) })
    await settle()
    const { system, stats } = await buildAll()
    expect(uids(system).has(eventUid(id))).toBe(true)
    expect(system).toContain(`SUMMARY:Nuovo evento (${mode})`)
    expect(stats).toEqual({ events: uids(before).size + 1, read: 1, rendered: 1 })
  })
})

describe('a block cache smaller than the feed', () => {
  afterAll(() => setFeedBlocksBudget())

  it('stays within its budget and gives the same bytes, reading again what it dropped', async () => {
    delete process.env.FEED_QUERY
    setFeedBlocksBudget(8_000)
    clearFeedCache()
    await settle()
    await buildAll()
    expect(feedBlocksSize().bytes).toBeLessThanOrEqual(8_000)
    const title = 'Letture animate (poca memoria)'
    await payload.update({ collection: 'events', id: ids.renamed, data: { title }, overrideAccess: true })
    await settle()
    const { system, stats } = await buildAll()
    expect(system).toContain(`SUMMARY:${title}`)
    expect(stats.read).toBeGreaterThan(1)
    expect(feedBlocksSize().bytes).toBeLessThanOrEqual(8_000)
  })
})
