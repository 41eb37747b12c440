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

/**
 * "Le mie prenotazioni": a signed link naming one email address, in every registration mail. It only lists
 * and leads to actions (each booking's own cancel/change form carries that booking's single-use token), so it
 * is not single-use; it expires after MANAGE_DAYS and has its own MAC domain.
 */
export const MANAGE_DAYS = 90
type ManageWire = { p: 'm'; a: string; e: number }

const manageMac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`registration-manage.v1.${body}`).digest().subarray(0, 18)

export const signManageToken = (secret: string, email: string, expiresAt: Date) => {
  const wire: ManageWire = { p: 'm', a: email.trim().toLowerCase(), e: Math.floor(expiresAt.getTime() / 1000) }
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url')
  return `${body}.${manageMac(secret, body).toString('base64url')}`
}

export type ManageCheck = { ok: true; email: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export const verifyManageToken = (secret: string, token: unknown, now = new Date()): ManageCheck => {
  if (typeof token !== 'string' || token.length > 600 || !/^[\w-]+\.[\w-]+$/.test(token))
    return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const expected = manageMac(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let wire: ManageWire
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as ManageWire
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (wire.p !== 'm' || typeof wire.a !== 'string' || typeof wire.e !== 'number')
    return { ok: false, reason: 'malformed' }
  if (wire.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, email: wire.a }
}

/**
 * The check-in code of a booking (the QR code in its confirmation mail): staff open it on a phone, logged in to
 * the admin, and the arrival is recorded. Bound to the registration and its nonce; valid until the day after
 * the date. It grants nothing without a staff session of the event's system.
 */
type CheckInWire = { p: 'c'; r: number | string; n: string; e: number }

const checkInMac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`registration-checkin.v1.${body}`).digest().subarray(0, 18)

export const signCheckInToken = (secret: string, registration: number | string, nonce: string, expiresAt: Date) => {
  const wire: CheckInWire = { p: 'c', r: registration, n: nonce, e: Math.floor(expiresAt.getTime() / 1000) }
  const body = Buffer.from(JSON.stringify(wire)).toString('base64url')
  return `${body}.${checkInMac(secret, body).toString('base64url')}`
}

export const verifyCheckInToken = (secret: string, token: unknown, now = new Date()): CancelCheck => {
  if (typeof token !== 'string' || token.length > 400 || !/^[\w-]+\.[\w-]+$/.test(token))
    return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const expected = checkInMac(secret, body)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  let wire: CheckInWire
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CheckInWire
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (wire.p !== 'c' || typeof wire.n !== 'string' || typeof wire.e !== 'number')
    return { ok: false, reason: 'malformed' }
  if (wire.e * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, registration: wire.r, nonce: wire.n }
}
