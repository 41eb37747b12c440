import type { APIRoute } from 'astro'
import { figuresJson, licenseHeaders, parseYear, yearFigures } from '../lib/figures'

/** Open data: the network's yearly figures as JSON (`?anno=`), licence and suppression rule inside. */
export const GET: APIRoute = async ({ url }) => {
  const year = parseYear(url.searchParams.get('anno'))
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' }
  if (year == null)
    return new Response(JSON.stringify({ error: 'Anno non disponibile: usa uno degli anni mostrati in /dati.' }), {
      status: 400,
      headers: { ...headers, 'Cache-Control': 'public, max-age=60' },
    })
  return new Response(JSON.stringify(figuresJson(await yearFigures(year))), {
    headers: { ...headers, 'Cache-Control': 'public, max-age=600', ...licenseHeaders() },
  })
}
