import type { Payload } from 'payload'
import { SLUGS } from '../collections/slugs'

/** 200 when the database answers a real query, 503 otherwise. Shared by both servers. */
export const healthResponse = async (getPayload: () => Promise<Payload>): Promise<Response> => {
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' }
  try {
    const payload = await getPayload()
    await payload.count({ collection: SLUGS.systems, overrideAccess: true }) // no person involved
    return new Response(JSON.stringify({ status: 'ok' }), { status: 200, headers })
  } catch {
    return new Response(JSON.stringify({ status: 'error', message: 'database unavailable' }), { status: 503, headers })
  }
}
