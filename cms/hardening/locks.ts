import type { CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'
import { isNetworkAdmin, refId, type Staff } from '../../collections/access/roles'
import { Refusal } from '../../collections/lib/refusal'
import { canUpdate } from './can-update'

type Id = number | string
type Lock = {
  id: Id
  user?: { value?: Id | { id: Id } } | null
  document?: { relationTo: string; value: Id | { id: Id } } | null
}

export const LOCKS = 'payload-locked-documents'

const refused = () => new Refusal('Non puoi modificare il blocco di un documento che non puoi modificare.', 403)

/** A lock may be changed (taken over) or removed by its owner, or by someone who may edit the locked document. */
const mayTouch = async (req: PayloadRequest, lock: Lock) => {
  const me = (req.user as Staff | null)?.id
  if (me != null && String(refId(lock.user?.value as never)) === String(me)) return true
  if (!lock.document) return false // globals: none here
  return canUpdate(req, lock.document.relationTo, refId(lock.document.value as never) as Id)
}

/**
 * payload-locked-documents, which Payload opens to every logged-in user: the admin creates locks on the
 * server (bypassing access), reads them to show who is editing, and PATCHes or DELETEs them through REST
 * to take over or release one. So: no lock is created through the API, one at a time is changed or
 * removed, and only by its owner or by someone who may edit the document (a take-over names oneself).
 */
export const lockAccess = {
  read: ({ req }: { req: PayloadRequest }) => !!req.user,
  create: () => false,
  update: ({ req }: { req: PayloadRequest }) => !!req.user,
  delete: ({ req }: { req: PayloadRequest }) => !!req.user,
}

export const guardLocks: CollectionBeforeOperationHook = async ({ args, operation, overrideAccess, req }) => {
  if (overrideAccess || (operation !== 'update' && operation !== 'delete')) return args
  if (isNetworkAdmin(req.user as Staff | null)) return args
  const a = args as { id?: Id; where?: Where; data?: Partial<Lock> }
  if (a.id == null) throw refused() // many locks at once: not something the admin does
  const lock = (await req.payload.findByID({
    collection: LOCKS as never,
    id: a.id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as Lock | null
  if (!lock) return args
  if (!(await mayTouch(req, lock))) throw refused()
  if (operation === 'update') {
    const user = a.data?.user
    if (a.data?.document !== undefined) throw refused()
    if (
      user !== undefined &&
      String(refId((user as { value?: Id })?.value as never)) !== String((req.user as Staff).id)
    )
      throw refused()
  }
  return args
}
