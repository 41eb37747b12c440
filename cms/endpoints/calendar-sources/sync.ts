import type { Endpoint } from 'payload'
import { requestSync } from '../../import'
import { json } from '../http'

/**
 * POST /api/calendar-sources/:id/sync — "Sincronizza ora": queues the source's sync job (202) for whoever may
 * edit the source; 401/403/404/400 with an Italian message otherwise. The calendar is read by the job, never here.
 */
export const syncNowEndpoint: Endpoint = {
  path: '/:id/sync',
  method: 'post',
  handler: async (req) => {
    const result = await requestSync(req, req.routeParams?.id as string | undefined)
    return result.ok ? json({ message: result.message }, 202) : json({ error: result.message }, result.status)
  },
}
