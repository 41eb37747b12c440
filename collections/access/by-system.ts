import type { Access } from 'payload'
import { hasRole, isNetwork, isNetworkAdmin, ownSystem, refId, staffOf } from './roles'

/**
 * Writes on content owned by a system (libraries, venues, series): network admins everywhere,
 * system editors only on rows of their own system. On create the submitted `system` must be theirs.
 */
export const systemWrite: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor')) return false
  if (data && 'system' in data && data.system != null && String(refId(data.system)) !== String(refId(user.system)))
    return false
  return ownSystem(user)
}

/** Creates do not get a `Where`: the only question is whether the submitted system is the user's. */
export const systemCreate: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor')) return false
  // No system given: the field's default fills in the editor's own.
  return data?.system == null || String(refId(data.system)) === String(refId(user.system))
}

/** Festivals: owned by a system or (no system) by the network. Network staff edit all of them. */
export const festivalWrite: Access = (args) => {
  if (isNetwork(staffOf(args.req))) return true
  return systemWrite(args)
}
export const festivalCreate: Access = (args) => {
  if (isNetwork(staffOf(args.req))) return true
  return systemCreate(args)
}
