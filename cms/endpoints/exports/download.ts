import type { Endpoint } from 'payload'
import { deskScope, exportFile } from '../../registrations'
import { json } from '../http'

/**
 * GET /api/exports/:id/download — a generated file (a registration list as PDF), for those who may read its
 * row (the registrations' rule: the event's system, or library), as an attachment. Expired files are gone (410).
 */
export const exportDownloadEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: async (req) => {
    const allowed = await deskScope(req)
    if (!allowed.ok) return json({ error: allowed.message }, allowed.status)
    const result = await exportFile(req.payload, allowed.scope, req.routeParams?.id)
    if (!result.ok) return json({ error: result.message }, result.status)
    return new Response(new Uint8Array(result.body), {
      headers: {
        'Content-Type': result.mimeType,
        'Content-Disposition': `attachment; filename="${result.filename.replace(/[^\w.-]/g, '_')}"`,
        'Content-Length': String(result.body.length),
        'Cache-Control': 'no-store',
      },
    })
  },
}
