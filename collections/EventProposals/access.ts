import type { Access } from 'payload'
import { hasRole, isNetwork, isNetworkAdmin, refId, staffOf } from '../access/roles'

/**
 * Proposals carry a citizen's contact: network staff read all of them, a system's editors only those sent to
 * their system (a row-level `Where`, so the database filters). Nobody else, not even the system's contributors.
 */
export const readProposals: Access = ({ req }) => {
  const user = staffOf(req)
  if (isNetwork(user)) return true
  if (!user || !hasRole(user, 'system-editor')) return false
  return { system: { equals: refId(user.system) ?? '__none__' } }
}

/** Deciding (refusing with a reason) is for the same people; what may change is checked by `guardDecision`. */
export const updateProposals: Access = (args) => readProposals(args)

export const deleteProposals: Access = ({ req }) => isNetworkAdmin(staffOf(req))
