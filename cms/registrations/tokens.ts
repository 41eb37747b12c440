import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signed links of registrations. Each purpose has its own MAC domain, so a token of one purpose (or a
 * newsletter token) never passes for another; each expires; signatures are compared in constant time.
 * - cancel (`x`): one registration and the nonce stored with it; cancelling clears the nonce, so it works once.
 * - offer (`o`): accepting a freed place; the nonce and the `offered` status make it single-use.
 * - check-in (`c`): the QR code of a confirmation, opened by staff logged in to the admin; grants nothing alone.
 * - manage (`m`): "Le mie prenotazioni" of one email address: it only lists and leads to each booking's own
 *   single-use forms, so it is not single-use itself.
 */
type Purpose = 'x' | 'o' | 'c'
type Wire = { p: Purpose; r: number | string; n: string; e: number }
type ManageWire = { p: 'm'; a: string; e: number }

const DOMAINS = {
  x: 'registration-token.v1',
  o: 'registration-offer.v1',
  c: 'registration-checkin.v1',
  m: 'registration-manage.v1',
} as const

const mac = (secret: string, domain: string, body: string) =>
  createHmac('sha256', secret).update(`${domain}.${body}`).digest().subarray(0, 18)

const sign = (secret: string, wire: Wire | ManageWire) => {
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url')
  return `${body}.${mac(secret, DOMAINS[wire.p], body).toString('base64url')}`
}

type Failure = { ok: false; reason: 'malformed' | 'forged' | 'expired' }

const open = <W extends { p: string; e: number }>(
  secret: string,
  purpose: keyof typeof DOMAINS,
  token: unknown,
  now: Date,
  maxLength: number,
): { ok: true; wire: W } | Failure => {
  if (typeof token !== 'string' || token.length > maxLength || !/^[\w-]+\.[\w-]+$/.test(token))
    return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(secret, DOMAINS[purpose], body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let wire: W
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as W
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (wire?.p !== purpose || typeof wire.e !== 'number') return { ok: false, reason: 'malformed' }
  if (wire.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, wire }
}

export type RegistrationCheck = { ok: true; registration: number | string; nonce: string } | Failure
/** Kept for the cancel link's callers. */
export type CancelCheck = RegistrationCheck

const signRegistration =
  (p: Purpose) => (secret: string, registration: number | string, nonce: string, expiresAt: Date) =>
    sign(secret, { p, r: registration, n: nonce, e: Math.floor(expiresAt.getTime() / 1000) })

const verifyRegistration =
  (p: Purpose) =>
  (secret: string, token: unknown, now = new Date()): RegistrationCheck => {
    const opened = open<Wire>(secret, p, token, now, 400)
    if (!opened.ok) return opened
    const { r, n } = opened.wire
    if (typeof n !== 'string' || (typeof r !== 'number' && typeof r !== 'string'))
      return { ok: false, reason: 'malformed' }
    return { ok: true, registration: r, nonce: n }
  }

export const signCancelToken = signRegistration('x')
export const verifyCancelToken = verifyRegistration('x')
export const signOfferToken = signRegistration('o')
export const verifyOfferToken = verifyRegistration('o')
export const signCheckInToken = signRegistration('c')
export const verifyCheckInToken = verifyRegistration('c')

export const sameNonce = (a: string | null | undefined, b: string | null | undefined): boolean => {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export const MANAGE_DAYS = 90

export const signManageToken = (secret: string, email: string, expiresAt: Date) =>
  sign(secret, { p: 'm', a: email.trim().toLowerCase(), e: Math.floor(expiresAt.getTime() / 1000) })

export type ManageCheck = { ok: true; email: string } | Failure

export const verifyManageToken = (secret: string, token: unknown, now = new Date()): ManageCheck => {
  const opened = open<ManageWire>(secret, 'm', token, now, 600)
  if (!opened.ok) return opened
  return typeof opened.wire.a === 'string' ? { ok: true, email: opened.wire.a } : { ok: false, reason: 'malformed' }
}
