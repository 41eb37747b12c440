import type { AfterErrorHook, Config } from 'payload'

/**
 * Production logs are one JSON object per line (pino, Payload's own logger) so a log collector can
 * index them; development keeps Payload's readable default. LOG_FORMAT=json forces JSON anywhere.
 */
export const payloadLogger = (): Config['logger'] =>
  process.env.NODE_ENV === 'production' || process.env.LOG_FORMAT === 'json'
    ? { options: { name: 'cms', level: process.env.LOG_LEVEL ?? 'info' } }
    : undefined

/**
 * Server errors are logged with the request id that cms/proxy.ts gave the request (and returned to the
 * client as X-Request-Id). The answer says, in Italian, that the error is ours and gives the id to quote;
 * it never carries a stack trace or an internal message (Payload hides those unless `debug` is on).
 */
export const logRequestError: AfterErrorHook = ({ error, req, result, collection }) => {
  const status = (error as { status?: number }).status ?? 500
  if (status < 500) return
  const requestId = req.headers?.get('x-request-id') ?? undefined
  req.payload.logger.error({
    msg: 'request failed',
    requestId,
    method: req.method,
    path: req.url ? new URL(req.url).pathname : undefined,
    collection: collection?.slug,
    status,
    err: error,
  })
  // An error thrown as public (an APIError meant for the user) keeps its own words.
  if ((error as { isPublic?: boolean }).isPublic) return { response: { ...result, requestId } }
  const message = `Errore interno del server: riprova tra poco. Se il problema continua, comunica questo codice all’assistenza: ${requestId ?? 'n/d'}.`
  return { response: { ...result, errors: [{ message }], requestId } }
}
