// The agenda's in-process search index answers exactly what the database query answers, and follows CMS saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedNetwork } from '../../cms/seed'
import { SLUGS } from '../../collections/slugs'
import { findAgendaPage, findOccurrences, resolveFilters, whereOf } from '../../site/lib/agenda'
import { agendaView } from '../../site/lib/agenda-view'
import { calendarView } from '../../site/lib/calendar'
import { parseFilters } from '../../site/lib/filters'
import { filterFeed } from '../../site/lib/ical/feed'
import { clearPageCache } from '../../site/lib/page-cache'
import type { AgendaIndex } from '../../site/lib/search/model'
import { currentSearchIndex, resetSearchIndex } from '../../site/lib/search/sync'
import { romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let slugs: Record<'system' | 'library' | 'category' | 'audience' | 'campaign', string>

const slugOf = async (collection: 'systems' | 'libraries' | 'categories' | 'audiences' | 'campaigns') =>
  (await payload.find({ collection, limit: 1, depth: 0, sort: 'id', overrideAccess: true })).docs[0]?.slug as string

beforeAll(async () => {
  payload = await getPayload()
  await seedNetwork(payload, { events: 80 })
  slugs = {
    system: 'valle-seriana',
    library: await slugOf(SLUGS.libraries),
    category: await slugOf(SLUGS.categories),
    audience: '3-6-anni',
    campaign: 'nati-per-leggere',
  }
}, 180_000)
afterAll(async () => payload.destroy())

/** The index once it has caught up with the current data (a save is noticed at once after clearPageCache). */
const readyIndex = async (): Promise<AgendaIndex> => {
  clearPageCache()
  const deadline = Date.now() + 20_000
  for (;;) {
    const index = await currentSearchIndex({ wait: true })
    if (index) return index
    if (Date.now() > deadline) throw new Error('the search index did not catch up')
    await new Promise((r) => setTimeout(r, 50))
  }
}

const bothWays = async (query: string, limit = 20) => {
  const filters = parseFilters(new URLSearchParams(query))
  const resolved = await resolveFilters(filters)
  const index = await readyIndex()
  const fromIndex = index.query(resolved, { page: filters.pagina, limit })
  const fromDb = await findOccurrences(whereOf(resolved), { page: filters.pagina, limit })
  const distinct = await payload.findDistinct({
    collection: SLUGS.occurrences,
    field: 'event',
    where: whereOf(resolved),
    limit: 1,
    overrideAccess: false,
  })
  return {
    fromIndex: { ids: fromIndex.ids, totalDocs: fromIndex.totalDocs, events: index.countEvents(resolved) },
    fromDb: { ids: fromDb.items.map((o) => String(o.id)), totalDocs: fromDb.totalDocs, events: distinct.totalDocs },
  }
}

describe('the search index evaluates filters exactly as the database query does', () => {
  const queries = () => [
    'q=lettura',
    'q=citta',
    'q=perche',
    'q=storie piccine',
    'q=LETTURE animate',
    'q=a',
    'q=zzzz',
    `q=bergamo&sistema=urbano-di-bergamo`,
    `q=la&quando=mese&pagina=2`,
    `q=l&eta=4`,
    `q=e&pubblico=${slugs.audience}&campagna=${slugs.campaign}`,
    `q=i&sistema=${slugs.system}&sistema=area-di-dalmine&gratuito=1`,
    `q=o&biblioteca=${slugs.library}`,
    `q=a&categoria=${slugs.category}&accessibilita=step-free&accessibilita=lis`,
    `q=a&comune=bergamo`,
    `q=a&da=${romeAt(-20, 0).slice(0, 10)}&a=${romeAt(20, 0).slice(0, 10)}`,
    'quando=weekend',
    `sistema=${slugs.system}&eta=4`,
    'eta=2&eta=12',
    'pagina=3',
  ]

  it('gives the same rows, in the same order, the same totals and event counts for every filter combination', async () => {
    let nonEmpty = 0
    for (const query of queries()) {
      const { fromIndex, fromDb } = await bothWays(query)
      expect(fromIndex, query).toEqual(fromDb)
      if (fromDb.totalDocs > 0) nonEmpty++
    }
    expect(nonEmpty).toBeGreaterThan(12)
  })

  it('matches word prefixes regardless of case and accents, and needs every word', async () => {
    const accented = await findAgendaPage(parseFilters(new URLSearchParams('q=Città')))
    const plain = await findAgendaPage(parseFilters(new URLSearchParams('q=citta')))
    expect(plain.totalDocs).toBeGreaterThan(0)
    expect(accented.items.map((o) => o.id)).toEqual(plain.items.map((o) => o.id))
    const prefix = await findAgendaPage(parseFilters(new URLSearchParams('q=lett')))
    const word = await findAgendaPage(parseFilters(new URLSearchParams('q=letture')))
    expect(prefix.totalDocs).toBeGreaterThanOrEqual(word.totalDocs)
    const inside = await findAgendaPage(parseFilters(new URLSearchParams('q=ttura')))
    expect(inside.totalDocs).toBe(0) // a prefix of a word, not any substring
  })
})

describe('«Forse cercavi»: a search with a typo proposes the corrected query', () => {
  it('fumeto, nati per legere, burattino: nothing found, and a link to the query that finds events', async () => {
    await readyIndex()
    for (const [query, corrected, href] of [
      ['q=fumeto&gratuito=1', 'fumetto', '/eventi?q=fumetto&gratuito=1'], // the other filters stay
      ['q=Nati+per+legere', 'nati per leggere', '/eventi?q=nati+per+leggere'],
      ['q=burattino', 'burattini', '/eventi?q=burattini'],
    ] as const) {
      const view = await agendaView(new URLSearchParams(query), 'it')
      const fixed = await agendaView(new URL(href, 'http://x').searchParams, 'it')
      expect(view?.total, query).toBe(0) // the search itself stays exact
      expect(fixed?.total, href).toBeGreaterThan(0)
      expect(view?.suggestion, query).toEqual({ q: corrected, total: fixed?.total, href })
    }
  })

  it('proposes nothing for a search that finds enough, or a word too far from any other', async () => {
    await readyIndex()
    expect((await agendaView(new URLSearchParams({ q: 'lettura' }), 'it'))?.suggestion).toBeNull()
    expect((await agendaView(new URLSearchParams({ q: 'zzzzzz' }), 'it'))?.suggestion).toBeNull()
  })
})

describe('the search index follows the CMS', () => {
  const search = async (q: string) => {
    await readyIndex()
    return (await findAgendaPage(parseFilters(new URLSearchParams({ q })))).items.map((o) => o.title)
  }

  it('finds a published event by a new word, forgets its old title after an edit, and drops it when deleted', async () => {
    const [system] = (await payload.find({ collection: SLUGS.systems, limit: 1, depth: 0, overrideAccess: true })).docs
    const [library] = (
      await payload.find({
        collection: SLUGS.libraries,
        where: { system: { equals: system?.id } },
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
    ).docs
    const event = await payload.create({
      collection: SLUGS.events,
      data: {
        title: 'Zibaldone di filastrocche',
        summary: 'Rime per piccolissimi.',
        system: system?.id as number,
        library: library?.id as number,
        start: romeAt(5, 17, 0),
        end: romeAt(5, 18, 0),
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
        _status: 'published',
      } as never,
      overrideAccess: true,
    })
    expect(await search('zibald')).toEqual(Array(3).fill('Zibaldone di filastrocche'))

    await payload.update({
      collection: SLUGS.events,
      id: event.id,
      data: { title: 'Quaderno di filastrocche' },
      overrideAccess: true,
    })
    expect(await search('zibald')).toEqual([])
    expect(await search('quadern filastr')).toEqual(Array(3).fill('Quaderno di filastrocche'))

    await payload.delete({ collection: SLUGS.events, id: event.id, overrideAccess: true })
    expect(await search('quadern')).toEqual([])
    const index = await readyIndex()
    expect(index.size).toBe((await payload.count({ collection: SLUGS.occurrences, overrideAccess: false })).totalDocs)
  })

  it('never holds a staff-only event: the seeded training is in the database, not in the index or the agenda', async () => {
    const { docs } = await payload.find({
      collection: SLUGS.occurrences,
      where: { staffOnly: { equals: true } },
      depth: 0,
      overrideAccess: true,
    })
    expect(docs.length).toBeGreaterThan(0)
    const index = await readyIndex()
    const all = await payload.count({ collection: SLUGS.occurrences, overrideAccess: true })
    expect(index.size).toBe(all.totalDocs - docs.length)
    expect(await search('formazione personale')).toEqual([])
    const { fromIndex, fromDb } = await bothWays('q=catalogazione')
    expect(fromIndex).toEqual(fromDb)
    expect(fromDb.totalDocs).toBe(0)
  })

  it('never loses an event saved a moment ago, before the index has caught up', async () => {
    const index = await readyIndex()
    const filters = parseFilters(new URLSearchParams('sistema=valle-seriana'))
    const before = await findAgendaPage(filters)
    const first = before.items[0]
    expect(first).toBeDefined()
    const eventId = typeof first?.event === 'object' ? first.event.id : (first?.event as number)
    await payload.update({
      collection: SLUGS.events,
      id: eventId,
      data: { title: 'Salvato un attimo fa' },
      overrideAccess: true, // the editor's save, reduced to its effect
    })
    // No clearPageCache(): the fingerprint is still the old one, so the index still looks current.
    expect(await currentSearchIndex({ wait: false })).toBe(index)
    const after = await findAgendaPage(filters)
    expect(after.totalDocs).toBe(before.totalDocs)
    expect(after.items.map((o) => o.title)).toContain('Salvato un attimo fa')
    expect(after.items).toHaveLength(before.items.length)
  })

  it('answers from the database while the index is not built yet, with the same result', async () => {
    resetSearchIndex()
    clearPageCache()
    const cold = await findAgendaPage(parseFilters(new URLSearchParams('q=lettura')))
    const warm = await (async () => {
      await readyIndex()
      return findAgendaPage(parseFilters(new URLSearchParams('q=lettura')))
    })()
    expect(cold.totalDocs).toBeGreaterThan(0)
    expect(warm).toEqual(cold)
  })
})

const month = (offset: number) => {
  const d = new Date()
  d.setUTCDate(1)
  d.setUTCMonth(d.getUTCMonth() + offset)
  return d.toISOString().slice(0, 7)
}

describe('the month view', () => {
  it('shows the same days, rows and per-day totals from the index as from the database', async () => {
    const queries = [
      `mese=${month(0)}`,
      `mese=${month(1)}`,
      `mese=${month(1)}&q=lettura`,
      `mese=${month(0)}&eta=4`,
      `mese=${month(1)}&eta=2&eta=5`,
    ]
    let busyDays = 0
    for (const query of queries) {
      resetSearchIndex()
      clearPageCache()
      const fromDb = await calendarView(new URLSearchParams(query), 'it')
      await readyIndex()
      const fromIndex = await calendarView(new URLSearchParams(query), 'it')
      expect(fromIndex, query).toEqual(fromDb)
      busyDays += fromDb.weeks.flat().filter((d) => d.total > d.items.length).length
    }
    expect(busyDays).toBeGreaterThan(0) // some days have more rows than the grid shows: totals are exercised
  })

  it('shows a date that spans several days on each of them, from the index as from the database', async () => {
    const { docs } = await payload.find({
      collection: SLUGS.occurrences,
      where: { allDay: { equals: true }, start: { greater_than: new Date().toISOString() } },
      sort: 'start',
      depth: 1,
      limit: 100,
      overrideAccess: false,
    })
    // A multi-day all-day date (an exhibition): its end is the midnight after its last day.
    const long = docs.find((o) => Date.parse(o.end) - Date.parse(o.start) >= 3 * 86_400_000)
    expect(long).toBeDefined()
    const o = long as NonNullable<typeof long>
    const library = typeof o.library === 'object' ? o.library?.slug : undefined
    const rome = (instant: number) => new Date(instant).toLocaleDateString('sv-SE', { timeZone: 'Europe/Rome' })
    const firstDay = rome(Date.parse(o.start))
    const lastDay = rome(Date.parse(o.end) - 1)
    const query = `mese=${firstDay.slice(0, 7)}&biblioteca=${library}&q=${encodeURIComponent(o.title)}`
    resetSearchIndex()
    clearPageCache()
    const fromDb = await calendarView(new URLSearchParams(query), 'it')
    await readyIndex()
    const fromIndex = await calendarView(new URLSearchParams(query), 'it')
    expect(fromIndex).toEqual(fromDb)
    const days = fromDb.weeks.flat().filter((d) => d.inMonth && d.day >= firstDay && d.day <= lastDay)
    expect(days.length).toBeGreaterThanOrEqual(2)
    for (const d of days) {
      const item = d.items.find((i) => i.title === o.title)
      expect(item, d.day).toBeDefined()
      expect(item?.ongoing, d.day).toBe(d.day !== firstDay)
    }
  })

  it('shows a title repeated on one day once, with how many dates and libraries it stands for', async () => {
    const view = await calendarView(new URLSearchParams(`mese=${month(1)}&q=sabato storie ogni settimana`), 'it')
    const saturdays = view.weeks.flat().filter((d) => d.inMonth && d.total > 1)
    expect(saturdays.length).toBeGreaterThan(0)
    for (const d of saturdays) {
      expect(new Date(`${d.day}T12:00:00Z`).getUTCDay(), d.day).toBe(6)
      expect(d.items, d.day).toHaveLength(1)
      expect(d.items[0]?.count, d.day).toBe(d.total)
      expect(d.hidden, d.day).toBe(0)
      expect(d.items[0]?.href, d.day).toContain(`da=${d.day}`)
    }
  })
})

describe('the iCal feed of a filter', () => {
  it('keeps the same nearest events with the same dates whether the index or the database ranks them', async () => {
    const now = new Date()
    const cases: [string, number][] = [
      ['', 1000],
      ['', 7],
      ['sistema=valle-seriana', 3],
      ['q=lettura&eta=4', 5],
    ]
    for (const [query, maxEvents] of cases) {
      const request = {
        filters: parseFilters(new URLSearchParams(query)),
        feedPath: '/calendario.ics',
        pagePath: '/eventi',
        now,
        limits: { maxEvents },
      }
      resetSearchIndex()
      clearPageCache()
      const fromDb = await filterFeed(request)
      await readyIndex()
      const fromIndex = await filterFeed(request)
      expect(fromIndex.ics, query).toBe(fromDb.ics)
      expect({ events: fromIndex.events, matched: fromIndex.matched }).toEqual({
        events: fromDb.events,
        matched: fromDb.matched,
      })
      expect(fromDb.events).toBeGreaterThan(0)
    }
  })
})
