import { describe, expect, it } from 'vitest'
import { adminContentSecurityPolicy, authRateLimit, clientAddress, tooManyAttemptsMessage } from '../../cms/security'
import { requestIdOf, securityHeaders, siteContentSecurityPolicy } from '../../site/lib/security'

describe('client address for rate limits', () => {
  it('is the last X-Forwarded-For hop: the one our proxy added, not one the client made up', () => {
    expect(clientAddress(new Headers({ 'x-forwarded-for': '10.0.0.1, 203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddress(new Headers({ 'x-forwarded-for': '203.0.113.9' }))).toBe('203.0.113.9')
    expect(clientAddress(new Headers({ 'x-real-ip': '198.51.100.4' }))).toBe('198.51.100.4')
    expect(clientAddress(new Headers())).toBe('unknown')
  })
})

describe('auth rate limit setting', () => {
  it('reads points/seconds and falls back to 30 per 10 minutes', () => {
    expect(authRateLimit('5/60')).toEqual({ points: 5, seconds: 60 })
    expect(authRateLimit('')).toEqual({ points: 30, seconds: 600 })
    expect(authRateLimit('molti')).toEqual({ points: 30, seconds: 600 })
  })
  it('tells the user in Italian how long to wait', () => {
    expect(tooManyAttemptsMessage(30)).toBe('Troppi tentativi di accesso da questo indirizzo. Riprova tra un minuto.')
    expect(tooManyAttemptsMessage(598)).toContain('tra 10 minuti')
  })
})

describe('content security policies', () => {
  it('the site allows no inline or foreign script and no framing', () => {
    const policy = siteContentSecurityPolicy(false)
    expect(policy).toContain("script-src 'self';")
    expect(policy).not.toMatch(/script-src[^;]*unsafe/)
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toContain('upgrade-insecure-requests')
    expect(siteContentSecurityPolicy(true)).toContain('upgrade-insecure-requests')
  })
  it('the admin allows only scripts carrying the nonce (eval only in development)', () => {
    const policy = adminContentSecurityPolicy('abc123')
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic';")
    expect(policy).not.toContain('unsafe-eval')
    expect(adminContentSecurityPolicy('abc123', { dev: true })).toContain("'unsafe-eval'")
  })
  it('HSTS only over HTTPS', () => {
    expect(securityHeaders(new Request('http://localhost/'))['Strict-Transport-Security']).toBeUndefined()
    const viaProxy = new Request('http://localhost/', { headers: { 'x-forwarded-proto': 'https' } })
    expect(securityHeaders(viaProxy)['Strict-Transport-Security']).toMatch(/max-age=\d+/)
  })
})

describe('request ids', () => {
  it('keeps a well-formed id from the proxy and replaces anything else', () => {
    expect(requestIdOf(new Request('http://x/', { headers: { 'x-request-id': 'abc-123_456.789' } }))).toBe(
      'abc-123_456.789',
    )
    expect(requestIdOf(new Request('http://x/', { headers: { 'x-request-id': '<script>' } }))).toMatch(
      /^[0-9a-f-]{36}$/,
    )
  })
})
