// Unit checks of issue 12's smaller items: secrets, cookies, SMTP TLS, client addresses, path spelling.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clientIp } from '../../cms/endpoints/http'
import { hardenCollections } from '../../cms/hardening'
import { AUTH_PATHS, normalisedPath } from '../../cms/security'
import { Users } from '../../collections/Users'
import { createTransport } from '../../emails/transport'
import { payloadSecret } from '../../shared/env'
import { clientAddressOf } from '../../site/lib/security'

const saved = { ...process.env }
afterEach(() => {
  for (const name of ['NODE_ENV', 'PAYLOAD_SECRET', 'DATA_DIR', 'ALLOW_GENERATED_SECRET', 'CMS_URL'])
    if (saved[name] === undefined) delete process.env[name]
    else process.env[name] = saved[name]
})
const env = (values: Record<string, string | undefined>) => {
  for (const [k, v] of Object.entries(values))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
}

describe('PAYLOAD_SECRET in production', () => {
  it('refuses a short secret', () => {
    env({ NODE_ENV: 'production', PAYLOAD_SECRET: 'corto' })
    expect(() => payloadSecret()).toThrow(/at least 32 characters/)
    env({ PAYLOAD_SECRET: 'x'.repeat(32) })
    expect(payloadSecret()).toBe('x'.repeat(32))
  })
  it('does not quietly use a secret file left by development', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'secret-'))
    writeFileSync(path.join(dir, '.payload-secret'), 'y'.repeat(64))
    env({ NODE_ENV: 'production', PAYLOAD_SECRET: undefined, DATA_DIR: dir })
    expect(() => payloadSecret()).toThrow(/generated for development/)
    env({ ALLOW_GENERATED_SECRET: '1' })
    expect(payloadSecret()).toBe('y'.repeat(64))
  })
})

describe('session cookie', () => {
  const cookies = () => {
    const [users] = hardenCollections([Users])
    return (users?.auth as { cookies?: { secure?: boolean; sameSite?: string } } | undefined)?.cookies
  }
  it('is Secure when the CMS is served over HTTPS, and SameSite=Lax', () => {
    env({ CMS_URL: 'https://cms.rbbg.example.org' })
    expect(cookies()).toMatchObject({ secure: true, sameSite: 'Lax' })
    env({ CMS_URL: 'http://localhost:3000' })
    expect(cookies()?.secure).toBe(false)
  })
})

describe('SMTP', () => {
  const options = (url: string) => (createTransport(url) as unknown as { options: Record<string, unknown> }).options
  it('smtp:// on 587 requires STARTTLS; only ?tls=off (a local test server) sends in clear', () => {
    expect(options('smtp://u:p@relay.example.org:587')).toMatchObject({ requireTLS: true, secure: false })
    expect(options('smtps://u:p@relay.example.org')).toMatchObject({ secure: true })
    expect(options('smtp://127.0.0.1:2525?tls=off')).toMatchObject({ requireTLS: false, ignoreTLS: true })
  })
})

describe('client address behind the proxy', () => {
  it('is the last X-Forwarded-For hop for the site, the bounce webhook and the CMS alike', () => {
    const forged = new Headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.9' })
    expect(clientIp(forged)).toBe('203.0.113.9')
    expect(clientAddressOf(forged, () => '127.0.0.1')).toBe('203.0.113.9')
    expect(clientAddressOf(new Headers(), () => '192.0.2.1')).toBe('192.0.2.1')
    expect(
      clientAddressOf(new Headers(), () => {
        throw new Error('prerendered')
      }),
    ).toBe('unknown')
  })
})

describe('auth paths as Payload matches them', () => {
  it.each([
    '/api/users/login',
    '/api/users/%6cogin',
    '/api/users/%256cogin',
    '/api/USERS/Login/',
    '//api//users//login',
    '/api/users/forgot-%70assword',
    '/api/users/%75nlock',
    '/api/users/reset%2Dpassword',
  ])('%s counts as an auth attempt', (spelling) => {
    expect(AUTH_PATHS.test(normalisedPath(spelling) as string)).toBe(true)
  })
  it('an undecodable path is refused (null), ordinary paths are untouched', () => {
    expect(normalisedPath('/api/users/%E0%A4%A')).toBeNull()
    expect(normalisedPath('/api/events')).toBe('/api/events')
    expect(AUTH_PATHS.test(normalisedPath('/api/users/me') as string)).toBe(false)
  })
})
