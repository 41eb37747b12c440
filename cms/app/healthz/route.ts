import { healthResponse } from '../../health'
import { getPayload } from '../../local-api'

export const dynamic = 'force-dynamic'
export const GET = () => healthResponse(getPayload)
