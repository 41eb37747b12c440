// The public site's data layer on the real demo seed: /eventi.json shapes, draft privacy, error classes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Occurrence } from '../../cms/payload-types'
import { seedNetwork } from '../../cms/seed'
import { SLUGS } from '../../collections/slugs'
import { agendaView } from '../../site/lib/agenda-view'
import { entityView, findEntity } from '../../site/lib/entities'
import { eventView, findEventBySlug } from '../../site/lib/events'
import { isoWithOffset } from '../../site/lib/format'
import { openDataPage } from '../../site/lib/open-data'
import { load } from '../../site/lib/pages'
import { parseSitemapPart, sitemapEvents, sitemapIndex, sitemapPages } from '../../site/lib/sitemap'
import { onSqlite } from '../helpers/db-kind'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
const ISO_ROME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/

beforeAll(async () => {
  payload = await getPayload()
  await seedNetwork(payload, { events: 80 })
}, 180_000)
afterAll(async () => payload.destroy())

/** The published events as the public may read them (no staff-only ones): what the sitemap must list. */
const publishedAsPublic = () =>
  payload.find({
    collection: SLUGS.events,
    where: { _status: { equals: 'published' } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: false,
  })

describe('/eventi.json', () => {
  it('gives each occurrence the documented shape, Rome offsets and the feeds’ UID', async () => {
    const page = await openDataPage(new URLSearchParams('sistema=valle-seriana'))
    expect(page).toMatchObject({ page: 1, license: 'CC-BY-4.0' })
    expect(page.items.length).toBeGreaterThan(0)
    const rows = await payload.find({
      collection: SLUGS.occurrences,
      where: { id: { in: page.items.map((i) => i.id) } },
      depth: 0,
      limit: 100,
      overrideAccess: true,
    })
    const stored = new Map(rows.docs.map((o: Occurrence) => [o.id, o]))
    for (const item of page.items) {
      const row = stored.get(item.id) as Occurrence
      expect(item.eventId).toBe(row.event)
      expect(item.start).toMatch(ISO_ROME)
      expect(item.end).toMatch(ISO_ROME)
      expect(new Date(item.start).toISOString()).toBe(new Date(row.start).toISOString())
      expect(item.start).toBe(isoWithOffset(row.start))
      expect(item.uid).toBe(`${item.eventId}@localhost`)
      expect(item.url).toBe(`http://localhost:4321/eventi/${item.slug}`)
      expect(item.system).toEqual({ slug: 'valle-seriana', name: 'Sistema Bibliotecario Valle Seriana' })
      expect(item.library).toMatchObject({ slug: expect.stringMatching(/^biblioteca-/), comune: expect.any(String) })
      expect(item.categories.every((c) => /^[a-z0-9-]+$/.test(c))).toBe(true)
      expect(['scheduled', 'cancelled', 'postponed', 'rescheduled', 'full', 'movedOnline']).toContain(item.status)
    }
    // All-day occurrences start at a Rome midnight.
    const all = await openDataPage(new URLSearchParams('quando=mese'))
    for (const item of all.items.filter((i) => i.allDay)) expect(item.start).toMatch(/T00:00:00\+0[12]:00$/)
  })

  it('pages without overlap and says when there is more', async () => {
    const first = await openDataPage(new URLSearchParams(''))
    expect(first.hasNextPage).toBe(true)
    const second = await openDataPage(new URLSearchParams('pagina=2'))
    expect(second.page).toBe(2)
    const ids = new Set(first.items.map((i) => i.id))
    expect(second.items.some((i) => ids.has(i.id))).toBe(false)
  })

  it('shows a published change at once (no server-side cache between the database and the page)', async () => {
    const item = (await openDataPage(new URLSearchParams('sistema=seriate-laghi'))).items[0]
    await payload.update({
      collection: SLUGS.events,
      id: item?.eventId as number,
      data: { title: 'Titolo cambiato adesso' },
      overrideAccess: true, // the editor's save, reduced to its effect
    })
    const after = await openDataPage(new URLSearchParams('sistema=seriate-laghi'))
    expect(after.items.find((i) => i.eventId === item?.eventId)?.title).toBe('Titolo cambiato adesso')
  })
})

describe('drafts stay private', () => {
  it('a draft event has no page, no row in the open data and no place in the sitemap', async () => {
    const drafts = await payload.find({
      collection: SLUGS.events,
      where: { _status: { equals: 'draft' } },
      draft: true,
      depth: 0,
      limit: 10,
      overrideAccess: true,
    })
    expect(drafts.docs.length).toBeGreaterThan(0)
    const map = (await sitemapPages()) + (await sitemapEvents(1))
    const published = await publishedAsPublic()
    expect(map.match(/\/eventi\/[a-z0-9-]+<\/loc>/g)?.length).toBe(published.totalDocs + 1) // + /eventi/calendario
    for (const draft of drafts.docs) {
      expect(map).not.toContain(`/eventi/${draft.slug}</loc>`)
      expect(await findEventBySlug(draft.slug as string)).toBeNull()
      const everything = await openDataPage(new URLSearchParams(`q=${encodeURIComponent(draft.title)}`))
      expect(everything.items.some((i) => i.eventId === draft.id)).toBe(false)
    }
  })
})

describe('the sitemap index', () => {
  const eventUrls = (xml: string | null) => xml?.match(/\/eventi\/[a-z0-9-]+<\/loc>/g) ?? []

  it('splits the published public events into parts of the given size, each event in exactly one part', async () => {
    const published = await publishedAsPublic()
    const size = 7
    const parts = Math.ceil(published.totalDocs / size)
    expect(parts).toBeGreaterThan(2)
    const index = await sitemapIndex(size)
    const locs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])
    expect(locs).toEqual([
      'http://localhost:4321/sitemap-pagine.xml',
      ...Array.from({ length: parts }, (_, i) => `http://localhost:4321/sitemap-eventi-${i + 1}.xml`),
    ])
    for (const how of (['sql', 'adapter'] as const).filter((h) => onSqlite || h !== 'sql')) {
      const listed: string[] = []
      for (let n = 1; n <= parts; n++) {
        const part = await sitemapEvents(n, size, how)
        expect(eventUrls(part).length, `${how} part ${n}`).toBeLessThanOrEqual(size)
        // The SQL statement and the adapter's find give the same part, byte for byte.
        if (how === 'sql') expect(part, `part ${n}`).toBe(await sitemapEvents(n, size, 'adapter'))
        listed.push(...eventUrls(part))
      }
      expect(new Set(listed).size, how).toBe(listed.length)
      expect(listed.sort(), how).toEqual(published.docs.map((e) => `/eventi/${e.slug}</loc>`).sort())
      expect(await sitemapEvents(parts + 1, size, how), how).toBeNull()
    }
    // The pages part lists no event page (only the month view under /eventi/).
    expect(eventUrls(await sitemapPages())).toEqual(['/eventi/calendario</loc>'])
  })

  it('names its parts strictly: pagine and eventi-N from 1, nothing else', () => {
    expect(parseSitemapPart('pagine')).toEqual({ kind: 'pages' })
    expect(parseSitemapPart('eventi-3')).toEqual({ kind: 'events', n: 3 })
    for (const junk of [
      'eventi-0',
      'eventi-01',
      'eventi-x',
      'eventi-',
      'eventi-9999999',
      '../pagine',
      'Pagine',
      undefined,
    ])
      expect(parseSitemapPart(junk), String(junk)).toBeNull()
  })
})

