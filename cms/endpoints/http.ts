/** Small response helpers for the newsletter endpoints: Italian messages, never a stack trace. */
export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

export const text = (body: string, status = 200) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } })

/** The last X-Forwarded-For hop, the one our proxy added (the first is whatever the client sent). */
export const clientIp = (headers: Headers): string =>
  (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
    .at(-1) ||
  headers.get('x-real-ip') ||
  'unknown'

export { LINK_ERRORS } from '../newsletter'
