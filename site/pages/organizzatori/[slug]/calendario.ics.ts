import type { APIRoute } from 'astro'
import { agendaFeedResponse } from '../../../lib/ical/endpoints'

export const GET: APIRoute = ({ request, params }) =>
  agendaFeedResponse(request, { kind: 'organizzatore', slug: params.slug })
