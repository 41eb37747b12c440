import type { Access } from 'payload'
import { hasRole, isNetwork, isNetworkAdmin, ownSystem, refId, type Staff, staffOf } from './roles'

/**
 * Whether submitted data keeps the user's own system. A missing `system` is fine (on create the field's
 * default fills in the editor's own; on update the stored one stays); an explicit other system, or an
 * explicit empty one (which would hand the row to the network), is not.
 */
const keepsOwnSystem = (user: Staff, data: Record<string, unknown> | undefined) =>
  !data || data.system === undefined || String(refId(data.system)) === String(refId(user.system))

/**
 * Writes on content owned by a system (libraries, venues, series): network admins everywhere,
 * system editors only on rows of their own system, and never moving a row out of it.
 */
export const systemWrite: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor') || !keepsOwnSystem(user, data)) return false
  return ownSystem(user)
}

/** Creates do not get a `Where`: the only question is whether the submitted system is the user's. */
export const systemCreate: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  return !!user && hasRole(user, 'system-editor') && keepsOwnSystem(user, data)
}

/** Festivals and media: owned by a system or (no system) by the network. Network staff edit all of them. */
export const networkOrSystemWrite: Access = (args) => {
  if (isNetwork(staffOf(args.req))) return true
  return systemWrite(args)
}
export const networkOrSystemCreate: Access = (args) => {
  if (isNetwork(staffOf(args.req))) return true
  return systemCreate(args)
}

/**
 * Uploads: network staff for anyone; system editors and library contributors (who illustrate their
 * events) only into their own system.
 */
export const systemStaffCreate: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetwork(user)) return true
  return !!user && hasRole(user, 'system-editor', 'library-contributor') && keepsOwnSystem(user, data)
}

/** Systems themselves: network admins, and a system editor on their own system's row only. */
export const ownSystemRow: Access = ({ req }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user?.roles?.includes('system-editor')) return false
  return { id: { equals: refId(user.system) ?? '__none__' } }
}
