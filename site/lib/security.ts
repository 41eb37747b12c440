import { randomUUID } from 'node:crypto'

/**
 * HTTP hardening shared by the site's middleware and its Node server wrapper (scripts/serve-site.mjs
 * sets the same baseline on static files, which never reach the middleware).
 */

const cmsOrigin = () => {
  try {
    return new URL(process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`).origin
  } catch {
    return ''
  }
}

/**
 * The pages other websites may frame: the agenda's iframe version (site/pages/[...lang]/widget/frame.astro), a
 * list of links without JavaScript or forms. Every other page keeps `frame-ancestors 'none'` and X-Frame-Options.
 */
const FRAMEABLE = new Set(['/widget/frame', '/en/widget/frame'])
export const isFrameable = (pathname: string): boolean => FRAMEABLE.has(pathname)

/**
 * The public site ships no inline script at all (scripts, if any, are files under /_astro/), so
 * `script-src 'self'` needs no hash. Styles are inlined by the build (`inlineStylesheets: 'always'`),
 * hence 'unsafe-inline' for styles only. Event images are served by the CMS. Nobody may frame the site,
 * except any site its iframe version (`frameable`).
 */
export const siteContentSecurityPolicy = (https: boolean, frameable = false): string =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: ${cmsOrigin()}`.trim(),
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    frameable ? 'frame-ancestors *' : "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
    "manifest-src 'self'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ')

export const PERMISSIONS_POLICY =
  'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()'

/** HSTS is only meaningful (and only sent) when the request reached us over HTTPS, directly or through a proxy. */
export const HSTS = 'max-age=31536000; includeSubDomains'

export const isHttps = (request: Request): boolean => {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase()
  if (forwarded) return forwarded === 'https'
  return new URL(request.url).protocol === 'https:' || (process.env.SITE_URL ?? '').startsWith('https:')
}

/** Headers every site response carries. */
export const securityHeaders = (request: Request): Record<string, string> => {
  const https = isHttps(request)
  const frameable = isFrameable(new URL(request.url).pathname)
  return {
    'Content-Security-Policy': siteContentSecurityPolicy(https, frameable),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    ...(frameable ? {} : { 'X-Frame-Options': 'DENY' }),
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(https ? { 'Strict-Transport-Security': HSTS } : {}),
  }
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/

/** A proxy's request id is kept (so logs join up); anything else gets a fresh one. */
export const requestIdOf = (request: Request): string => {
  const incoming = request.headers.get('x-request-id')
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID()
}

type Level = 'info' | 'warn' | 'error'
const LEVELS: Record<Level, number> = { info: 30, warn: 40, error: 50 }

/** One JSON object per line on stdout, in pino's shape (level as a number, time in ms), like the CMS's logs. */
export const logJson = (level: Level, msg: string, fields: Record<string, unknown> = {}) => {
  const line = JSON.stringify({ level: LEVELS[level], time: Date.now(), name: 'site', msg, ...fields })
  process.stdout.write(`${line}\n`)
}

export const errorFields = (error: unknown) =>
  error instanceof Error
    ? { err: { type: error.name, message: error.message, stack: error.stack } }
    : { err: { message: String(error) } }

/**
 * The client's address for limits and consent records: the last X-Forwarded-For hop, the one the proxy in
 * front of us appended, as the CMS reads it. Astro's `clientAddress` takes the first, which the client
 * chooses; it is the fallback when no proxy sent the header (then it is the socket's address).
 */
export const clientAddressOf = (headers: Headers, fallback: () => string): string => {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean)
  if (hops.length) return hops.at(-1) as string
  try {
    return fallback()
  } catch {
    return 'unknown'
  }
}
