import type { Payload } from 'payload'
import { cleanName, normalizeEmail, stripControl } from '../../collections/Subscribers/hooks/normalizeSubscriber'
import { type Preferences, preferencesKey, preferencesOf } from '../../collections/Subscribers/preferences'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { CONFIRM_TTL_MS, newNonce, sameNonce, type TokenPurpose, verifyToken } from './tokens'

/**
 * The double opt-in life cycle, shared by the site (forms and pages) and the CMS (endpoints, jobs).
 * Every call is a system action on behalf of an anonymous visitor holding a link, so the Local API runs
 * with overrideAccess: true; the token is what authorises it.
 */

export type SubscriberMailKind = 'confirmation' | 'welcome' | 'preferences-changed' | 'manage-preferences'

/** Repeated requests for the same address get at most one mail in this window (no mail-bombing through the form). */
export const NOTICE_THROTTLE_MS = 10 * 60 * 1000

export type SubscribeInput = {
  email: string
  firstName?: string | null
  language: 'it' | 'en'
  preferences: Preferences
  weeklyDigest: boolean
  formUrl: string
  noticeVersion: string
  ip: string | null
}

export type SubscribeOutcome = 'created' | 'renewed' | 'resent' | 'manage' | 'throttled'

type SubscriberRow = {
  id: number | string
  email: string
  firstName?: string | null
  language?: 'it' | 'en' | null
  status: 'unconfirmed' | 'confirmed' | 'unsubscribed' | 'bounced'
  preferences?: Record<string, unknown> | null
  consent?: { requestedAt?: string | null } | null
  bounces?: { soft?: number | null } | null
  tokenNonce?: string | null
  confirmNonce?: string | null
  lastNoticeAt?: string | null
}

const sys = { overrideAccess: true, depth: 0 } as const

/** IPv4 keeps its first three octets, IPv6 its first three groups: enough to prove origin, not to identify. */
export const truncateIp = (ip: string | null | undefined): string | null => {
  if (!ip) return null
  const v4 = ip.replace(/^::ffff:/, '')
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v4)) return `${v4.split('.').slice(0, 3).join('.')}.0`
  if (ip.includes(':')) return `${ip.split(':').slice(0, 3).join(':')}::`
  return null
}

export const queueSubscriberMail = (payload: Payload, subscriberId: number | string, kind: SubscriberMailKind) =>
  payload.jobs.queue({
    task: TASKS.sendSubscriberMail as never,
    queue: QUEUES.mail,
    input: { subscriberId: String(subscriberId), kind } as never,
  })

export const findByEmail = async (payload: Payload, email: string): Promise<SubscriberRow | null> => {
  const { docs } = await payload.find({
    collection: SLUGS.subscribers,
    where: { email: { equals: normalizeEmail(email) } },
    limit: 1,
    pagination: false,
    ...sys,
  })
  return (docs[0] as unknown as SubscriberRow) ?? null
}

export const findSubscriber = async (payload: Payload, id: number | string): Promise<SubscriberRow | null> =>
  (await payload.findByID({
    collection: SLUGS.subscribers,
    id,
    disableErrors: true,
    ...sys,
  })) as unknown as SubscriberRow | null

const preferencesData = (p: Preferences, weeklyDigest: boolean) => ({
  systems: p.systems as number[],
  comuni: p.comuni as never,
  audiences: p.audiences as number[],
  ages: p.ages,
  categories: p.categories as number[],
  campaigns: p.campaigns as number[],
  weeklyDigest,
})

const consentData = (input: SubscribeInput, now: Date) => ({
  requestedAt: now.toISOString(),
  confirmedAt: null,
  formUrl: input.formUrl.slice(0, 500),
  noticeVersion: input.noticeVersion.slice(0, 40),
  ip: truncateIp(input.ip),
  preferences: { ...preferencesData(input.preferences, input.weeklyDigest), language: input.language },
})

/** A confirmed address that asked only to follow pages (cms/follow): no newsletter until it asks and confirms. */
export const followsOnly = (row: Pick<SubscriberRow, 'status' | 'preferences'>) =>
  row.status === 'confirmed' && (row.preferences as { newsletter?: boolean | null } | null)?.newsletter === false

const recentlyNotified = (row: SubscriberRow, now: Date) =>
  !!row.lastNoticeAt && now.getTime() - new Date(row.lastNoticeAt).getTime() < NOTICE_THROTTLE_MS

/**
 * A subscription request from the form. The visitor always sees the same answer; what happens depends
 * on the address: new → unconfirmed + confirmation mail; unconfirmed → confirmation again;
 * confirmed → a "manage your preferences" mail and nothing changed; unsubscribed or bounced → a new
 * double opt-in (their old consent was withdrawn).
 */
