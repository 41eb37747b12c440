import type { APIRoute } from 'astro'
import { cachedResponse } from '../lib/http'
import { sitemapIndex } from '../lib/sitemap'

export const GET: APIRoute = async ({ request }) =>
  cachedResponse(
    request,
    await sitemapIndex(),
    { 'Content-Type': 'application/xml; charset=utf-8' },
    'public, max-age=3600',
  )
