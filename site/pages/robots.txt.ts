import type { APIRoute } from 'astro'
import { absoluteUrl } from '../lib/urls'

export const GET: APIRoute = () =>
  new Response(
    // Filtered agenda URLs are endless combinations of the same events: crawlers get the event pages via the sitemap.
    [
      'User-agent: *',
      'Disallow: /eventi?',
      'Disallow: /en/eventi?',
      'Disallow: /eventi.json',
      // Asking for a printed programme starts a job: people follow the link, crawlers do not.
      'Disallow: /programma',
      'Disallow: /en/programma',
      'Allow: /',
      `Sitemap: ${absoluteUrl('/sitemap.xml')}`,
      '',
    ].join('\n'),
    { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' } },
  )
