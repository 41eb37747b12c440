import type { CollectionSlug, PayloadRequest } from 'payload'

type Id = number | string
export type Row = Record<string, unknown> & { id: Id }

const cache = new WeakMap<PayloadRequest, Map<string, Promise<Row | null>>>()

/**
 * A reference row (library, venue, category…) read straight from the database adapter, without access,
 * hooks or population, remembered for the rest of the request: validators and the occurrence hook of
 * one save ask for the same rows, and a seed batch shares one request across many events.
 */
export const lookup = (req: PayloadRequest, collection: CollectionSlug, id: Id | null | undefined) => {
  if (id == null) return Promise.resolve(null)
  const rows = cache.get(req) ?? new Map<string, Promise<Row | null>>()
  cache.set(req, rows)
  const key = `${collection}:${id}`
  let row = rows.get(key)
  if (!row) {
    row = req.payload.db
      .findOne({ collection, where: { id: { equals: id } }, req })
      .then((doc) => (doc as Row | null) ?? null)
    rows.set(key, row)
  }
  return row
}
