import type { APIRoute } from 'astro'
import { rssFeed } from '../lib/feeds'
import { cachedResponse, ERROR_CACHE } from '../lib/http'
import { asPageError } from '../lib/pages'

/** RSS of the next events; accepts the agenda filters. */
export const GET: APIRoute = async ({ request, url }) => {
  try {
    return cachedResponse(request, await rssFeed(url.searchParams), {
      'Content-Type': 'application/rss+xml; charset=utf-8',
    })
  } catch (error) {
    const failure = asPageError(error)
    const message = failure.status === 400 ? failure.message : 'Nessun elemento corrisponde a uno dei filtri indicati.'
    return new Response(message, {
      status: failure.status,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': ERROR_CACHE },
    })
  }
}
