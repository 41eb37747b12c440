import type { AfterErrorHook, Config } from 'payload'
import { isBusyError } from './sqlite-client'

/**
 * Production logs are one JSON object per line (pino, Payload's own logger) so a log collector can
 * index them; development keeps Payload's readable default. LOG_FORMAT=json forces JSON anywhere.
 */
export const payloadLogger = (): Config['logger'] =>
  process.env.NODE_ENV === 'production' || process.env.LOG_FORMAT === 'json'
    ? { options: { name: 'cms', level: process.env.LOG_LEVEL ?? 'info' } }
    : undefined

export const BUSY_RETRY_AFTER_SECONDS = 5
export const BUSY_MESSAGE =
  'Il database è momentaneamente occupato: non è stato salvato nulla. Riprova tra qualche secondo.'

/**
 * Server errors are logged with the request id that cms/proxy.ts gave the request (and returned to the
 * client as X-Request-Id). The answer says, in Italian, that the error is ours and gives the id to quote;
 * it never carries a stack trace or an internal message (Payload hides those unless `debug` is on).
 */
export const logRequestError: AfterErrorHook = ({ error, req, result, collection }) => {
  const status = (error as { status?: number }).status ?? 500
  if (status < 500) return
  const requestId = req.headers?.get('x-request-id') ?? undefined
  // Nothing was written and the same request can simply be sent again: 503 with Retry-After, not a 500.
  if (isBusyError(error)) {
    req.payload.logger.warn({ msg: 'database busy', requestId, method: req.method, collection: collection?.slug })
    req.responseHeaders = new Headers({ 'Retry-After': String(BUSY_RETRY_AFTER_SECONDS) })
    return { status: 503, response: { errors: [{ message: BUSY_MESSAGE }], requestId } }
  }
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