export const requestSubscription = async (
  payload: Payload,
  input: SubscribeInput,
  now: Date = new Date(),
): Promise<SubscribeOutcome> => {
  const email = normalizeEmail(input.email)
  const existing = await findByEmail(payload, email)
  const fresh = {
    firstName: cleanName(input.firstName) || null,
    language: input.language,
    preferences: preferencesData(input.preferences, input.weeklyDigest),
    consent: consentData(input, now),
    lastNoticeAt: now.toISOString(),
  }
  if (!existing) {
    try {
      const doc = await payload.create({
        collection: SLUGS.subscribers,
        data: { email, status: 'unconfirmed', tokenNonce: newNonce(), confirmNonce: newNonce(), ...fresh },
        ...sys,
      })
      await queueSubscriberMail(payload, doc.id, 'confirmation')
      return 'created'
    } catch (error) {
      // Two requests for the same new address at once: the unique index let one through.
      if (await findByEmail(payload, email)) return 'throttled'
      throw error
    }
  }
  if (recentlyNotified(existing, now)) return 'throttled'
  if (followsOnly(existing)) {
    // A confirmed address that only follows pages: the newsletter needs its own consent, so its own link.
    await payload.update({
      collection: SLUGS.subscribers,
      id: existing.id,
      data: {
        ...fresh,
        preferences: { ...fresh.preferences, newsletter: false },
        confirmNonce: newNonce(),
      },
      ...sys,
    })
    await queueSubscriberMail(payload, existing.id, 'confirmation')
    return 'renewed'
  }
  if (existing.status === 'confirmed') {
    await payload.update({
      collection: SLUGS.subscribers,
      id: existing.id,
      data: { lastNoticeAt: now.toISOString() },
      ...sys,
    })
    await queueSubscriberMail(payload, existing.id, 'manage-preferences')
    return 'manage'
  }
  const renewing = existing.status !== 'unconfirmed'
  await payload.update({
    collection: SLUGS.subscribers,
    id: existing.id,
    data: {
      ...fresh,
      status: 'unconfirmed',
      confirmNonce: renewing || !existing.confirmNonce ? newNonce() : existing.confirmNonce,
      unsubscribedAt: null,
    },
    ...sys,
  })
  await queueSubscriberMail(payload, existing.id, 'confirmation')
  return renewing ? 'renewed' : 'resent'
}

export type LinkFailure = 'invalid' | 'expired' | 'used' | 'gone' | 'wrong-purpose'
export type LinkResult<T> = { ok: true; subscriber: SubscriberRow; value: T } | { ok: false; reason: LinkFailure }

/** The subscriber a link token names, if the token is genuine, meant for this page and still valid. */
export const resolveToken = async (
  payload: Payload,
  token: string | null | undefined,
  purpose: TokenPurpose,
  now: Date = new Date(),
): Promise<{ ok: true; subscriber: SubscriberRow } | { ok: false; reason: LinkFailure }> => {
  const check = verifyToken(payload.secret, token, purpose, now)
  if (!check.ok) {
    if (check.reason === 'expired') return { ok: false, reason: 'expired' }
    if (check.reason === 'wrong-purpose') return { ok: false, reason: 'wrong-purpose' }
    return { ok: false, reason: 'invalid' }
  }
  const subscriber = await findSubscriber(payload, check.subscriber)
  if (!subscriber) return { ok: false, reason: 'gone' }
  if (purpose === 'confirm') {
    if (sameNonce(check.nonce, subscriber.confirmNonce)) return { ok: true, subscriber }
    // A genuine confirmation link whose nonce is spent: it was used, or a later request replaced it.
    return { ok: false, reason: subscriber.status === 'unconfirmed' ? 'invalid' : 'used' }
  }
  if (!sameNonce(check.nonce, subscriber.tokenNonce)) return { ok: false, reason: 'invalid' }
  return { ok: true, subscriber }
}

/** Confirms an unconfirmed subscription (the second opt-in) and queues the welcome mail. */
export const confirmSubscription = async (
  payload: Payload,
  token: string | null | undefined,
  now: Date = new Date(),
): Promise<{ ok: true; subscriber: SubscriberRow } | { ok: false; reason: LinkFailure }> => {
  const found = await resolveToken(payload, token, 'confirm', now)
  if (!found.ok) return found
  const { subscriber } = found
  const requestedAt = subscriber.consent?.requestedAt ? new Date(subscriber.consent.requestedAt) : null
  if (subscriber.status !== 'unconfirmed' && !followsOnly(subscriber)) return { ok: false, reason: 'used' }
  if (requestedAt && now.getTime() - requestedAt.getTime() > CONFIRM_TTL_MS) return { ok: false, reason: 'expired' }
  const updated = await payload.update({
    collection: SLUGS.subscribers,
    id: subscriber.id,
    // Confirming proves control of the address: the throttle on "already subscribed" mails starts afresh.
    data: {
      status: 'confirmed',
      confirmNonce: null,
      lastNoticeAt: null,
      preferences: { newsletter: true },
      consent: { confirmedAt: now.toISOString() },
    },
    ...sys,
  })
  await queueSubscriberMail(payload, subscriber.id, 'welcome')
  return { ok: true, subscriber: updated as unknown as SubscriberRow }
}

