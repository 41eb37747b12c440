import type { Endpoint } from 'payload'
import { hasRole, isNetwork, refId, staffOf } from '../../../collections/access/roles'
import { countByStatus, countBySystem } from '../../newsletter'
import { json } from '../http'

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
    const counts = await countBySystem(req.payload, network ? null : (refId(user.system) ?? -1))
    if (!network) return json({ systems: counts })
    return json({ byStatus: await countByStatus(req.payload), systems: counts })
  },
}
