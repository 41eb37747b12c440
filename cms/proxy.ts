import { type NextRequest, NextResponse } from 'next/server'
import {
  API_CONTENT_SECURITY_POLICY,
  AUTH_PATHS,
  adminContentSecurityPolicy,
  BAD_PATH_MESSAGE,
  checkAuthRate,
  clientAddress,
  isHttpsRequest,
  normalisedPath,
  requestIdFrom,
  tooManyAttemptsMessage,
} from './security'

const HSTS = 'max-age=31536000; includeSubDomains'

/**
 * Runs before every CMS route (Next 16 "proxy", Node runtime, one process: the limiter's memory is shared):
 * a request id for the logs, a per-address limit on the auth endpoints (429), and the Content-Security-Policy
 * with a fresh nonce, passed to Next on the request so it marks its own scripts.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers)
  const https = isHttpsRequest(request.headers, request.url)
  const { pathname } = request.nextUrl
  const isApi = pathname.startsWith('/api/') || pathname === '/api' || pathname === '/healthz'
  // Matched the way Payload's router matches (decoded, case-insensitive), so no spelling escapes the limit.
  const route = normalisedPath(pathname)
  if (route === null)
    return NextResponse.json(
      { errors: [{ message: BAD_PATH_MESSAGE }] },
      {
        status: 400,
        headers: {
          'Cache-Control': 'no-store',
          'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
          'X-Request-Id': requestId,
        },
      },
    )

  if (request.method === 'POST' && AUTH_PATHS.test(route)) {
    const address = clientAddress(request.headers)
    const verdict = await checkAuthRate(address)
    if (!verdict.ok) {
      console.log(
        JSON.stringify({
          level: 40,
          time: Date.now(),
          name: 'cms',
          msg: 'auth rate limit',
          requestId,
          path: pathname,
          address,
          retryAfterSeconds: verdict.retryAfterSeconds,
        }),
      )
      return NextResponse.json(
        { errors: [{ message: tooManyAttemptsMessage(verdict.retryAfterSeconds) }] },
        {
          status: 429,
          headers: {
            'Retry-After': String(verdict.retryAfterSeconds),
            'Cache-Control': 'no-store',
            'Content-Security-Policy': API_CONTENT_SECURITY_POLICY,
            'X-Request-Id': requestId,
          },
        },
      )
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64')
  const csp = isApi
    ? API_CONTENT_SECURITY_POLICY
    : adminContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development', https })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('x-request-id', requestId)
  if (!isApi) requestHeaders.set('content-security-policy', csp)

  const response = NextResponse.next({ request: { headers: requestHeaders } })
  response.headers.set('Content-Security-Policy', csp)
  response.headers.set('X-Request-Id', requestId)
  if (https) response.headers.set('Strict-Transport-Security', HSTS)
  return response
}

export const config = {
  // Static build files carry no CSP of their own (they are not documents) and skip this step.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
}
