import type { CollectionBeforeDeleteHook } from 'payload'
import { catalogue } from '../../../shared/strings'
import { Refusal } from '../../lib/refusal'
import { SLUGS } from '../../slugs'

/**
 * A partner that still organises an event stays: deleting it would silently drop "Organizzato da" from the
 * event's page. Drafts count too (`draft: true` reads every latest version); the count spans rows the user
 * may not see.
 */
export const refuseDeleteInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: SLUGS.events,
    where: { organiser: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0) throw new Refusal(catalogue('it').partners.inUse(totalDocs), 400)
}
