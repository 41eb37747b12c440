import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Links in newsletter mail carry a signed token instead of a login. A token is bound to a purpose,
 * to one subscriber and to a per-subscriber nonce stored with them; a confirmation token also expires
 * and its nonce is cleared once used, so it works once.
 */
export type TokenPurpose = 'confirm' | 'manage' | 'unsubscribe' | 'follow-confirm' | 'unfollow' | 'proposal-confirm'

/**
 * `follow-*` tokens name a follow (cms/follow), `proposal-confirm` an event proposal (cms/proposals), instead of a
 * subscriber, each with its own nonce.
 */
const PURPOSE_CODE: Record<TokenPurpose, string> = {
  confirm: 'c',
  manage: 'm',
  unsubscribe: 'u',
  'follow-confirm': 'fc',
  unfollow: 'fu',
  'proposal-confirm': 'pc',
}

export const CONFIRM_TTL_DAYS = 7
export const CONFIRM_TTL_MS = CONFIRM_TTL_DAYS * 24 * 60 * 60 * 1000

export type TokenClaims = { purpose: TokenPurpose; subscriber: number | string; nonce: string; expiresAt?: Date }

type Wire = { p: string; s: number | string; n: string; x?: number }

const b64 = (buf: Buffer) => buf.toString('base64url')

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`newsletter-token.v1.${body}`).digest().subarray(0, 18)

export const newNonce = (): string => randomBytes(12).toString('base64url')

export const signToken = (secret: string, claims: TokenClaims): string => {
  const wire: Wire = { p: PURPOSE_CODE[claims.purpose], s: claims.subscriber, n: claims.nonce }
  if (claims.expiresAt) wire.x = Math.floor(claims.expiresAt.getTime() / 1000)
  const body = b64(Buffer.from(JSON.stringify(wire)))
  return `${body}.${b64(mac(secret, body))}`
}

/**
 * Secrets replaced by a rotation of PAYLOAD_SECRET (PAYLOAD_SECRET_PREVIOUS, comma-separated): links already
 * mailed keep working, new ones are signed with the current secret only. Sessions are not affected.
 */
export const previousSecrets = (value = process.env.PAYLOAD_SECRET_PREVIOUS): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)

export type TokenCheck =
  | { ok: true; subscriber: number | string; nonce: string; expiresAt: Date | null }
  | { ok: false; reason: 'malformed' | 'forged' | 'wrong-purpose' | 'expired' }

/** Verifies signature, purpose and expiry. The caller still compares the nonce with the stored one. */
export const verifyToken = (
  secret: string,
  token: string | null | undefined,
  purpose: TokenPurpose,
  now: Date = new Date(),
): TokenCheck => {
  if (!token || token.length > 400 || !/^[\w-]+\.[\w-]+$/.test(token)) return { ok: false, reason: 'malformed' }
  const [body, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const signedBy = (key: string) => {
    const expected = mac(key, body)
    return given.length === expected.length && timingSafeEqual(given, expected)
  }
  if (!signedBy(secret) && !previousSecrets().some(signedBy)) return { ok: false, reason: 'forged' }
  let wire: Wire
  try {
    wire = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Wire
  } catch {
    return { ok: false, reason: 'malformed' }
  }
  if (typeof wire.n !== 'string' || (typeof wire.s !== 'number' && typeof wire.s !== 'string'))
    return { ok: false, reason: 'malformed' }
  if (wire.p !== PURPOSE_CODE[purpose]) return { ok: false, reason: 'wrong-purpose' }
  const expiresAt = typeof wire.x === 'number' ? new Date(wire.x * 1000) : null
  if (expiresAt && expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, subscriber: wire.s, nonce: wire.n, expiresAt }
}

/** Constant-time comparison of a token's nonce with the stored one. */
export const sameNonce = (a: string | null | undefined, b: string | null | undefined): boolean => {
  if (!a || !b) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}
