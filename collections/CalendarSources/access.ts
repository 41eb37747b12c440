import type { Access, Where } from 'payload'
import { hasRole, isNetwork, isNetworkAdmin, ownLibrary, ownSystem, refId, type Staff, staffOf } from '../access/roles'
import { isStaff } from '../access/staff-only'

type Data = Record<string, unknown> | undefined

const same = (a: unknown, b: unknown) => a != null && b != null && String(refId(a)) === String(refId(b))

/** Submitted data that keeps the row with the user: a missing owner is filled in (create) or kept (update). */
const keepsOwner = (user: Staff, data: Data, field: 'system' | 'library') =>
  !data || data[field] === undefined || same(data[field], user[field])

/**
 * Row-level: whose calendar sources (and their runs and items) a member of staff sees, as for events' drafts:
 * network staff all of them, a system's editors their system's, a library's contributors their library's.
 * Partners and the public none.
 */
export const sourceRows = (user: Staff | null, prefix = ''): Where | boolean => {
  if (!isStaff(user)) return false
  if (isNetwork(user)) return true
  if (hasRole(user, 'system-editor')) return ownSystem(user, `${prefix}system`)
  if (hasRole(user, 'library-contributor')) return ownLibrary(user, `${prefix}library`)
  return false
}

export const readSources: Access = ({ req }) => sourceRows(staffOf(req))

/** Creates: network admins anywhere, a system's editors in their system, a library's contributors for their library. */
export const createSources: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user) return false
  if (hasRole(user, 'system-editor')) return keepsOwner(user, data, 'system')
  if (hasRole(user, 'library-contributor'))
    return !data || (keepsOwner(user, data, 'system') && keepsOwner(user, data, 'library'))
  return false
}

/**
 * Updates, deletes and "Sincronizza ora": the same owners as reads, minus network editors (they feature events,
 * they do not run a system's imports); a row is never moved to another system or library.
 */
export const writeSources: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user) return false
  if (hasRole(user, 'system-editor')) return keepsOwner(user, data, 'system') ? ownSystem(user) : false
  if (hasRole(user, 'library-contributor'))
    return keepsOwner(user, data, 'system') && keepsOwner(user, data, 'library') ? ownLibrary(user) : false
  return false
}

/** Runs and items are written by the import wing only; their readers are the source's. */
export const readImportRows: Access = ({ req }) => sourceRows(staffOf(req))
