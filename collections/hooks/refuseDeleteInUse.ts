import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'
import { Refusal } from '../lib/refusal'

/** Where a document may be named: a collection and the field path holding its id. */
export type NamedIn = readonly { collection: CollectionSlug; field: string }[]

/**
 * A document still named somewhere stays: deleting it would silently drop it from the pages, credits and reports
 * that name it. The count spans rows the user may not see; `message` says how many uses, in Italian.
 */
export const refuseDeleteInUse =
  (namedIn: NamedIn, message: (uses: number) => string): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    let uses = 0
    for (const { collection, field } of namedIn)
      uses += (await req.payload.count({ collection, where: { [field]: { equals: id } }, overrideAccess: true, req }))
        .totalDocs
    if (uses > 0) throw new Refusal(message(uses), 400)
  }
