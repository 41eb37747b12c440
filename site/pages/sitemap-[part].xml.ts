import type { APIRoute } from 'astro'
import { cachedResponse, ERROR_CACHE } from '../lib/http'
import { parseSitemapPart, sitemapEvents, sitemapPages } from '../lib/sitemap'

/** One part of the sitemap index: `/sitemap-pagine.xml` or `/sitemap-eventi-N.xml`. */
export const GET: APIRoute = async ({ request, params }) => {
  const part = parseSitemapPart(params.part)
  const body = !part ? null : part.kind === 'pages' ? await sitemapPages() : await sitemapEvents(part.n)
  if (body == null)
    return new Response('Questa parte della mappa del sito non esiste.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': ERROR_CACHE },
    })
  return cachedResponse(request, body, { 'Content-Type': 'application/xml; charset=utf-8' }, 'public, max-age=3600')
}
