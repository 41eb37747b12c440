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

/**
 * RFC 8058: a one-click POST carries `List-Unsubscribe=One-Click` (form-encoded, no cookie, no Origin). Without it
 * the request is answered 400 here and nothing is changed.
 */
export const oneClickRefusal = async (req: { text?: () => Promise<string> }): Promise<Response | null> => {
  const body = (await req.text?.()) ?? ''
  return new URLSearchParams(body).getAll('List-Unsubscribe').includes('One-Click')
    ? null
    : text('Richiesta non valida: manca «List-Unsubscribe=One-Click» (RFC 8058).', 400)
}

/**
 * A GET of a one-click address (a person, or a link scanner) never changes anything: it is sent on to the site's
 * page at `sitePath` that asks, with the same token, in the reader's language.
 */
export const oneClickPage = (searchParams: URLSearchParams, site: string, sitePath: string): Response => {
  const token = searchParams.get('token') ?? ''
  const prefix = searchParams.get('lang') === 'en' ? '/en' : ''
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${site}${prefix}${sitePath}?token=${encodeURIComponent(token)}`,
      'Cache-Control': 'no-store',
    },
  })
}

export { LINK_ERRORS } from '../newsletter'
