import type { CollectionSlug, Payload, Where } from 'payload'
import { toWall } from '../../collections/lib/recurrence'

export type Id = number | string

/** Rows read per query: a page of a report never holds the whole agenda. */
export const PAGE = 500

/**
 * Every row of `collection` matching `where`, a page at a time in id order, only the `select`ed fields. Pages
 * follow the last id read (`id > last`) rather than page numbers: no count and no offset per page, so the cost
 * of a page does not grow with its position. Reports are scoped by the caller (`scope.ts`), so access is
 * skipped here.
 */
export async function* pagesOf<T extends { id: Id }>(
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  select: Record<string, true>,
): AsyncGenerator<T[]> {
  let last: Id | null = null
  for (;;) {
    const { docs } = await payload.find({
      collection,
      where: last == null ? where : { and: [where, { id: { greater_than: last } }] },
      select,
      sort: 'id',
      depth: 0,
      limit: PAGE,
      pagination: false,
      overrideAccess: true,
    })
    const rows = docs as unknown as T[]
    if (rows.length) yield rows
    if (rows.length < PAGE) return
    last = (rows.at(-1) as T).id
  }
}

/** The `fields` of the documents with these ids, by id (names of libraries, venues, systems…), read in chunks. */
export const byIds = async <T extends { id: Id }>(
  payload: Payload,
  collection: CollectionSlug,
  ids: Iterable<Id>,
  select: Record<string, true>,
): Promise<Map<string, T>> => {
  const all = [...new Set([...ids].map(String))]
  const found = new Map<string, T>()
  for (let i = 0; i < all.length; i += PAGE) {
    const chunk = all.slice(i, i + PAGE)
    const { docs } = await payload.find({
      collection,
      where: { id: { in: chunk } },
      select,
      depth: 0,
      limit: chunk.length,
      pagination: false,
      overrideAccess: true,
    })
    for (const doc of docs as unknown as T[]) found.set(String(doc.id), doc)
  }
  return found
}

export const idOf = (ref: unknown): Id | null => {
  if (ref == null) return null
  if (typeof ref === 'object') return ((ref as { id?: Id }).id ?? null) as Id | null
  return ref as Id
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A date as Rome's clocks show it, `dd/MM/yyyy HH:mm` (the admin's format). */
export const romeDateTime = (iso: string): string => {
  const w = toWall(new Date(iso))
  return `${pad(w.getUTCDate())}/${pad(w.getUTCMonth() + 1)}/${w.getUTCFullYear()} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

/** The key of one date of an event, as occurrences and attendance both identify it. */
export const dateKey = (event: unknown, start: string) => `${String(idOf(event))}|${new Date(start).toISOString()}`
