// The index pages (/sistemi, /biblioteche, /rassegne, /festival, /campagne, /organizzatori) list every entity with how many
// events it has coming and when the next one is, answered alike by the search index and by the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { entityIndexView } from '../../site/lib/entity-index'
import { formatIsoDay } from '../../site/lib/format'
import { clearPageCache } from '../../site/lib/page-cache'
import { currentSearchIndex, resetSearchIndex } from '../../site/lib/search/sync'
import { sitemapPages } from '../../site/lib/sitemap'
import { buildNetwork, fixtureEvent, type Network, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  const base = { system: net.systems.a }
  await fixtureEvent(payload, net, {
    ...base,
    title: 'Letture del sabato',
    library: net.libraries.a1,
    start: romeAt(2, 10, 30),
    end: romeAt(2, 11, 30),
    recurrence: { frequency: 'weekly', interval: 1, count: 3 },
    campaigns: [net.campaign],
  } as never)
  await fixtureEvent(payload, net, {
    ...base,
    title: 'Incontro',
    library: net.libraries.a1,
    start: romeAt(5, 18),
    end: romeAt(5, 19),
  })
  await fixtureEvent(payload, net, {
    ...base,
    title: 'Mostra',
    library: net.libraries.a2,
    start: romeAt(-1, 9),
    end: romeAt(1, 18),
  })
  await fixtureEvent(payload, net, {
    ...base,
    title: 'Spettacolo dei genitori',
    library: net.libraries.a1,
    organiser: net.partner,
    start: romeAt(4, 17),
    end: romeAt(4, 18),
  } as never)
  await fixtureEvent(payload, net, {
    system: net.systems.b,
    library: net.libraries.b1,
    title: 'Passato',
    start: romeAt(-3, 18),
    end: romeAt(-3, 19),
  })
})
afterAll(async () => payload.destroy())

const ready = async () => {
  clearPageCache()
  for (let i = 0; i < 200 && !(await currentSearchIndex({ wait: true })); i++)
    await new Promise((r) => setTimeout(r, 50))
}

const itemsOf = (view: Awaited<ReturnType<typeof entityIndexView>>) =>
  view.groups.flatMap((g) =>
    g.items.map((i) => ({ group: g.title, title: i.title, events: i.events, next: i.next, ongoing: i.ongoing })),
  )

describe('the index pages', () => {
  it('/biblioteche: every library under its system, with its coming events and the next date', async () => {
    await ready()
    const view = await entityIndexView('biblioteca', 'it')
    const day = (offset: number) => formatIsoDay(romeAt(offset, 12).slice(0, 10), 'it')
    const libraries = await payload.find({ collection: SLUGS.libraries, depth: 0, overrideAccess: true, sort: 'id' })
    const [a1, a2, b1] = libraries.docs.map((l) => l.name)
    expect(itemsOf(view)).toEqual(
      expect.arrayContaining([
        { group: 'Sistema Bibliotecario Area di Dalmine', title: a1, events: 3, next: day(2), ongoing: false },
        { group: 'Sistema Bibliotecario Area di Dalmine', title: a2, events: 1, next: day(-1), ongoing: true },
        { group: 'Sistema Bibliotecario Valle Seriana', title: b1, events: 0, next: null, ongoing: false },
      ]),
    )
    expect(view.groups.map((g) => g.title)).toEqual([
      'Sistema Bibliotecario Area di Dalmine',
      'Sistema Bibliotecario Valle Seriana',
    ])
  })

  it('/sistemi and /campagne count distinct events still to come (a past one does not count)', async () => {
    await ready()
    const systems = itemsOf(await entityIndexView('sistema', 'it'))
    expect(systems.map((s) => [s.title, s.events])).toEqual([
      ['Sistema Bibliotecario Area di Dalmine', 4],
      ['Sistema Bibliotecario Valle Seriana', 0],
    ])
    const campaigns = itemsOf(await entityIndexView('campagna', 'it'))
    expect(campaigns.filter((c) => c.events > 0)).toHaveLength(1)
  })

  it('lists every partner under each system it works with, with its kind, comune and coming events', async () => {
    await ready()
    const second = await payload.create({
      collection: SLUGS.partners,
      data: { name: 'Teatro senza date', kind: 'teatro', comune: '016024', systems: [net.systems.a, net.systems.b] },
    })
    try {
      const view = await entityIndexView('organizzatore', 'it')
      const system = async (id: unknown) =>
        (await payload.findByID({ collection: SLUGS.systems, id: id as number, depth: 0 })).name
      const a = view.groups.find((g) => g.items.some((i) => i.title.startsWith('Associazione Genitori')))
      expect(a?.title).toBe(await system(net.systems.a))
      const parents = a?.items.find((i) => i.title.startsWith('Associazione Genitori'))
      expect(parents?.detail).toMatch(/^Associazione · /)
      expect(parents?.events).toBe(1)
      expect(parents?.href).toMatch(/^\/organizzatori\//)
      // Listed under both of its systems, even with nothing coming.
      const empty = view.groups.filter((g) => g.items.some((i) => i.title === 'Teatro senza date'))
      expect(empty.map((g) => g.title).sort()).toEqual(
        [await system(net.systems.a), await system(net.systems.b)].sort(),
      )
      expect(empty[0]?.items.find((i) => i.title === 'Teatro senza date')?.events).toBe(0)
      const en = await entityIndexView('organizzatore', 'en')
      expect(en.title).toBe('Organisers')
      expect(en.groups.flatMap((g) => g.items).find((i) => i.title === 'Teatro senza date')?.href).toMatch(
        /^\/en\/organizzatori\//,
      )
    } finally {
      await payload.delete({ collection: SLUGS.partners, id: second.id })
    }
  })

  it('says the same while the search index is not built (the database answers)', async () => {
    for (const kind of ['sistema', 'biblioteca', 'campagna', 'rassegna', 'festival', 'organizzatore'] as const) {
      await ready()
      const fromIndex = await entityIndexView(kind, 'en')
      resetSearchIndex()
      const fromDb = await entityIndexView(kind, 'en')
      expect(fromDb, kind).toEqual(fromIndex)
    }
  })

  it('are in the sitemap, in both languages', async () => {
    const xml = await sitemapPages()
    for (const section of ['sistemi', 'biblioteche', 'rassegne', 'festival', 'campagne', 'organizzatori'])
      for (const path of [`/${section}`, `/en/${section}`]) expect(xml).toContain(`${path}</loc>`)
    for (const path of ['/proponi-evento', '/en/proponi-evento']) expect(xml).toContain(`${path}</loc>`)
  })
})
