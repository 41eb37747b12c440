import { hasRole, isNetwork, refId, type Staff } from '../../collections/access/roles'
import type { Id, StatsFilter } from './types'

/**
 * Whose figures a member of staff sees: the network's staff (admins and editors) all of them, or one system
 * when they pick it; a system's editors their own system; a library's contributors their own library. Anyone
 * else (subscribers, anonymous) none.
 */
export type StatisticsScope =
  | { kind: 'network' }
  | { kind: 'system'; system: Id }
  | { kind: 'library'; system: Id | null; library: Id }

export const statisticsScope = (user: Staff | null): StatisticsScope | null => {
  if (!user) return null
  if (isNetwork(user)) return { kind: 'network' }
  const system = refId(user.system)
  const library = refId(user.library)
  if (hasRole(user, 'system-editor') && system != null) return { kind: 'system', system }
  if (hasRole(user, 'library-contributor') && library != null) return { kind: 'library', system, library }
  return null
}

/** The filter as the scope allows it: a system's or library's own figures, whatever the form asked for. */
export const withinScope = (scope: StatisticsScope, filter: StatsFilter): StatsFilter => {
  if (scope.kind === 'network') return filter
  if (scope.kind === 'system') return { ...filter, system: scope.system }
  return { ...filter, system: scope.system ?? undefined, library: scope.library }
}
