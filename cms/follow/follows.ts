import type { Payload } from 'payload'
import type { FollowKind } from '../../collections/Follows'
import { normalizeEmail } from '../../collections/Subscribers/hooks/normalizeSubscriber'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import {
  CONFIRM_TTL_MS,
  findByEmail,
  findSubscriber,
  manageUrl,
  newNonce,
  resolveToken,
  sameNonce,
  truncateIp,
  verifyToken,
} from '../newsletter'
import type { Follow } from '../payload-types'
import { publicTarget } from './targets'

/**
 * Following a page by email. The address is the newsletter's subscriber (one address, one subscriber, one
 * consent record); each follow has its own double opt-in and its own links. Every call acts for an anonymous
 * visitor holding a link, so the Local API runs with overrideAccess: true; the token is what authorises it.
 */

type Id = number | string
const sys = { overrideAccess: true, depth: 0 } as const

/** Repeated requests for the same follow get at most one confirmation mail in this window. */
export const FOLLOW_THROTTLE_MS = 10 * 60 * 1000

export type FollowRequest = {
  email: string
  kind: FollowKind
  slug: string
  language: 'it' | 'en'
  formUrl: string
  ip: string | null
}

export type FollowOutcome = 'requested' | 'throttled' | 'already' | 'unknown-target'

export type FollowFailure = 'invalid' | 'expired' | 'used' | 'gone'

export const queueFollowMail = (payload: Payload, followId: Id) =>
  payload.jobs.queue({
    task: TASKS.sendFollowMail as never,
    queue: QUEUES.mail,
    input: { followId: String(followId) } as never,
  })

const findFollow = async (payload: Payload, id: Id) =>
  (await payload.findByID({ collection: SLUGS.follows, id, disableErrors: true, ...sys })) as Follow | null

/** The subscriber of an address, created (not confirmed, no newsletter) when the address is new. */
const subscriberFor = async (payload: Payload, input: FollowRequest, now: Date) => {
  const email = normalizeEmail(input.email)
  const existing = await findByEmail(payload, email)
  if (existing) return existing
  try {
    const created = await payload.create({
      collection: SLUGS.subscribers,
      data: {
        email,
        status: 'unconfirmed',
        language: input.language,
        tokenNonce: newNonce(),
        preferences: { newsletter: false, weeklyDigest: false },
        consent: {
          requestedAt: now.toISOString(),
          formUrl: input.formUrl.slice(0, 500),
          ip: truncateIp(input.ip),
          preferences: { follow: `${input.kind}:${input.slug}`, language: input.language },
        },
      },
      ...sys,
    })
    return { ...created, status: 'unconfirmed' as const }
  } catch (error) {
    // Two requests for the same new address at once: the unique index let one through.
    const again = await findByEmail(payload, email)
    if (again) return again
    throw error
  }
}

/**
 * A follow request from a page's form. The visitor always sees the same answer; the address gets one mail
 * with a confirmation link (at most one per follow every 10 minutes) unless it already follows the page.
 */
export const requestFollow = async (
  payload: Payload,
  input: FollowRequest,
  now: Date = new Date(),
): Promise<FollowOutcome> => {
  const target = await publicTarget(payload, input.kind, input.slug)
  if (!target) return 'unknown-target'
  const subscriber = await subscriberFor(payload, input, now)
  const { docs } = await payload.find({
    collection: SLUGS.follows,
    where: {
      and: [
        { subscriber: { equals: subscriber.id } },
        { kind: { equals: target.kind } },
        { targetId: { equals: target.id } },
      ],
    },
    limit: 1,
    pagination: false,
    ...sys,
  })
  const existing = docs[0] as Follow | undefined
  const consent = { requestedAt: now.toISOString(), formUrl: input.formUrl.slice(0, 500), ip: truncateIp(input.ip) }
  if (existing?.state === 'active' && subscriber.status === 'confirmed') return 'already'
  if (existing) {
    const last = existing.consent?.requestedAt ? new Date(existing.consent.requestedAt).getTime() : 0
    if (now.getTime() - last < FOLLOW_THROTTLE_MS) return 'throttled'
    await payload.update({
      collection: SLUGS.follows,
      id: existing.id,
      data: { state: 'pending', confirmNonce: newNonce(), language: input.language, consent },
      ...sys,
    })
    await queueFollowMail(payload, existing.id)
    return 'requested'
  }
  const follow = await payload.create({
    collection: SLUGS.follows,
    data: {
      subscriber: subscriber.id as number,
      kind: target.kind,
      targetId: target.id as number,
      title: target.title,
      state: 'pending',
      language: input.language,
      confirmNonce: newNonce(),
      tokenNonce: newNonce(),
      consent,
    },
    ...sys,
  })
  await queueFollowMail(payload, follow.id)
  return 'requested'
}

