import type { APIRoute } from 'astro'
import { healthResponse } from '../../cms/health'
import { getPayload } from '../lib/payload'

export const GET: APIRoute = () => healthResponse(getPayload)
