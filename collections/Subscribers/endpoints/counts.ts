import type { Endpoint } from 'payload'
import { confirmedSubscribers, editorialAudience } from '../../../emails/campaigns/audience'
import { loadLookups } from '../../../emails/campaigns/context'
import { hasRole, isNetwork, refId, staffOf } from '../../access/roles'
import { SLUGS } from '../../slugs'
import { json } from './http'

type SystemCount = { id: number | string; name: string; confirmed: number; weeklyDigest: number }

/**
 * Audience numbers without personal data. Network staff get totals by status and the audience of every
 * system; a system editor gets only their own system's numbers.
 */
export const countsEndpoint: Endpoint = {
  path: '/counts',
  method: 'get',
  handler: async (req) => {
    const user = staffOf(req)
    if (!user) return json({ error: 'Accesso riservato alla redazione.' }, 401)
    const network = isNetwork(user)
    if (!network && !hasRole(user, 'system-editor')) return json({ error: 'Non autorizzato.' }, 403)
    const lookups = await loadLookups(req.payload)
    const systems = [...lookups.systems.values()].filter((s) => network || String(s.id) === String(refId(user.system)))
    const none = { comuni: [], audiences: [], categories: [], campaigns: [] }
    const members = systems.map((s) => ({ member: editorialAudience(lookups, s.id, none) }))
    const counts: SystemCount[] = systems.map((s) => ({ id: s.id, name: s.name, confirmed: 0, weeklyDigest: 0 }))
    for await (const page of confirmedSubscribers(req.payload))
      for (const row of page)
        members.forEach(({ member }, i) => {
          if (!member(row.preferencesKey)) return
          const c = counts[i] as SystemCount
          c.confirmed++
          if (row.weeklyDigest) c.weeklyDigest++
        })
    if (!network) return json({ systems: counts })
    const byStatus: Record<string, number> = {}
    for (const status of ['unconfirmed', 'confirmed', 'unsubscribed', 'bounced']) {
      const { totalDocs } = await req.payload.count({
        collection: SLUGS.subscribers,
        where: { status: { equals: status } },
        overrideAccess: true,
      })
      byStatus[status] = totalDocs
    }
    return json({ byStatus, systems: counts })
  },
}
