import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { confirmedSubscribers, editorialAudience } from './campaigns/audience'
import { loadLookups } from './campaigns/context'

export type SystemCount = { id: number | string; name: string; confirmed: number; weeklyDigest: number }

/** Confirmed subscribers (and weekly-digest readers) per system: every system, or only `systemId`'s. */
export const countBySystem = async (payload: Payload, systemId: number | string | null): Promise<SystemCount[]> => {
  const lookups = await loadLookups(payload)
  const systems = [...lookups.systems.values()].filter((s) => systemId == null || String(s.id) === String(systemId))
  const none = { comuni: [], audiences: [], categories: [], campaigns: [] }
  const members = systems.map((s) => ({ member: editorialAudience(lookups, s.id, none) }))
  const counts: SystemCount[] = systems.map((s) => ({ id: s.id, name: s.name, confirmed: 0, weeklyDigest: 0 }))
  for await (const page of confirmedSubscribers(payload))
    for (const row of page)
      members.forEach(({ member }, i) => {
        if (!member(row.preferencesKey)) return
        const c = counts[i] as SystemCount
        c.confirmed++
        if (row.weeklyDigest) c.weeklyDigest++
      })
  return counts
}

/** Subscribers by status, all systems together. */
export const countByStatus = async (payload: Payload): Promise<Record<string, number>> => {
  const byStatus: Record<string, number> = {}
  for (const status of ['unconfirmed', 'confirmed', 'unsubscribed', 'bounced']) {
    const { totalDocs } = await payload.count({
      collection: SLUGS.subscribers,
      where: { status: { equals: status } },
      overrideAccess: true,
    })
    byStatus[status] = totalDocs
  }
  return byStatus
}
