import type { Where } from 'payload'
import type { Occurrence } from '../../cms/payload-types'
import { comuneByIstat } from '../../collections/fields/comune'
import { type RelationField, type ResolvedFilters, whereOf } from '../../collections/filter-registry'
import { resolveFilters as resolveWith, UnknownSlugError } from '../../collections/filters/resolve'
import { SLUGS } from '../../collections/slugs'
import { type Filters, searchWords } from './filters'
import { getPayload } from './payload'
import { currentSearchIndex } from './search/sync'

export const PAGE_SIZE = 20

export type { RelationField, ResolvedFilters }
export { UnknownSlugError, whereOf }

/** A filter set's slugs as ids and its dates as instants (collections/filters/resolve.ts), on the site's Payload. */
export const resolveFilters = async (f: Filters, now: Date = new Date()): Promise<ResolvedFilters> =>
  resolveWith(await getPayload(), f, now)

/** The database query for a filter set; throws UnknownSlugError for a slug that names nothing. */
export const buildWhere = async (f: Filters, now: Date = new Date()): Promise<Where> =>
  whereOf(await resolveFilters(f, now))

export type AgendaPage = {
  items: Occurrence[]
  page: number
  totalPages: number
  totalDocs: number
  hasNextPage: boolean
}

/** One page of occurrences, in date order, with the event and its place populated. */
export const findOccurrences = async (
  where: Where,
  options: { page?: number; limit?: number } = {},
): Promise<AgendaPage> => {
  const payload = await getPayload()
  const result = await payload.find({
    collection: SLUGS.occurrences,
    where,
    sort: ['start', 'id'],
    page: options.page ?? 1,
    limit: options.limit ?? PAGE_SIZE,
    depth: 1,
    overrideAccess: false,
    populate: {
      events: { title: true, slug: true, summary: true, image: true, imageAlt: true, status: true, updatedAt: true },
      systems: { name: true, shortName: true, slug: true },
      libraries: { name: true, slug: true, comune: true, address: true },
      venues: { name: true, slug: true, comune: true, address: true },
      categories: { name: true, slug: true },
      audiences: { name: true, slug: true },
      campaigns: { title: true, slug: true },
      series: { title: true, slug: true },
      festivals: { title: true, slug: true },
    },
  })
  return {
    items: result.docs,
    page: result.page ?? 1,
    totalPages: result.totalPages,
    totalDocs: result.totalDocs,
    hasNextPage: result.hasNextPage,
  }
}

export const comuneName = (istat: string | null | undefined) => (istat ? (comuneByIstat.get(istat)?.name ?? '') : '')

/**
 * One agenda page for a filter set: from the in-process index when it is in step with the database
 * (site/lib/search/), the page's rows then read by id; otherwise by the database query. A text search waits
 * briefly for the index to catch up (the database cannot index word prefixes); other filters do not.
 */
export const findAgendaPage = async (
  f: Filters,
  options: { page?: number; limit?: number } = {},
  now: Date = new Date(),
): Promise<AgendaPage> => {
  const resolved = await resolveFilters(f, now)
  const index = await currentSearchIndex({ wait: resolved.words.length > 0 })
  if (!index) return findOccurrences(whereOf(resolved), options)
  const page = options.page ?? 1
  const limit = options.limit ?? PAGE_SIZE
  const { ids, totalDocs } = index.query(resolved, { page, limit })
  const rows = ids.length ? (await findOccurrences({ id: { in: ids } }, { limit })).items : []
  // A save rewrites an event's rows; in the half second before the fingerprint shows it, the index may name
  // rows that are gone. The database answers then, so a page never loses an event.
  if (rows.length < ids.length) return findOccurrences(whereOf(resolved), options)
  const totalPages = Math.max(1, Math.ceil(totalDocs / limit)) // as the database adapters count an empty result
  return { items: rows, page, totalPages, totalDocs, hasNextPage: page < totalPages }
}

/** A search with fewer matching rows than this proposes a corrected query, when there is one. */
export const FEW_RESULTS = 3

export type SearchSuggestion = { q: string; total: number }

/**
 * "Forse cercavi …": for a search that found fewer than FEW_RESULTS rows, the query with its unknown words
 * corrected from the index's vocabulary (site/lib/search/suggest.ts), if that query, with the same filters,
 * finds more. The search itself is unchanged; without a current index there is no suggestion.
 */
export const searchSuggestion = async (
  f: Filters,
  total: number,
  now: Date = new Date(),
): Promise<SearchSuggestion | null> => {
  const words = searchWords(f.q)
  if (words.length === 0 || total >= FEW_RESULTS) return null
  const index = await currentSearchIndex({ wait: true })
  const corrected = index?.suggest(words)
  if (!index || !corrected) return null
  const q = corrected.join(' ')
  const { totalDocs } = index.query(await resolveFilters({ ...f, q }, now), { page: 1, limit: 0 })
  return totalDocs > total ? { q, total: totalDocs } : null
}

/**
 * How many rows the agenda would list for a filter set (its "N eventi"): the index's count when it is current,
 * else the database's, by the same query as findAgendaPage.
 */
export const countAgenda = async (f: Filters, now: Date = new Date()): Promise<number> => {
  const resolved = await resolveFilters(f, now)
  const index = await currentSearchIndex({ wait: resolved.words.length > 0 })
  if (index) return index.query(resolved, { page: 1, limit: 0 }).totalDocs
  const payload = await getPayload()
  const { totalDocs } = await payload.count({
    collection: SLUGS.occurrences,
    where: whereOf(resolved),
    overrideAccess: false,
  })
  return totalDocs
}
