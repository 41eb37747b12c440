import type { Access, FieldAccess, Where } from 'payload'
import {
  hasRole,
  isNetwork,
  isNetworkAdmin,
  ownLibrary,
  ownPartner,
  ownSystem,
  refId,
  type Staff,
  staffOf,
} from '../../access/roles'
import { isStaff, NOT_STAFF_ONLY } from '../../access/staff-only'

const published: Where = { _status: { equals: 'published' } }

/**
 * Public: published and not staff-only. Network staff: everything. System and library staff: their own, plus
 * published (staff-only ones included: every member of staff sees the internal agenda). A partner's account: the
 * events it organises (its drafts too), plus what the public sees.
 */
export const readEvents: Access = ({ req }) => {
  const user = staffOf(req)
  if (user && hasRole(user, 'partner') && !isStaff(user))
    return { or: [ownPartner(user), { and: [published, NOT_STAFF_ONLY] }] }
  if (!isStaff(user)) return { and: [published, NOT_STAFF_ONLY] }
  if (isNetwork(user)) return true
  if (hasRole(user, 'system-editor')) return { or: [ownSystem(user), published] }
  if (hasRole(user, 'library-contributor')) return { or: [ownLibrary(user), published] }
  return published
}

/** Version history: the same owners, with the paths of the versions table. Nobody else reads old drafts. */
export const readEventVersions: Access = ({ req }) => {
  const user = staffOf(req)
  if (!user) return false
  if (isNetwork(user)) return true
  if (hasRole(user, 'system-editor')) return ownSystem(user, 'version.system')
  if (hasRole(user, 'library-contributor')) return ownLibrary(user, 'version.library')
  if (hasRole(user, 'partner')) return ownPartner(user, 'version.organiser')
  return false
}

const sameId = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

/**
 * Whether the user may see this event's drafts, as `readEventVersions` allows: network staff, its system's
 * editors, its library's contributors. Decides who is given a draft preview link.
 */
export const canReadDrafts = (
  user: Staff | null,
  event: { system?: unknown; library?: unknown; organiser?: unknown },
): boolean => {
  if (!user) return false
  if (isNetwork(user)) return true
  if (hasRole(user, 'system-editor')) return sameId(refId(event.system), refId(user.system))
  if (hasRole(user, 'library-contributor')) return sameId(refId(event.library), refId(user.library))
  if (hasRole(user, 'partner')) return sameId(refId(event.organiser), refId(user.partner))
  return false
}

export const createEvents: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user) return false
  if (hasRole(user, 'system-editor')) return data?.system == null || sameId(refId(data.system), refId(user.system))
  // Without data this is the admin asking whether to offer "Crea nuovo"; the save itself brings data.
  // A missing library or system is filled in with the contributor's own by the fields' defaults.
  if (hasRole(user, 'library-contributor'))
    return (
      !data ||
      (data._status !== 'published' &&
        (data.library === undefined || sameId(refId(data.library), refId(user.library))) &&
        (data.system == null || sameId(refId(data.system), refId(user.system))))
    )
  // A partner proposes drafts of its own events; the organiser's field rule keeps them in the partner's systems.
  // An organiser not given yet (the admin's empty form) becomes the partner by the field's default.
  if (hasRole(user, 'partner'))
    return (
      !data ||
      (data._status !== 'published' &&
        (data.organiser === undefined || sameId(refId(data.organiser), refId(user.partner))))
    )
  return false
}

/**
 * Row-level: the database only updates rows the user owns. A change of owner is refused outright,
 * so an editor can neither move an event into another system nor hand it to another library.
 */
export const updateEvents: Access = ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user) return false
  if (hasRole(user, 'system-editor')) {
    if (data?.system != null && !sameId(refId(data.system), refId(user.system))) return false
    return ownSystem(user)
  }
  if (hasRole(user, 'library-contributor')) {
    if (data?._status === 'published') return false
    // An empty library would take the event out of the contributor's reach too.
    if (data?.library !== undefined && !sameId(refId(data.library), refId(user.library))) return false
    if (data?.system != null && !sameId(refId(data.system), refId(user.system))) return false
    return ownLibrary(user)
  }
  if (hasRole(user, 'partner')) {
    if (data?._status === 'published') return false
    if (data?.organiser !== undefined && !sameId(refId(data.organiser), refId(user.partner))) return false
    return ownPartner(user)
  }
  // Field access limits them to `featured`; enforceWorkflow keeps them off drafts.
  if (hasRole(user, 'network-editor')) return published
  return false
}

export const deleteEvents: Access = ({ req }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (user && hasRole(user, 'system-editor')) return ownSystem(user)
  return false
}

/** Featuring is the network's decision. */
export const networkField: FieldAccess = ({ req }) => isNetwork(staffOf(req))

/** Network editors may feature events but not edit their content. */
export const notNetworkEditorOnly: FieldAccess = ({ req }) => {
  const user = staffOf(req)
  return isNetworkAdmin(user) || !hasRole(user, 'network-editor')
}
