import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

// The SMTP server must be up before Payload (and its pooled transport) is created.
let smtp: SmtpSink
let payload: Payload
let service: typeof import('../../cms/newsletter/subscribers')
let emptyPreferences: typeof import('../../collections/Subscribers/preferences').emptyPreferences
let net: Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

const runMail = () => payload.jobs.run({ queue: 'mail', limit: 100 })

const input = (email: string, overrides: Record<string, unknown> = {}) => ({
  email,
  firstName: 'Giulia',
  language: 'it' as const,
  preferences: { ...emptyPreferences(), systems: [net.systems.b], ages: [2, 5] },
  weeklyDigest: true,
  formUrl: 'http://localhost:4321/newsletter',
  noticeVersion: '2026-11',
  ip: '203.0.113.77',
  ...overrides,
})

const subscriber = async (email: string) =>
  (await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true })).docs[0]

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  process.env.NEWSLETTER_BOUNCE_ADDRESS = 'bounces@rbbg.example.org'
  payload = await (await import('../helpers/payload')).getPayload()
  service = await import('../../cms/newsletter/subscribers')
  emptyPreferences = (await import('../../collections/Subscribers/preferences')).emptyPreferences
  net = await (await import('../helpers/network')).buildNetwork(payload)
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('double opt-in', () => {
  it('a new address gets exactly one mail, the confirmation, and its consent is recorded', async () => {
    expect(await service.requestSubscription(payload, input('famiglia@example.org'))).toBe('created')
    await runMail()
    await runMail()
    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail?.to).toEqual(['famiglia@example.org'])
    expect(mail?.from).toBe('bounces@rbbg.example.org')
    expect(mail?.mail.subject).toBe('Conferma l’iscrizione alla newsletter delle biblioteche')
    expect(mail?.mail.headers.get('list-unsubscribe')).toBeUndefined()
    expect(mail?.mail.html).toContain('lang="it"')
    // The confirmation never repeats what the form said (spam through the name field).
    expect(mail?.mail.text).not.toContain('Giulia')
    expect(linkIn(mail!.mail, 'http://localhost:4321/newsletter/conferma?token=')).toBeTruthy()

    const s = await subscriber('famiglia@example.org')
    expect(s?.status).toBe('unconfirmed')
    expect(s?.consent?.requestedAt).toBeTruthy()
    expect(s?.consent?.confirmedAt).toBeFalsy()
    expect(s?.consent?.formUrl).toBe('http://localhost:4321/newsletter')
    expect(s?.consent?.noticeVersion).toBe('2026-11')
    expect(s?.consent?.ip).toBe('203.0.113.0')
    expect(s?.consent?.preferences).toMatchObject({ systems: [net.systems.b], ages: [2, 5], weeklyDigest: true })
  })

  it('an unconfirmed address is sent nothing but the confirmation', async () => {
    smtp.clear()
    const s = await subscriber('famiglia@example.org')
    for (const kind of ['welcome', 'preferences-changed', 'manage-preferences'] as const)
      await service.queueSubscriberMail(payload, s!.id, kind)
    await runMail()
    expect(smtp.received).toHaveLength(0)
  })

  it('asking again within ten minutes sends nothing more; later it resends a link that still works', async () => {
    smtp.clear()
    expect(await service.requestSubscription(payload, input('famiglia@example.org'))).toBe('throttled')
    await runMail()
    expect(smtp.received).toHaveLength(0)
    const later = new Date(Date.now() + 11 * 60 * 1000)
    expect(await service.requestSubscription(payload, input('famiglia@example.org'), later)).toBe('resent')
    await runMail()
    expect(smtp.received).toHaveLength(1)
    expect((await payload.count({ collection: 'subscribers', overrideAccess: true })).totalDocs).toBe(1)
  })

  it('confirming turns the request into a subscription and sends the welcome mail with personal links', async () => {
    const token = new URL(
      linkIn(smtp.received[0]!.mail, 'http://localhost:4321/newsletter/conferma?token='),
    ).searchParams.get('token')
    smtp.clear()
    const result = await service.confirmSubscription(payload, token)
    expect(result.ok).toBe(true)
    const s = await subscriber('famiglia@example.org')
    expect(s?.status).toBe('confirmed')
    expect(s?.consent?.confirmedAt).toBeTruthy()
    await runMail()
    expect(smtp.received).toHaveLength(1)
    const welcome = smtp.received[0]!.mail
    expect(welcome.subject).toContain('Iscrizione confermata')
    expect(welcome.text).toContain('Ciao Giulia,')
    expect(welcome.text).toContain('Sistemi: Valle Seriana')
    expect(welcome.text).toContain('Età: 2, 5 anni')
    linkIn(welcome, 'http://localhost:4321/newsletter/preferenze?token=')
    linkIn(welcome, 'http://localhost:4321/newsletter/disiscrizione?token=')

    // The same link a second time: already used.
    expect(await service.confirmSubscription(payload, token)).toEqual({ ok: false, reason: 'used' })
  })

  it('refuses forged, expired, misused and foreign links', async () => {
    const { signToken } = await import('../../cms/newsletter/tokens')
    const s = await subscriber('famiglia@example.org')
    const forged = signToken('another-secret', { purpose: 'manage', subscriber: s!.id, nonce: 'x' })
    expect(await service.resolveToken(payload, forged, 'manage')).toEqual({ ok: false, reason: 'invalid' })
    expect(await service.resolveToken(payload, 'not-a-token', 'manage')).toEqual({ ok: false, reason: 'invalid' })
    // A genuine signature for this subscriber id but a nonce that is not theirs (a link of a deleted subscriber whose id was reused).
    const foreign = signToken(payload.secret, { purpose: 'manage', subscriber: s!.id, nonce: 'someone-else' })
    expect(await service.resolveToken(payload, foreign, 'manage')).toEqual({ ok: false, reason: 'invalid' })
    const unsubscribeToken = signToken(payload.secret, { purpose: 'unsubscribe', subscriber: s!.id, nonce: 'x' })
    expect(
      await service.updatePreferences(payload, unsubscribeToken, {
        preferences: emptyPreferences(),
        weeklyDigest: false,
        language: 'it',
      }),
    ).toEqual({
      ok: false,
      reason: 'wrong-purpose',
    })
    const expired = signToken(payload.secret, {
      purpose: 'confirm',
      subscriber: s!.id,
      nonce: 'n',
      expiresAt: new Date(Date.now() - 1000),
    })
    expect(await service.confirmSubscription(payload, expired)).toEqual({ ok: false, reason: 'expired' })
    const gone = signToken(payload.secret, { purpose: 'manage', subscriber: 999_999, nonce: 'n' })
    expect(await service.resolveToken(payload, gone, 'manage')).toEqual({ ok: false, reason: 'gone' })
  })

  it('an expired confirmation link is refused even if the request is still stored', async () => {
    await service.requestSubscription(payload, input('tardi@example.org'))
    smtp.clear()
    await runMail()
    const token = new URL(
      linkIn(smtp.received[0]!.mail, 'http://localhost:4321/newsletter/conferma?token='),
    ).searchParams.get('token')
    const eightDaysLater = new Date(Date.now() + 8 * 24 * 60 * 60 * 1000)
    expect(await service.confirmSubscription(payload, token, eightDaysLater)).toEqual({ ok: false, reason: 'expired' })
    expect((await subscriber('tardi@example.org'))?.status).toBe('unconfirmed')
  })

  it('subscribing a confirmed address again sends a "manage your preferences" mail and changes nothing', async () => {
    smtp.clear()
    const before = await subscriber('famiglia@example.org')
    const later = new Date(Date.now() + 30 * 60 * 1000)
    const outcome = await service.requestSubscription(
      payload,
      input('Famiglia@Example.org', { preferences: { ...emptyPreferences(), systems: [net.systems.a] } }),
      later,
    )
    expect(outcome).toBe('manage')
    await runMail()
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0]?.mail.subject).toBe('Sei già iscritto alla newsletter delle biblioteche')
    const after = await subscriber('famiglia@example.org')
    expect(after?.preferences?.systems).toEqual(before?.preferences?.systems)
    expect(
      (
        await payload.count({
          collection: 'subscribers',
          where: { email: { equals: 'famiglia@example.org' } },
          overrideAccess: true,
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('a name is stored as plain text and never reaches a header', async () => {
    await service.requestSubscription(
      payload,
      input('nome@example.org', { firstName: 'Ada\r\nBcc: spam@example.org <b>x</b>' }),
    )
    const s = await subscriber('nome@example.org')
    expect(s?.firstName).toBe('Ada Bcc: spam@example.org b x /b')
    await expect(
      service.requestSubscription(payload, input('a@example.org\r\nBcc: spam@example.org')),
    ).rejects.toThrow()
  })

  it('changing preferences updates them and tells the subscriber; unsubscribing stops everything', async () => {
    smtp.clear()
    const s = await subscriber('famiglia@example.org')
    const { signToken } = await import('../../cms/newsletter/tokens')
    const manage = signToken(payload.secret, {
      purpose: 'manage',
      subscriber: s!.id,
      nonce: (
        await payload.findByID({ collection: 'subscribers', id: s!.id, overrideAccess: true, showHiddenFields: true })
      ).tokenNonce!,
    })
    const updated = await service.updatePreferences(payload, manage, {
      preferences: { ...emptyPreferences(), comuni: ['016004'] },
      weeklyDigest: false,
      language: 'en',
    })
    expect(updated.ok).toBe(true)
    await runMail()
    const mine = smtp.to('famiglia@example.org')
    expect(mine).toHaveLength(1)
    expect(mine[0]?.mail.subject).toBe('We updated your preferences')
    expect(mine[0]?.mail.text).toContain('Towns: Albino')
    expect((await service.unsubscribe(payload, manage, 'manage')).ok).toBe(true)
    expect((await subscriber('famiglia@example.org'))?.status).toBe('unsubscribed')
    smtp.clear()
    await service.queueSubscriberMail(payload, s!.id, 'welcome')
    await runMail()
    expect(smtp.to('famiglia@example.org')).toHaveLength(0)
  })

  it('unconfirmed requests older than seven days are purged, confirmed ones kept', async () => {
    const purged = await service.purgeUnconfirmed(payload, new Date(Date.now() + 8 * 24 * 60 * 60 * 1000))
    expect(purged).toBe(2) // tardi@ and nome@
    expect(await subscriber('tardi@example.org')).toBeUndefined()
    expect(await subscriber('famiglia@example.org')).toBeTruthy()
  })
})
