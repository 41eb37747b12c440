import { gzipSync } from 'node:zlib'
import code from 'virtual:agenda-rbbg'
import type { APIRoute } from 'astro'
import { etagOf, matchesEtag } from '../../lib/http'

/**
 * The `<agenda-rbbg>` script that other websites load (site/widget/agenda-rbbg.ts, bundled at build time). A module
 * script from another origin is fetched with CORS, hence `Access-Control-Allow-Origin: *`. An hour of cache: a
 * change of the script reaches the comuni's pages within the hour, and the ETag makes the check cheap.
 */
const CACHE = 'public, max-age=3600'
const plain = { body: new TextEncoder().encode(code), etag: etagOf(code) }
const gzip = { body: gzipSync(code, { level: 9 }), etag: etagOf(code).replace(/"$/, '-gz"') }

const acceptsGzip = (request: Request) => /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')

export const GET: APIRoute = ({ request }) => {
  const chosen = acceptsGzip(request) ? gzip : plain
  const headers: Record<string, string> = {
    'Content-Type': 'text/javascript; charset=utf-8',
    'Cache-Control': CACHE,
    ETag: chosen.etag,
    Vary: 'Accept-Encoding',
    'Access-Control-Allow-Origin': '*',
    'Cross-Origin-Resource-Policy': 'cross-origin',
    ...(chosen === gzip ? { 'Content-Encoding': 'gzip' } : {}),
  }
  if (matchesEtag(request.headers.get('if-none-match'), chosen.etag))
    return new Response(null, { status: 304, headers })
  return new Response(request.method === 'HEAD' ? null : chosen.body, { status: 200, headers })
}
