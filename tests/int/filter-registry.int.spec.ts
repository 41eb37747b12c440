// Every filter of the registry is answered alike by the in-process index and by the database, so a filter
// cannot be half-added (a field the index does not keep, a match the database does not make).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedNetwork } from '../../cms/seed'
import { comuneByIstat } from '../../collections/fields/comune'
import { FILTERS, type FilterEntry, ROW_FIELDS, whereOf } from '../../collections/filter-registry'
import { Occurrences } from '../../collections/Occurrences'
import { SLUGS } from '../../collections/slugs'
import { findOccurrences, resolveFilters } from '../../site/lib/agenda'
import { filtersToParams, parseFilters } from '../../site/lib/filters'
import { clearPageCache } from '../../site/lib/page-cache'
import type { AgendaIndex } from '../../site/lib/search/model'
import { currentSearchIndex } from '../../site/lib/search/sync'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let rows: Record<string, unknown>[]

beforeAll(async () => {
  payload = await getPayload()
  await seedNetwork(payload, { events: 80 })
  rows = (await payload.db.find<Record<string, unknown>>({ collection: SLUGS.occurrences, where: {}, limit: 0 })).docs
}, 180_000)
afterAll(async () => payload.destroy())

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

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) =>
    String(typeof v === 'object' && v && 'id' in v ? (v as { id: unknown }).id : v),
  )

/** Query strings for a filter, with values that occur in the seeded rows (and one that matches nothing). */
const queriesFor = async (filter: FilterEntry): Promise<string[]> => {
  const used = [...new Set(rows.flatMap((r) => idsOf(r[filter.field])))]
  switch (filter.kind) {
    case 'relation': {
      const { docs } = await payload.find({
        collection: filter.collection as 'systems',
        where: { id: { in: used.slice(0, 3) } },
        depth: 0,
        select: { slug: true },
        overrideAccess: true,
      })
      return [...docs.map((d) => `${filter.param}=${d.slug}`), docs.map((d) => `${filter.param}=${d.slug}`).join('&')]
    }
    case 'comune':
      return used.slice(0, 3).map((istat) => `${filter.param}=${comuneByIstat.get(istat)?.slug}`)
    case 'option':
      return [
        ...filter.options.map((o) => `${filter.param}=${o}`),
        `${filter.param}=${filter.options.join(`&${filter.param}=`)}`,
      ]
    case 'age':
      // Several ages: an event suits one of them.
      return [
        ...[0, 4, 11, 40, 120].map((age) => `${filter.param}=${age}`),
        `${filter.param}=2&${filter.param}=5`,
        `${filter.param}=1&${filter.param}=40`,
      ]
    case 'flag':
      return [`${filter.param}=1`]
  }
}

describe('the filter registry', () => {
  it('names occurrence fields that exist, kept by the index, with parameters that parse and print back', () => {
    const fields = new Set(Occurrences.fields.map((f) => ('name' in f ? f.name : '')))
    for (const filter of FILTERS) {
      expect(fields.has(filter.field), filter.param).toBe(true)
      expect(ROW_FIELDS, filter.param).toHaveProperty(filter.field)
    }
    const params = new URLSearchParams('sistema=a&comune=bergamo&accessibilita=lis&eta=4&gratuito=1')
    expect(filtersToParams(parseFilters(params)).toString()).toBe(
      'sistema=a&comune=bergamo&accessibilita=lis&eta=4&gratuito=1',
    )
  })

  for (const filter of FILTERS)
    it(`«${filter.param}» (${filter.kind} on ${filter.field}): the index returns the database's rows`, async () => {
      const index = await readyIndex()
      const queries = await queriesFor(filter)
      expect(queries.length).toBeGreaterThan(0)
      let nonEmpty = 0
      for (const query of [...queries, ...queries.map((q) => `${q}&q=a`)]) {
        const resolved = await resolveFilters(parseFilters(new URLSearchParams(query)))
        const fromIndex = index.query(resolved, { page: 1, limit: 50 })
        const fromDb = await findOccurrences(whereOf(resolved), { page: 1, limit: 50 })
        expect({ ids: fromIndex.ids, totalDocs: fromIndex.totalDocs }, `${filter.param}: ${query}`).toEqual({
          ids: fromDb.items.map((o) => String(o.id)),
          totalDocs: fromDb.totalDocs,
        })
        if (fromDb.totalDocs > 0) nonEmpty++
      }
      expect(nonEmpty, `${filter.param} matched nothing in the seeded network`).toBeGreaterThan(0)
    })
})
