import type { Endpoint } from 'payload'
import { programmeFile, programmeState } from '../../print'
import { deskScope, exportFile } from '../../registrations'
import { json } from '../http'

const attachment = (body: Buffer, mimeType: string, filename: string) =>
  new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': mimeType,
      'Content-Disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'Content-Length': String(body.length),
      'Cache-Control': 'no-store',
    },
  })

/**
 * GET /api/exports/:id/download — a generated file as an attachment: a printed programme (public data) to anyone,
 * a registration list as PDF to those who may read its row (the registrations' rule: the event's system, or
 * library). Expired files are gone (410).
 */
export const exportDownloadEndpoint: Endpoint = {
  path: '/:id/download',
  method: 'get',
  handler: async (req) => {
    if (await programmeState(req.payload, req.routeParams?.id)) {
      const programme = await programmeFile(req.payload, req.routeParams?.id)
      if (!programme.ok) return json({ error: programme.message }, programme.status)
      return attachment(programme.body, 'application/pdf', programme.filename)
    }
    const allowed = await deskScope(req)
    if (!allowed.ok) return json({ error: allowed.message }, allowed.status)
    const result = await exportFile(req.payload, allowed.scope, req.routeParams?.id)
    if (!result.ok) return json({ error: result.message }, result.status)
    return attachment(result.body, result.mimeType, result.filename)
  },
}
