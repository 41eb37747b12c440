// An empty agenda is not a dead end: it offers wider searches that do list events, each counted by the agenda's
// own query, and the subscribe box names its calendar as the feed does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedNetwork } from '../../cms/seed'
import { SLUGS } from '../../collections/slugs'
import { countAgenda } from '../../site/lib/agenda'
import { type AgendaView, agendaView } from '../../site/lib/agenda-view'
import { parseFilters } from '../../site/lib/filters'
import { filterFeed } from '../../site/lib/ical/feed'
import { load } from '../../site/lib/pages'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await getPayload()
  await seedNetwork(payload, { events: 80 })
}, 180_000)
afterAll(async () => payload.destroy())

const view = async (query: string): Promise<AgendaView> => {
  const result = await load(() => agendaView(new URLSearchParams(query), 'it'))
  if (result.status !== 200) throw new Error(`${query}: ${result.status}`)
  return result.data
}

/** What the page a suggestion leads to shows as its total. */
const totalAt = async (href: string) => (await view(new URL(href, 'http://x').search.slice(1))).total

describe('a search with no results', () => {
  it('suggests the same search for every age and without the words, each link with the count its page shows', async () => {
    const empty = await view('eta=4&q=classici')
    expect(empty.total).toBe(0)
    const labels = empty.suggestions.map((s) => s.label)
    expect(labels).toEqual(['Per tutte le età', 'Senza cercare «classici»'])
    for (const s of empty.suggestions) {
      expect(s.total).toBeGreaterThan(0)
      expect(await totalAt(s.href)).toBe(s.total)
    }
    expect(empty.suggestions[0]?.href).toBe('/eventi?q=classici')
    expect(empty.suggestions[1]?.href).toBe('/eventi?eta=4')
  })

  it('suggests the whole system of a library that has nothing of the kind', async () => {
    const { docs: libraries } = await payload.find({
      collection: SLUGS.libraries,
      depth: 1,
      limit: 100,
      sort: 'slug',
      overrideAccess: true,
    })
    const { docs: categories } = await payload.find({ collection: SLUGS.categories, limit: 100, overrideAccess: true })
    let found: { library: string; system: string; shortName: string; category: string } | null = null
    for (const l of libraries) {
      const system = l.system as { slug: string; shortName: string }
      for (const c of categories) {
        const inLibrary = await countAgenda(
          parseFilters(new URLSearchParams(`biblioteca=${l.slug}&categoria=${c.slug}`)),
        )
        if (inLibrary > 0) continue
        const inSystem = await countAgenda(
          parseFilters(new URLSearchParams(`sistema=${system.slug}&categoria=${c.slug}`)),
        )
        if (inSystem > 0) {
          found = {
            library: l.slug as string,
            system: system.slug,
            shortName: system.shortName,
            category: c.slug as string,
          }
          break
        }
      }
      if (found) break
    }
    expect(found).not.toBeNull()
    const f = found as NonNullable<typeof found>
    const empty = await view(`biblioteca=${f.library}&categoria=${f.category}`)
    expect(empty.total).toBe(0)
    const wider = empty.suggestions.find((s) => s.label === `In tutto il sistema ${f.shortName}`)
    expect(wider?.href).toBe(`/eventi?sistema=${f.system}&categoria=${f.category}`)
    expect(await totalAt(wider?.href as string)).toBe(wider?.total)
  })

  it('suggests the next weekend and any date for a search of some days, and then offers no calendar', async () => {
    // A weekday ahead with nothing on it (80 events over seven months leave many).
    let day = ''
    for (let offset = 1; offset < 90 && !day; offset++) {
      const d = new Date(Date.now() + offset * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' })
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay()
      if (
        weekday >= 1 &&
        weekday <= 4 &&
        (await countAgenda(parseFilters(new URLSearchParams(`da=${d}&a=${d}`)))) === 0
      )
        day = d
    }
    expect(day).not.toBe('')
    const empty = await view(`da=${day}&a=${day}`)
    expect(empty.total).toBe(0)
    expect(empty.subscribe).toBe('none')
    const saturday = new Date(
      Date.parse(`${day}T12:00:00Z`) + (6 - new Date(`${day}T12:00:00Z`).getUTCDay()) * 86_400_000,
    )
    const sunday = new Date(saturday.getTime() + 86_400_000)
    const weekend = empty.suggestions.find((s) => s.label.startsWith('Nel fine settimana di sabato'))
    expect(weekend?.href).toBe(
      `/eventi?da=${saturday.toISOString().slice(0, 10)}&a=${sunday.toISOString().slice(0, 10)}`,
    )
    expect(await totalAt(weekend?.href as string)).toBe(weekend?.total)
    const anyDate = empty.suggestions.find((s) => s.label === 'In qualsiasi data, da oggi in poi')
    expect(anyDate?.href).toBe('/eventi')
    expect(await totalAt('/eventi')).toBe(anyDate?.total)
  })

  it('keeps the subscribe box for a standing search that is empty for now, and says so', async () => {
    const empty = await view('eta=4&q=classici')
    expect(empty.subscribe).toBe('empty')
    const some = await view('eta=4')
    expect(some.subscribe).toBe('show')
    expect(some.suggestions).toEqual([])
  })
})

describe('the subscribe box', () => {
  it('names the calendar as the feed names itself, after its filters', async () => {
    const query = 'sistema=valle-seriana&eta=2&eta=5'
    const page = await view(query)
    expect(page.calendarName).toBe('Eventi – Valle Seriana – 2 e 5 anni')
    const feed = await filterFeed({
      filters: parseFilters(new URLSearchParams(query)),
      feedPath: `/calendario.ics?${query}`,
      pagePath: `/eventi?${query}`,
    })
    expect(feed.name).toBe(page.calendarName)
    expect(page.feedPath).toBe(`/calendario.ics?${query}`)
    expect((await view('')).calendarName).toBe('Eventi – Rete Bibliotecaria Bergamasca')
  })
})
