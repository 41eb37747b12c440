import { createHash } from 'node:crypto'

/**
 * Public pages may be cached by browsers and proxies, but a published change must show within 60 s:
 * max-age plus stale-while-revalidate stays well under 60 (the server's own page cache adds at most
 * a second, see page-cache.ts). ETags make the revalidation a cheap 304.
 */
export const PUBLIC_CACHE = 'public, max-age=20, stale-while-revalidate=20'
/** Error pages are cached briefly so a flood of bad links costs little, but a fixed event appears fast. */
export const ERROR_CACHE = 'public, max-age=10'

export const etagOf = (body: string | Uint8Array): string =>
  `"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`

/** Whether the request's If-None-Match names this ETag (weak comparison, as RFC 9110 asks for GET). */
export const matchesEtag = (ifNoneMatch: string | null, etag: string): boolean => {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === bare)
}

/** A cacheable 200 with ETag, or a 304 when the client already holds this exact body. */
export const cachedResponse = (
  request: Request,
  body: string,
  headers: Record<string, string>,
  cacheControl = PUBLIC_CACHE,
): Response => {
  const etag = etagOf(body)
  const all = { ...headers, 'Cache-Control': cacheControl, ETag: etag }
  if (matchesEtag(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers: all })
  return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: all })
}
