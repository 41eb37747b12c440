import type { APIRoute } from 'astro'
import { figuresCsv, licenseHeaders, parseYear, yearFigures } from '../lib/figures'

/** Open data: the network's yearly figures as CSV (`?anno=`, the last complete year or the current one). */
export const GET: APIRoute = async ({ url }) => {
  const year = parseYear(url.searchParams.get('anno'))
  if (year == null)
    return new Response('Anno non disponibile: usa uno degli anni mostrati in /dati.\n', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60' },
    })
  return new Response(figuresCsv(await yearFigures(year)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="dati-rete-bibliotecaria-${year}.csv"`,
      'Cache-Control': 'public, max-age=600',
      'Access-Control-Allow-Origin': '*',
      ...licenseHeaders(),
    },
  })
}
