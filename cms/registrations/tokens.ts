import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The cancel link of a registration: a signed token bound to its purpose, to one registration and to the
 * nonce stored with it. Cancelling clears the nonce, so a link works once. Its own MAC domain, so a newsletter
 * token can never pass for one (and the other way round).
 */
type Wire = { p: 'x'; r: number | string; n: string; e: number }

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`registration-token.v1.${body}`).digest().subarray(0, 18)

export const signCancelToken = (secret: string, registration: number | string, nonce: string, expiresAt: Date) => {
  const wire: Wire = { p: 'x', r: registration, n: nonce, e: Math.floor(expiresAt.getTime() / 1000) }
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url')
  return `${body}.${mac(secret, body).toString('base64url')}`
}

export type CancelCheck =
  | { ok: true; registration: number | string; nonce: string }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export const verifyCancelToken = (secret: string, token: unknown, now = new Date()): CancelCheck => {
  if (typeof token !== 'string' || token.length > 400 || !/^[\w-]+\.[\w-]+$/.test(token))
    return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let wire: Wire
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Wire
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (wire.p !== 'x' || typeof wire.n !== 'string' || typeof wire.e !== 'number')
    return { ok: false, reason: 'malformed' }
  if (wire.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, registration: wire.r, nonce: wire.n }
}

export const sameNonce = (a: string | null | undefined, b: string | null | undefined): boolean => {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
