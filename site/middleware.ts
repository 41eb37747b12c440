import { defineMiddleware, sequence } from 'astro:middleware'
import { cachedAnswer, servePage } from './lib/page-cache'
import { errorFields, logJson, requestIdOf, securityHeaders } from './lib/security'

const logRequests = process.env.LOG_REQUESTS === '1'

/**
 * Outermost step: a request id (X-Request-Id, kept from a proxy or made here), the security headers on
 * every answer (304s and error pages included), and one JSON log line per failure. Stack traces go to
 * the log only; the visitor gets the Italian 500 page.
 */
const hardening = defineMiddleware(async (context, next) => {
  const started = performance.now()
  const requestId = requestIdOf(context.request)
  const { pathname } = context.url
  const fields = () => ({
    requestId,
    method: context.request.method,
    path: pathname,
    ms: Math.round(performance.now() - started),
  })
  let response: Response
  try {
    response = await next()
  } catch (error) {
    logJson('error', 'request failed', { ...fields(), status: 500, ...errorFields(error) })
    throw error
  }
  if (response.status >= 500) logJson('error', 'server error', { ...fields(), status: response.status })
  else if (logRequests) logJson('info', 'request', { ...fields(), status: response.status })

  const headers: Record<string, string> = { ...securityHeaders(context.request), 'X-Request-Id': requestId }
  // A page that chose its own (stricter) policy keeps it: the newsletter pages' addresses hold a token.
  if (response.headers.has('Referrer-Policy')) delete headers['Referrer-Policy']
  try {
    for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
    return response
  } catch {
    // Responses with immutable headers (Response.redirect, fetch results) are copied.
    const copy = new Response(response.body, response)
    for (const [name, value] of Object.entries(headers)) copy.headers.set(name, value)
    return copy
  }
})

/** Cached copies, ETag and 304 for the pages that mark themselves publicly cacheable (site/lib/page-cache.ts). */
// Prerendered pages are built once at build time: no page cache, and no database during the build.
const etag = defineMiddleware((context, next) => (context.isPrerendered ? next() : servePage(context.request, next)))

export const onRequest = sequence(hardening, etag)

/**
 * The cached-page shortcut of scripts/serve-site.mjs: a fresh cached page with the headers `hardening` would
 * add, answered before Astro's routing and middleware run (null: take the normal path). Set when Astro
 * first loads this module, so the shortcut exists only once the page cache does.
 */
const CACHED_PAGE = Symbol.for('agenda-rbb.cachedPage')
Object.assign(globalThis, {
  [CACHED_PAGE]: async (request: Request) => {
    const answer = await cachedAnswer(request)
    if (!answer) return null
    const requestId = requestIdOf(request)
    answer.headers.push(...Object.entries(securityHeaders(request)), ['X-Request-Id', requestId])
    if (logRequests)
      logJson('info', 'request', {
        requestId,
        method: request.method,
        path: new URL(request.url).pathname,
        ms: 0,
        status: answer.status,
      })
    return answer
  },
})
