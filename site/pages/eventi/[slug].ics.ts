import type { APIRoute } from 'astro'
import { eventFeedResponse } from '../../lib/ical/endpoints'

/** One published event, for "add to calendar". */
export const GET: APIRoute = ({ request, params }) => eventFeedResponse(request, params.slug)
