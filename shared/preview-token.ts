import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * The signed, short-lived link of a draft preview: the admin signs it for one document (collection and id)
 * when it shows the edit view, the site opens the draft only with a valid one. Its own MAC domain, so no other
 * token of the platform passes for it; compared in constant time; it grants nothing but reading that draft.
 */
const DOMAIN = 'draft-preview.v1'
/** Long enough to look at a draft after saving it, short enough that a forwarded link soon stops working. */
export const PREVIEW_TTL_SECONDS = 60 * 60
const MAX_LENGTH = 100

const mac = (secret: string, body: string) =>
  createHmac('sha256', secret).update(`${DOMAIN}.${body}`).digest().subarray(0, 18)

/** `<expiry in seconds>.<signature>`; the document it is for is in the URL, and in the signed text. */
export const signPreview = (
  secret: string,
  collection: string,
  id: number | string,
  now: Date = new Date(),
  ttlSeconds: number = PREVIEW_TTL_SECONDS,
): string => {
  const expires = Math.floor(now.getTime() / 1000) + ttlSeconds
  return `${expires}.${mac(secret, `${collection}.${id}.${expires}`).toString('base64url')}`
}

export type PreviewCheck = { ok: true } | { ok: false; reason: 'malformed' | 'forged' | 'expired' }

export const checkPreview = (
  secret: string,
  collection: string,
  id: number | string,
  token: unknown,
  now: Date = new Date(),
): PreviewCheck => {
  if (typeof token !== 'string' || token.length > MAX_LENGTH || !/^\d{1,12}\.[\w-]{1,40}$/.test(token))
    return { ok: false, reason: 'malformed' }
  const [expires, signature] = token.split('.') as [string, string]
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(secret, `${collection}.${id}.${expires}`)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' }
  if (Number(expires) * 1000 <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true }
}