export type PreferencesUpdate = {
  preferences: Preferences
  weeklyDigest: boolean
  language: 'it' | 'en'
  firstName?: string | null
}

/** Changes what a confirmed subscriber receives; a mail tells them (and anyone who holds their link) it changed. */
export const updatePreferences = async (
  payload: Payload,
  token: string | null | undefined,
  update: PreferencesUpdate,
): Promise<{ ok: true; subscriber: SubscriberRow } | { ok: false; reason: LinkFailure | 'not-subscribed' }> => {
  const found = await resolveToken(payload, token, 'manage')
  if (!found.ok) return found
  if (found.subscriber.status !== 'confirmed') return { ok: false, reason: 'not-subscribed' }
  const before = preferencesKey(preferencesOf(found.subscriber.preferences))
  const updated = await payload.update({
    collection: SLUGS.subscribers,
    id: found.subscriber.id,
    data: {
      preferences: preferencesData(update.preferences, update.weeklyDigest),
      language: update.language,
      ...(update.firstName !== undefined ? { firstName: cleanName(update.firstName) || null } : {}),
    },
    ...sys,
  })
  const changed =
    before !== preferencesKey(update.preferences) ||
    (found.subscriber.preferences as { weeklyDigest?: boolean } | null)?.weeklyDigest !== update.weeklyDigest ||
    found.subscriber.language !== update.language
  if (changed) await queueSubscriberMail(payload, found.subscriber.id, 'preferences-changed')
  return { ok: true, subscriber: updated as unknown as SubscriberRow }
}

/**
 * Unsubscribes the holder of a manage or unsubscribe link. Idempotent (a second click is a success)
 * and silent: no "sorry to see you go" mail.
 */
export const unsubscribe = async (
  payload: Payload,
  token: string | null | undefined,
  purpose: 'manage' | 'unsubscribe',
  now: Date = new Date(),
): Promise<{ ok: true; subscriber: SubscriberRow } | { ok: false; reason: LinkFailure }> => {
  const found = await resolveToken(payload, token, purpose)
  if (!found.ok) return found
  if (found.subscriber.status === 'confirmed' || found.subscriber.status === 'unconfirmed') {
    await payload.update({
      collection: SLUGS.subscribers,
      id: found.subscriber.id,
      data: { status: 'unsubscribed', unsubscribedAt: now.toISOString() },
      ...sys,
    })
  }
  return { ok: true, subscriber: { ...found.subscriber, status: 'unsubscribed' } }
}

export type BounceType = 'hard' | 'soft' | 'complaint'

/**
 * A bounce or complaint, from an SMTP reply or the webhook. Hard bounces and complaints suppress the
 * address at once (listmonk's recommended policy); soft bounces are counted.
 */
export const recordBounce = async (
  payload: Payload,
  email: string,
  type: BounceType,
  reason: string,
  now: Date = new Date(),
): Promise<boolean> => {
  const row = await findByEmail(payload, email)
  if (!row) return false
  const soft = (row.bounces?.soft ?? 0) + (type === 'soft' ? 1 : 0)
  const suppress = type !== 'soft' && row.status !== 'unsubscribed'
  await payload.update({
    collection: SLUGS.subscribers,
    id: row.id,
    data: {
      ...(suppress ? { status: 'bounced' } : {}),
      bounces: {
        soft,
        lastAt: now.toISOString(),
        reason: stripControl(reason).slice(0, 300),
        ...(type === 'complaint' ? { complaint: true } : {}),
      },
    },
    ...sys,
  })
  return true
}

/** Unconfirmed requests older than the confirmation window are deleted with their consent record. */
export const purgeUnconfirmed = async (payload: Payload, now: Date = new Date()): Promise<number> => {
  const cutoff = new Date(now.getTime() - CONFIRM_TTL_MS).toISOString()
  const result = await payload.delete({
    collection: SLUGS.subscribers,
    where: { and: [{ status: { equals: 'unconfirmed' } }, { 'consent.requestedAt': { less_than: cutoff } }] },
    ...sys,
  })
  return result.docs.length
}
