import type { CollectionSlug, Payload } from 'payload'
import { comuneCodes, comuniWithin, FILTERS, type RelationEntry, type ResolvedFilters } from '../filter-registry'
import { dateRange, type Filters, searchWords } from './parse'

/** A filter names something that does not exist (the site answers 404, the newsletter picker 400). */
export class UnknownSlugError extends Error {
  constructor(
    readonly param: string,
    readonly slug: string,
  ) {
    super(`Nessun elemento «${slug}» per «${param}».`)
  }
}

/** The ids of the documents named by `slugs`, as the public may read them; throws for a slug that names nothing. */
const resolveSlugs = async (payload: Payload, { param, collection }: RelationEntry, slugs: string[]) => {
  if (slugs.length === 0) return []
  const { docs } = await payload.find({
    collection: collection as CollectionSlug,
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length,
    pagination: false,
    select: { slug: true },
    overrideAccess: false,
  })
  const found = docs as unknown as { id: number | string; slug: string }[]
  const missing = slugs.find((s) => !found.some((d) => d.slug === s))
  if (missing) throw new UnknownSlugError(param, missing)
  return found.map((d) => d.id)
}

/**
 * A parsed filter set as both query paths evaluate it (`whereOf`, the site's search index): slugs become ids or
 * ISTAT codes, dates instants. Read through the Local API with the public's access, on any database adapter.
 */
export const resolveFilters = async (
  payload: Payload,
  f: Filters,
  now: Date = new Date(),
): Promise<ResolvedFilters> => {
  // One list per filter in use, in registry order (two filters may read the same field: `comune`, `vicino`).
  const lists: ResolvedFilters['lists'] = []
  for (const e of FILTERS) {
    if (e.kind === 'relation') {
      const ids = await resolveSlugs(payload, e, f[e.param])
      if (ids.length) lists.push({ field: e.field, values: ids })
    } else if (e.kind === 'comune') {
      const comune = comuneCodes(f[e.param])
      if (comune.unknown) throw new UnknownSlugError(e.param, comune.unknown)
      const codes =
        'within' in e && comune.codes.length
          ? comuniWithin(comune.codes, f[e.within.param] ?? e.within.km)
          : comune.codes
      if (codes.length) lists.push({ field: e.field, values: codes })
    } else if (e.kind === 'option' && f[e.param].length) lists.push({ field: e.field, values: f[e.param] })
  }
  const { from, to } = dateRange(f, now)
  return { lists, eta: f.eta, free: f.gratuito, words: searchWords(f.q), from, to }
}
