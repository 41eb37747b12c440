import { createLimiter, type RateLimit } from '../shared/rate-limit'

/**
 * HTTP hardening of the CMS, used by cms/proxy.ts (per request: nonce CSP, request id, auth rate limit)
 * and cms/next.config.mjs (static headers).
 */

const origin = (url: string | undefined) => {
  try {
    return url ? new URL(url).origin : ''
  } catch {
    return ''
  }
}

/**
 * The admin's policy: scripts only with this response's nonce (Next puts it on every script it writes;
 * 'strict-dynamic' lets those load their chunks). Styles stay inline-capable (React style props).
 * Payload's JSON/code field loads its editor (Monaco) from cdn.jsdelivr.net, which is allowed for
 * styles and fonts; its scripts arrive through 'strict-dynamic'. `dev` adds 'unsafe-eval' for Next's dev runtime.
 */
export const adminContentSecurityPolicy = (nonce: string, options: { dev?: boolean; https?: boolean } = {}) =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net",
    "img-src 'self' data: blob:",
    "font-src 'self' data: https://cdn.jsdelivr.net",
    `connect-src 'self'${options.dev ? ' ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    `frame-src 'self' ${origin(process.env.SITE_URL)}`.trim(),
    "form-action 'self'",
    "frame-ancestors 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')

/**
 * JSON, health checks and uploaded files: nothing in them may run, even if a file is opened directly
 * (an uploaded file is shown sandboxed, as an image at most).
 */
export const API_CONTENT_SECURITY_POLICY =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox"

/** The auth endpoints a password-guessing client hammers; each counts against the client's address. */
export const AUTH_PATHS = /^\/api\/users\/(login|forgot-password|reset-password|unlock|first-register)\/?$/

/**
 * The path as Payload's router will see it: Payload decodes percent-escapes before matching and matches
 * case-insensitively, so `/api/users/%6cogin` and `/api/USERS//login/` are the login route. Decoded until
 * stable, repeated slashes collapsed, lower-cased, no trailing slash. `null` for a path that does not
 * decode (Payload would fail on it too): the proxy refuses it with 400.
 */
export const normalisedPath = (pathname: string): string | null => {
  let path = pathname
  try {
    for (let i = 0; i < 3 && path.includes('%'); i++) path = decodeURIComponent(path)
  } catch {
    return null
  }
  path = path
    .replace(/\\/g, '/')
    .replace(/\/{2,}/g, '/')
    .toLowerCase()
  return path.length > 1 ? path.replace(/\/$/, '') : path
}

export const BAD_PATH_MESSAGE = 'Indirizzo non valido: contiene caratteri codificati in modo errato.'

/** "points/seconds": attempts allowed per client address per window. Payload also locks an account after 5 misses. */
export const authRateLimit = (value = process.env.AUTH_RATE_LIMIT): { points: number; seconds: number } => {
  const match = /^(\d+)\/(\d+)$/.exec(value ?? '')
  return match ? { points: Number(match[1]), seconds: Number(match[2]) } : { points: 30, seconds: 600 }
}

/**
 * The client's address: the last X-Forwarded-For hop, i.e. the one added by the proxy in front of us
 * (Next fills the header from the socket when no proxy sent one). Without a proxy that overwrites or
 * appends to X-Forwarded-For, a client can choose its own key: production runs behind one (docs/security.md).
 */
export const clientAddress = (headers: Headers): string => {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
  return hops.at(-1) ?? headers.get('x-real-ip') ?? 'unknown'
}

let limiter: ((key: string) => Promise<RateLimit>) | undefined
export const checkAuthRate = (key: string): Promise<RateLimit> => {
  if (!limiter) {
    const { points, seconds } = authRateLimit()
    limiter = createLimiter(points, seconds)
  }
  return limiter(key)
}

export const tooManyAttemptsMessage = (retryAfterSeconds: number) => {
  const minutes = Math.ceil(retryAfterSeconds / 60)
  const wait = minutes <= 1 ? 'un minuto' : `${minutes} minuti`
  return `Troppi tentativi di accesso da questo indirizzo. Riprova tra ${wait}.`
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/** A proxy's request id is kept so logs join up; otherwise a fresh one. */
export const requestIdFrom = (headers: Headers): string => {
  const incoming = headers.get('x-request-id')
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID()
}

export const isHttpsRequest = (headers: Headers, url: string): boolean => {
  const forwarded = headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  if (forwarded) return forwarded === 'https'
  return url.startsWith('https:') || (process.env.CMS_URL ?? '').startsWith('https:')
}
