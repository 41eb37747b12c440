import type { Access, FieldAccess, Where } from 'payload'
import { STAFF_ROLES } from '../enums'
import { hasRole, type Staff, staffOf } from './roles'

/**
 * Staff-only events (internal training): an event and its occurrence rows with `staffOnly` set exist only
 * for logged-in staff. Every read that is not staff's adds this condition; `not_equals` also matches rows
 * where the flag was never set (older rows), on SQLite and MongoDB alike.
 */
export const NOT_STAFF_ONLY: Where = { staffOnly: { not_equals: true } }

/** Staff: a logged-in user with any of the staff roles (all of them see the internal agenda); partners are not. */
export const isStaff = (user: Staff | null): user is Staff => hasRole(user, ...STAFF_ROLES)

/** Field-level: internal notes, read by staff only (not by the public, nor by a partner's account). */
export const staffRead: FieldAccess = ({ req }) => isStaff(staffOf(req))

/** Row-level: staff read every row, anyone else only the rows that are not staff-only. */
export const hideStaffOnly: Access = ({ req }) => (isStaff(staffOf(req)) ? true : NOT_STAFF_ONLY)

/** A `where` that also hides staff-only rows (for reads that skip access: the adapter, system jobs). */
export const publicOnly = (where?: Where): Where =>
  where && Object.keys(where).length > 0 ? { and: [where, NOT_STAFF_ONLY] } : NOT_STAFF_ONLY
