import { getPayload } from '../../cms/local-api'

/** The site's only handle on the CMS: Payload's Local API, in-process. */
export { getPayload }

/** What the site reads of a document found by slug. */
export type SluggedDoc = { id: number | string; slug: string; name?: string; title?: string; shortName?: string }

/**
 * The documents of `collection` with these slugs, as the public may see them (depth 0); `select` narrows the
 * fields read. Slugs that match nothing are simply absent.
 */
export const findBySlugs = async (
  collection: string,
  slugs: string[],
  select?: Record<string, true>,
): Promise<SluggedDoc[]> => {
  if (slugs.length === 0) return []
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: collection as 'systems',
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length,
    pagination: false,
    ...(select ? { select } : {}),
    overrideAccess: false,
  })
  return docs as SluggedDoc[]
}
