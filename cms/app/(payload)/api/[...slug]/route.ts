import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { oneLoginPerAccount } from '../../../../hardening/login-queue'
import { answerUnknownRoute } from '../../../../hardening/unknown-routes'

type Handler = ReturnType<typeof REST_GET>
const known =
  (handler: Handler): Handler =>
  async (request, context) =>
    answerUnknownRoute(await handler(request, context))

export const GET = known(REST_GET(config))
export const POST = oneLoginPerAccount(known(REST_POST(config)))
export const DELETE = known(REST_DELETE(config))
export const PATCH = known(REST_PATCH(config))
export const PUT = known(REST_PUT(config))
export const OPTIONS = known(REST_OPTIONS(config))
