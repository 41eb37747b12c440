// The index pages (/sistemi, /biblioteche, /rassegne, /festival, /campagne) list every entity with how many
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
        { group: 'Sistema Bibliotecario Area di Dalmine', title: a1, events: 2, next: day(2), ongoing: false },
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
      ['Sistema Bibliotecario Area di Dalmine', 3],
      ['Sistema Bibliotecario Valle Seriana', 0],
    ])
    const campaigns = itemsOf(await entityIndexView('campagna', 'it'))
    expect(campaigns.filter((c) => c.events > 0)).toHaveLength(1)
  })

  it('says the same while the search index is not built (the database answers)', async () => {
    for (const kind of ['sistema', 'biblioteca', 'campagna', 'rassegna', 'festival'] as const) {
      await ready()
      const fromIndex = await entityIndexView(kind, 'en')
      resetSearchIndex()
      const fromDb = await entityIndexView(kind, 'en')
      expect(fromDb, kind).toEqual(fromIndex)
    }
  })

  it('are in the sitemap, in both languages', async () => {
    const xml = await sitemapPages()
    for (const section of ['sistemi', 'biblioteche', 'rassegne', 'festival', 'campagne'])
      for (const path of [`/${section}`, `/en/${section}`]) expect(xml).toContain(`${path}</loc>`)
  })
})
