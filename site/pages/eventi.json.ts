import type { APIRoute } from 'astro'
import { cachedResponse, ERROR_CACHE } from '../lib/http'
import { openDataPage } from '../lib/open-data'
import { asPageError } from '../lib/pages'

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Access-Control-Allow-Origin': '*' }

/** Open data: the agenda as JSON, same filters as /eventi. */
export const GET: APIRoute = async ({ request, url }) => {
  try {
    const page = await openDataPage(url.searchParams)
    return cachedResponse(request, JSON.stringify(page), JSON_HEADERS)
  } catch (error) {
    const failure = asPageError(error)
    const body =
      failure.status === 400
        ? { error: failure.message, param: failure.param }
        : { error: 'Nessun elemento corrisponde a uno dei filtri indicati.' }
    return new Response(JSON.stringify(body), {
      status: failure.status,
      headers: { ...JSON_HEADERS, 'Cache-Control': ERROR_CACHE },
    })
  }
}
