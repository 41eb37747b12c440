import type { APIRoute } from 'astro'

/** /en/data: the English open-data page lives at /en/dati, as every English page keeps the Italian path. */
export const GET: APIRoute = () => new Response(null, { status: 301, headers: { Location: '/en/dati' } })
