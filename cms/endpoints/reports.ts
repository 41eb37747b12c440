import type { Endpoint } from 'payload'
import type { Staff } from '../../collections/access/roles'
import { REPORT_KINDS, reportFile } from '../reports'
import { json } from './http'

/** `GET /api/reports/<kind>?…&format=csv|xlsx`: one ready-made report, as a file, within the caller's rows. */
export const reportEndpoints: Endpoint[] = REPORT_KINDS.map((kind) => ({
  path: `/reports/${kind}`,
  method: 'get',
  handler: async (req) => {
    const answer = await reportFile(req.payload, (req.user as Staff | null) ?? null, kind, req.searchParams)
    if (!answer.ok) return json({ error: answer.message }, answer.status)
    return new Response(new Uint8Array(typeof answer.body === 'string' ? Buffer.from(answer.body) : answer.body), {
      headers: {
        'Content-Type': answer.contentType,
        'Content-Disposition': `attachment; filename="${answer.filename}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
}))
