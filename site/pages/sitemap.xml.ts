import type { APIRoute } from 'astro'
import { sitemap } from '../lib/feeds'
import { cachedResponse } from '../lib/http'

export const GET: APIRoute = async ({ request }) =>
  cachedResponse(request, await sitemap(), { 'Content-Type': 'application/xml; charset=utf-8' }, 'public, max-age=3600')
