import { describe, expect, it } from 'vitest'
import { newNonce, previousSecrets, sameNonce, signToken, verifyToken } from '../../cms/newsletter/tokens'

const SECRET = 'unit-test-secret'

describe('newsletter link tokens', () => {
  it('round-trip: a token names its subscriber and nonce for the purpose it was made for', () => {
    const nonce = newNonce()
    const token = signToken(SECRET, { purpose: 'manage', subscriber: 42, nonce })
    expect(verifyToken(SECRET, token, 'manage')).toEqual({ ok: true, subscriber: 42, nonce, expiresAt: null })
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/) // URL-safe, no padding
  })

  it('is purpose-bound: an unsubscribe token does not open the preferences page', () => {
    const token = signToken(SECRET, { purpose: 'unsubscribe', subscriber: 1, nonce: 'n' })
    expect(verifyToken(SECRET, token, 'manage')).toEqual({ ok: false, reason: 'wrong-purpose' })
    expect(verifyToken(SECRET, token, 'confirm')).toEqual({ ok: false, reason: 'wrong-purpose' })
  })

  it('refuses a changed payload, a changed signature, another secret and garbage', () => {
    const token = signToken(SECRET, { purpose: 'manage', subscriber: 1, nonce: 'n' })
    const [body, sig] = token.split('.') as [string, string]
    const otherBody = Buffer.from(JSON.stringify({ p: 'm', s: 2, n: 'n' })).toString('base64url')
    expect(verifyToken(SECRET, `${otherBody}.${sig}`, 'manage')).toEqual({ ok: false, reason: 'forged' })
    expect(verifyToken(SECRET, `${body}.${sig.slice(0, -2)}AA`, 'manage')).toEqual({ ok: false, reason: 'forged' })
    expect(verifyToken('another-secret', token, 'manage')).toEqual({ ok: false, reason: 'forged' })
    for (const bad of [null, '', 'x', 'a.b.c', `${body}.`, '<script>.x', 'a'.repeat(500)])
      expect(verifyToken(SECRET, bad, 'manage').ok).toBe(false)
  })

  it('expires: a confirmation token is refused after its time', () => {
    const expiresAt = new Date('2026-12-01T10:00:00Z')
    const token = signToken(SECRET, { purpose: 'confirm', subscriber: 7, nonce: 'n', expiresAt })
    expect(verifyToken(SECRET, token, 'confirm', new Date('2026-12-01T09:59:59Z')).ok).toBe(true)
    expect(verifyToken(SECRET, token, 'confirm', new Date('2026-12-01T10:00:00Z'))).toEqual({
      ok: false,
      reason: 'expired',
    })
  })

  it('compares nonces in constant time and never matches an empty one', () => {
    expect(sameNonce('abc', 'abc')).toBe(true)
    expect(sameNonce('abc', 'abd')).toBe(false)
    expect(sameNonce('abc', 'abcd')).toBe(false)
    expect(sameNonce('', '')).toBe(false)
    expect(sameNonce(null, 'abc')).toBe(false)
    expect(newNonce()).not.toBe(newNonce())
  })

  it('after a rotation, links signed with a previous secret (PAYLOAD_SECRET_PREVIOUS) still verify', () => {
    const old = signToken('old-secret', { purpose: 'unsubscribe', subscriber: 3, nonce: 'n' })
    expect(verifyToken(SECRET, old, 'unsubscribe')).toEqual({ ok: false, reason: 'forged' })
    process.env.PAYLOAD_SECRET_PREVIOUS = ' older-secret , old-secret '
    try {
      expect(previousSecrets()).toEqual(['older-secret', 'old-secret'])
      expect(verifyToken(SECRET, old, 'unsubscribe')).toMatchObject({ ok: true, subscriber: 3 })
      expect(
        verifyToken(SECRET, signToken('unknown', { purpose: 'unsubscribe', subscriber: 3, nonce: 'n' }), 'unsubscribe')
          .ok,
      ).toBe(false)
    } finally {
      delete process.env.PAYLOAD_SECRET_PREVIOUS
    }
  })
})
