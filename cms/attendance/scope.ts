import type { Where } from 'payload'
import { hasRole, isNetworkAdmin, ownLibrary, ownSystem, refId, type Staff } from '../../collections/access/roles'

type Id = number | string

/**
 * Whose attendance a member of staff records: network admins the whole network, a system's editors their
 * system, a library's contributors their library, nobody else. The reach of the `attendance` collection's own
 * rule (`registrationRows`), as a condition on the `system`/`library` that occurrences and attendance both carry.
 */
export type AttendanceScope =
  | { kind: 'network'; where: null; id: null }
  | { kind: 'system' | 'library'; where: Where; id: Id | null }

export const attendanceScope = (user: Staff | null): AttendanceScope | null => {
  if (isNetworkAdmin(user)) return { kind: 'network', where: null, id: null }
  if (!user) return null
  if (hasRole(user, 'system-editor')) return { kind: 'system', where: ownSystem(user), id: refId(user.system) }
  if (hasRole(user, 'library-contributor')) return { kind: 'library', where: ownLibrary(user), id: refId(user.library) }
  return null
}

export const within = (scope: AttendanceScope, where: Where[]): Where => ({
  and: scope.where ? [scope.where, ...where] : where,
})