describe('page loaders', () => {
  it('malformed filters become 400 naming the parameter, unknown slugs 404', async () => {
    expect(await load(() => agendaView(new URLSearchParams('eta=tanti'), 'it'))).toMatchObject({
      status: 400,
      param: 'eta',
    })
    expect(await load(() => agendaView(new URLSearchParams('biblioteca=inesistente'), 'it'))).toEqual({ status: 404 })
    const ok = await load(() => agendaView(new URLSearchParams('campagna=nati-per-leggere&eta=4'), 'it'))
    expect(ok.status).toBe(200)
    if (ok.status === 200) {
      expect(ok.data.groups.length).toBeGreaterThan(0)
      expect(ok.data.feedPath).toBe('/calendario.ics?campagna=nati-per-leggere&eta=4')
    }
  })

  it('an event page lists the dates to come with their status and a parseable JSON-LD', async () => {
    const cancelled = (await openDataPage(new URLSearchParams('campagna=nati-per-leggere'))).items.find(
      (i) => i.status === 'cancelled',
    )
    const event = await findEventBySlug(cancelled?.slug as string)
    expect(event).not.toBeNull()
    const view = await eventView(event as NonNullable<typeof event>, 'it')
    expect(view.statusLabel).toBe('Annullato')
    expect(view.dates.length).toBeGreaterThan(1)
    expect(view.dates.every((d) => Date.parse(d.endIso) > Date.now())).toBe(true)
    expect(view.jsonLd.eventStatus).toBe('https://schema.org/EventCancelled')
    expect(view.icsPath).toBe(`/eventi/${cancelled?.slug}.ics`)
  })

  it('entity pages find their documents by slug and list upcoming events', async () => {
    expect(await findEntity('sistema', 'non-esiste')).toBeNull()
    const doc = await findEntity('campagna', 'nati-per-leggere')
    const view = await entityView('campagna', doc as NonNullable<typeof doc>, 'it')
    expect(view.title).toBe('Nati per Leggere')
    expect(view.cards.length).toBeGreaterThan(0)
    expect(view.feedPath).toBe('/campagne/nati-per-leggere/calendario.ics')
    expect(view.agendaHref).toBe('/eventi?campagna=nati-per-leggere')
  })
})
