import type { Media } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { getPayload } from './payload'

type Id = number | string

/** One query for the images of a page of agenda rows (occurrences populate their event at depth 1 only). */
export const loadMedia = async (ids: Id[]): Promise<Map<string, Media>> => {
  const unique = [...new Set(ids.map(String))]
  if (unique.length === 0) return new Map()
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.media,
    where: { id: { in: unique } },
    depth: 0,
    limit: unique.length,
    pagination: false,
    overrideAccess: false,
  })
  return new Map(docs.map((m) => [String(m.id), m]))
}
