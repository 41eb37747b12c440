import type { Access, FieldAccess, Where } from 'payload'
import { hasRole, isNetwork, isNetworkAdmin, ownSystem, refId, staffOf } from '../access/roles'

/**
 * Editorial newsletters belong to a system; `system` empty means the whole network and only network
 * admins write those. Network editors read everything (they coordinate), system editors their own.
 */
export const readNewsletters: Access = ({ req }) => {
  const user = staffOf(req)
  if (!user) return false
  if (isNetwork(user)) return true
  if (hasRole(user, 'system-editor')) return ownSystem(user)
  return false
}

const ownsTarget = (user: ReturnType<typeof staffOf>, system: unknown) =>
  system != null && String(refId(system as number)) === String(refId(user?.system))

export const createNewsletters: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor')) return false
  return data?.system === undefined || ownsTarget(user, data.system)
}

export const updateNewsletters: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor')) return false
  if (data && 'system' in data && !ownsTarget(user, data.system)) return false
  return ownSystem(user)
}

/** Only drafts and cancelled newsletters disappear; sent ones stay as the record of what went out. */
export const deleteNewsletters: Access = ({ req }) => {
  const user = staffOf(req)
  const deletable: Where = { status: { in: ['draft', 'cancelled'] } }
  if (isNetworkAdmin(user)) return deletable
  if (user && hasRole(user, 'system-editor')) return { and: [ownSystem(user), deletable] }
  return false
}

/** Who writes editorial newsletters at all (the admin's tools for composing them are theirs only). */
export const writesNewsletters = (user: ReturnType<typeof staffOf>) =>
  isNetworkAdmin(user) || hasRole(user, 'system-editor')

export const networkAdminField: FieldAccess = ({ req }) => isNetworkAdmin(staffOf(req))
