import type { CollectionBeforeDeleteHook } from 'payload'
import { catalogue } from '../../../shared/strings'
import { Refusal } from '../../lib/refusal'
import { SLUGS } from '../../slugs'

const NAMING = [SLUGS.events, SLUGS.series, SLUGS.festivals, SLUGS.campaigns] as const

/**
 * A funder still named in a `support` list stays: deleting it would silently drop it from published credits
 * and from the funder's report. The count spans rows the user may not see.
 */
export const refuseDeleteInUse: CollectionBeforeDeleteHook = async ({ id, req }) => {
  let uses = 0
  for (const collection of NAMING)
    uses += (
      await req.payload.count({
        collection,
        where: { 'support.funder': { equals: id } },
        overrideAccess: true,
        req,
      })
    ).totalDocs
  if (uses > 0) throw new Refusal(catalogue('it').funders.inUse(uses), 400)
}
