import type { CollectionSlug, PayloadRequest } from 'payload'

type Id = number | string

/**
 * Whether the request's user may update one document, asked the way Payload asks it: the collection's
 * `access.update` with that id (and the data about to be written), and when it answers with a `Where`,
 * whether the document matches it. Used where Payload's default routes do not ask (locks, schedules,
 * restores, duplicates).
 */
export const canUpdate = async (
  req: PayloadRequest,
  collection: string,
  id: Id,
  data?: Record<string, unknown>,
): Promise<boolean> => {
  const config = req.payload.collections[collection as CollectionSlug]?.config
  const access = config?.access?.update
  if (!config || !access || !req.user) return false
  const verdict = await access({ req, id: id as number, data })
  if (verdict === true) return true
  if (!verdict) return false
  const { totalDocs } = await req.payload.count({
    collection: collection as CollectionSlug,
    where: { and: [{ id: { equals: id } }, verdict] },
    overrideAccess: true, // the access rule's own Where is the filter
    req,
  })
  return totalDocs > 0
}

/** Whether `data` passes the collection's `access.create` (Payload lets any truthy answer through). */
export const canCreate = async (
  req: PayloadRequest,
  collection: string,
  data: Record<string, unknown>,
): Promise<boolean> => {
  const access = req.payload.collections[collection as CollectionSlug]?.config?.access?.create
  if (!access) return false
  return !!(await access({ req, data }))
}
