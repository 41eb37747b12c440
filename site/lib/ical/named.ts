import { SLUGS } from '../../../collections/slugs'
import { getPayload } from '../payload'
import type { Id, Named, NamedCollection, NamedDoc } from './load'
import type { DataVersion } from './version'

/** What feeds show of each named document (shownOf in load.ts), and when it changed. */
const SELECT: Record<NamedCollection, Record<string, true>> = {
  systems: { name: true, email: true, updatedAt: true },
  libraries: { name: true, address: true, comune: true, lat: true, lng: true, updatedAt: true },
  venues: { name: true, address: true, comune: true, lat: true, lng: true, updatedAt: true },
  categories: { name: true, updatedAt: true },
  audiences: { name: true, updatedAt: true },
}
const COLLECTIONS = [SLUGS.systems, SLUGS.libraries, SLUGS.venues, SLUGS.categories, SLUGS.audiences] as const

const held = new Map<NamedCollection, { version: string; docs: Promise<Map<Id, NamedDoc>> }>()

export const clearNamedDocs = () => held.clear()

const readAll = async (collection: NamedCollection): Promise<Map<Id, NamedDoc>> => {
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection,
    depth: 0,
    pagination: false,
    limit: 0,
    overrideAccess: false,
    select: SELECT[collection],
  })
  return new Map(docs.map((d) => [d.id as Id, d as NamedDoc]))
}

/**
 * Every system, library, venue, category and audience (a few hundred documents), read again only when its
 * collection's part of the data version moves.
 */
export const namedDocs = async (version: DataVersion): Promise<Named> => {
  const maps = await Promise.all(
    COLLECTIONS.map((collection) => {
      const part = version.collections[collection]
      let entry = held.get(collection)
      if (!entry || entry.version !== part) {
        const docs = readAll(collection)
        const fresh = { version: part, docs }
        held.set(collection, fresh)
        docs.catch(() => {
          if (held.get(collection) === fresh) held.delete(collection)
        })
        entry = fresh
      }
      return entry.docs
    }),
  )
  const [systems, libraries, venues, categories, audiences] = maps as Map<Id, NamedDoc>[]
  return {
    systems: systems as Map<Id, NamedDoc>,
    libraries: libraries as Map<Id, NamedDoc>,
    venues: venues as Map<Id, NamedDoc>,
    categories: categories as Map<Id, NamedDoc>,
    audiences: audiences as Map<Id, NamedDoc>,
  }
}
