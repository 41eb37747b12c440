import type { APIRoute } from 'astro'
import { agendaFeedResponse } from '../lib/ical/endpoints'

/** Any /eventi search as a subscribable iCalendar feed. */
export const GET: APIRoute = ({ request }) => agendaFeedResponse(request)
