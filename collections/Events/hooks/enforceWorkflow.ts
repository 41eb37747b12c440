import type { CollectionBeforeOperationHook } from 'payload'
import { hasRole, isNetworkAdmin, staffOf } from '../../access/roles'
import { Refusal } from '../../lib/refusal'

const forbidden = (message: string) => new Refusal(message, 403)

/**
 * What access functions cannot see: whether a save is a draft. Contributors' edits are always saved as
 * drafts (a partner's too), so the published version changes only when a system editor publishes. Network editors may only
 * feature published events, and never over a system's pending draft (publishing would take it live).
 */
export const enforceWorkflow: CollectionBeforeOperationHook<'events'> = async ({
  args,
  operation,
  overrideAccess,
  req,
}) => {
  if (overrideAccess || operation !== 'update') return args
  const user = staffOf(req)
  if (!user || isNetworkAdmin(user) || hasRole(user, 'system-editor')) return args
  if (hasRole(user, 'network-editor')) {
    const data = (args.data ?? {}) as Record<string, unknown>
    if (args.draft || (data._status !== undefined && data._status !== 'published'))
      throw forbidden('La redazione di rete può solo mettere in evidenza gli eventi pubblicati.')
    const id = (args as { id?: number | string }).id
    if (id == null) throw forbidden('Metti in evidenza un evento alla volta.')
    const latest = await req.payload.findVersions({
      collection: 'events',
      where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true, // looking for a pending draft the editor cannot read
      req,
    })
    if (latest.docs[0]?.version._status === 'draft')
      throw forbidden(
        'Il sistema sta modificando questo evento (c’è una bozza non pubblicata): riprova dopo la pubblicazione.',
      )
    return args
  }
  if (hasRole(user, 'library-contributor', 'partner')) return { ...args, draft: true }
  return args
}