type Checked = { ok: true; follow: Follow } | { ok: false; reason: FollowFailure }

/** The follow a link names, if the link is genuine and its nonce still current. */
const followOfToken = async (
  payload: Payload,
  token: string | null | undefined,
  purpose: 'follow-confirm' | 'unfollow',
  now: Date,
): Promise<Checked> => {
  const check = verifyToken(payload.secret, token, purpose, now)
  if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' }
  const follow = await findFollow(payload, check.subscriber)
  if (!follow) return { ok: false, reason: 'gone' }
  if (purpose === 'follow-confirm') {
    if (sameNonce(check.nonce, follow.confirmNonce)) return { ok: true, follow }
    return { ok: false, reason: follow.state === 'active' ? 'used' : 'invalid' }
  }
  return sameNonce(check.nonce, follow.tokenNonce) ? { ok: true, follow } : { ok: false, reason: 'invalid' }
}

/** GET of a confirmation link: what the button would confirm (nothing changes yet). */
export const checkFollowConfirm = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await followOfToken(payload, token, 'follow-confirm', now)
  return found.ok ? { ok: true as const, title: found.follow.title } : found
}

/**
 * Confirms a follow (the second opt-in). An address not confirmed yet becomes a confirmed subscriber that
 * gets no newsletter (it asked only to follow); its consent record gets the confirmation time.
 */
export const confirmFollow = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await followOfToken(payload, token, 'follow-confirm', now)
  if (!found.ok) return found
  const { follow } = found
  const requestedAt = follow.consent?.requestedAt ? new Date(follow.consent.requestedAt) : now
  if (now.getTime() - requestedAt.getTime() > CONFIRM_TTL_MS) return { ok: false as const, reason: 'expired' as const }
  await payload.update({
    collection: SLUGS.follows,
    id: follow.id,
    data: { state: 'active', confirmNonce: null, consent: { ...follow.consent, confirmedAt: now.toISOString() } },
    ...sys,
  })
  const subscriberId = typeof follow.subscriber === 'object' ? follow.subscriber.id : follow.subscriber
  const subscriber = await findSubscriber(payload, subscriberId)
  if (subscriber && subscriber.status !== 'confirmed')
    await payload.update({
      collection: SLUGS.subscribers,
      id: subscriber.id,
      // A pending newsletter request keeps its link (confirmNonce): the newsletter needs its own consent.
      data: {
        status: 'confirmed',
        unsubscribedAt: null,
        preferences: { newsletter: false },
        consent: { confirmedAt: now.toISOString() },
      },
      ...sys,
    })
  const language = follow.language === 'en' ? 'en' : 'it'
  const manage = subscriber?.tokenNonce
    ? manageUrl(payload.secret, { id: subscriber.id, tokenNonce: subscriber.tokenNonce, language })
    : null
  return { ok: true as const, title: follow.title, manage }
}

/** GET of a "stop following" link: what the button would remove. */
export const checkUnfollow = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await followOfToken(payload, token, 'unfollow', now)
  return found.ok ? { ok: true as const, title: found.follow.title } : found
}

/** Removes the follow a link names; the subscriber's other follows and newsletter stay. Idempotent. */
export const unfollow = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await followOfToken(payload, token, 'unfollow', now)
  if (!found.ok) return found.reason === 'gone' ? { ok: true as const, title: null } : found
  await payload.delete({ collection: SLUGS.follows, id: found.follow.id, ...sys })
  return { ok: true as const, title: found.follow.title }
}

export type FollowItem = { id: Id; kind: FollowKind; title: string }

const followsOfSubscriber = async (payload: Payload, subscriber: Id): Promise<FollowItem[]> => {
  const { docs } = await payload.find({
    collection: SLUGS.follows,
    where: { and: [{ subscriber: { equals: subscriber } }, { state: { equals: 'active' } }] },
    sort: 'title',
    pagination: false,
    ...sys,
  })
  return (docs as Follow[]).map((f) => ({ id: f.id, kind: f.kind, title: f.title }))
}

/** The preference centre's list: the active follows of the holder of a manage link. */
export const followsOfManage = async (payload: Payload, token: string | null): Promise<FollowItem[] | null> => {
  const found = await resolveToken(payload, token, 'manage')
  return found.ok ? followsOfSubscriber(payload, found.subscriber.id) : null
}

/** The preference centre's "stop following": only a follow of the link's own subscriber. */
export const removeFollowByManage = async (payload: Payload, token: string | null, followId: string) => {
  const found = await resolveToken(payload, token, 'manage')
  if (!found.ok || !/^\d{1,12}$/.test(followId)) return false
  const result = await payload.delete({
    collection: SLUGS.follows,
    where: { and: [{ id: { equals: followId } }, { subscriber: { equals: found.subscriber.id } }] },
    ...sys,
  })
  return result.docs.length > 0
}
