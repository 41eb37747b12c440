import type { Access } from 'payload'
import { hasRole, isNetwork, refId, type Staff, staffOf } from '../access/roles'

type Data = Record<string, unknown> | undefined

/**
 * A partner works with one or more systems. A missing `systems` is fine (on create the field's default is the
 * editor's own system; on update the stored list stays); a list without the editor's own system would hand the
 * partner away from them, so it is refused.
 */
const keepsOwnSystem = (user: Staff, data: Data) => {
  if (!data || data.systems === undefined) return true
  const own = String(refId(user.system))
  return Array.isArray(data.systems) && data.systems.some((s) => String(refId(s)) === own)
}

/** Row-level: partners whose systems include the user's. */
const ofOwnSystem = (user: Staff) => ({ systems: { in: [refId(user.system) ?? '__none__'] } })

/** Network staff manage every partner; a system's editors create partners of their system. */
export const createPartners: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetwork(user)) return true
  return !!user && hasRole(user, 'system-editor') && keepsOwnSystem(user, data)
}

/** A system's editors edit and delete the partners their system works with, and keep their system on them. */
export const writePartners: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetwork(user)) return true
  if (!user || !hasRole(user, 'system-editor') || !keepsOwnSystem(user, data)) return false
  return ofOwnSystem(user)
}
