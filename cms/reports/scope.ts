import type { Where } from 'payload'
import { hasRole, isNetwork, refId, type Staff } from '../../collections/access/roles'

type Id = number | string

/**
 * Whose rows a member of staff downloads: network staff (admins and editors) the whole network, a system's
 * editors their system, a library's contributors their library. Nobody else gets a report.
 */
export type ReportScope = { kind: 'network' } | { kind: 'system'; system: Id } | { kind: 'library'; library: Id }

export const reportScope = (user: Staff | null): ReportScope | null => {
  if (!user) return null
  if (isNetwork(user)) return { kind: 'network' }
  const system = refId(user.system)
  const library = refId(user.library)
  if (hasRole(user, 'system-editor') && system != null) return { kind: 'system', system }
  if (hasRole(user, 'library-contributor') && library != null) return { kind: 'library', library }
  return null
}

/** The scope as a condition on the `system`/`library` fields that occurrences and attendance both carry. */
export const scopeWhere = (scope: ReportScope): Where[] =>
  scope.kind === 'network'
    ? []
    : scope.kind === 'system'
      ? [{ system: { equals: scope.system } }]
      : [{ library: { equals: scope.library } }]

/** Whether a row owned by `system`/`library` is within the scope (for rows read by another query). */
export const inScope = (scope: ReportScope, row: { system?: unknown; library?: unknown }): boolean =>
  scope.kind === 'network' ||
  (scope.kind === 'system' && String(refId(row.system)) === String(scope.system)) ||
  (scope.kind === 'library' && String(refId(row.library)) === String(scope.library))
