import type { Where } from 'payload'
import type { Occurrence } from '../../cms/payload-types'
import { comuneByIstat, comuneBySlug } from '../../collections/fields/comune'
import { SLUGS } from '../../collections/slugs'
import { dateRange, type Filters, type SlugParam, searchWords } from './filters'
import { getPayload } from './payload'

export const PAGE_SIZE = 20

/** A filter names something that does not exist: the page answers 404. */
export class UnknownSlugError extends Error {
  constructor(
    readonly param: string,
    readonly slug: string,
  ) {
    super(`Nessun elemento «${slug}» per «${param}».`)
  }
}

const RELATION: Record<
  Exclude<SlugParam, 'comune'>,
  { collection: (typeof SLUGS)[keyof typeof SLUGS]; field: string }
> = {
  sistema: { collection: SLUGS.systems, field: 'system' },
  biblioteca: { collection: SLUGS.libraries, field: 'library' },
  categoria: { collection: SLUGS.categories, field: 'categories' },
  pubblico: { collection: SLUGS.audiences, field: 'audiences' },
  rassegna: { collection: SLUGS.series, field: 'series' },
  festival: { collection: SLUGS.festivals, field: 'festival' },
  campagna: { collection: SLUGS.campaigns, field: 'campaigns' },
}

const resolveSlugs = async (param: Exclude<SlugParam, 'comune'>, slugs: string[]) => {
  if (slugs.length === 0) return []
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: RELATION[param].collection as 'systems',
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length,
    pagination: false,
    select: { slug: true },
    overrideAccess: false,
  })
  const missing = slugs.find((s) => !docs.some((d) => d.slug === s))
  if (missing) throw new UnknownSlugError(param, missing)
  return docs.map((d) => d.id)
}

/** The database query for a filter set: resolved ids, indexed equality filters and the time window. */
export const buildWhere = async (f: Filters, now: Date = new Date()): Promise<Where> => {
  const and: Where[] = []
  for (const param of Object.keys(RELATION) as (keyof typeof RELATION)[]) {
    const ids = await resolveSlugs(param, f[param])
    if (ids.length) and.push({ [RELATION[param].field]: { in: ids } })
  }
  if (f.comune.length) {
    const codes = f.comune.map((slug) => {
      const c = comuneBySlug.get(slug)
      if (!c) throw new UnknownSlugError('comune', slug)
      return c.istat
    })
    and.push({ comune: { in: codes } })
  }
  if (f.accessibilita.length) and.push({ accessibility: { in: f.accessibilita } })
  if (f.eta !== null) and.push({ ageMin: { less_than_equal: f.eta } }, { ageMax: { greater_than_equal: f.eta } })
  if (f.gratuito) and.push({ free: { equals: true } })
  for (const word of searchWords(f.q)) and.push({ searchText: { contains: ` ${word}` } })
  const { from, to } = dateRange(f, now)
  and.push({ end: { greater_than: from.toISOString() } })
  if (to) and.push({ start: { less_than: to.toISOString() } })
  return { and }
}

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
