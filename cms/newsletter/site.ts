import type { Payload } from 'payload'
import { preferencesOf } from '../../collections/Subscribers/preferences'
import { createLimiter } from '../../shared/rate-limit'
import { LINK_ERRORS } from './link-errors'
import { choicesOf } from './options'
import {
  confirmSubscription,
  followsOnly,
  type PreferencesUpdate,
  requestSubscription,
  resolveToken,
  type SubscribeInput,
  unsubscribe,
  updatePreferences,
} from './subscribers'

export { choicesOf, newsletterOptions, parseAges, resolveChoices } from './options'

/** The privacy notice shown next to the consent box; its version is stored with each consent. */
export const PRIVACY_NOTICE_VERSION = '2026-11-01'

const limitPerIp = createLimiter(Number(process.env.NEWSLETTER_SUBSCRIBE_LIMIT ?? 8), 10 * 60)

/** Per-IP limit on sign-ups: at most NEWSLETTER_SUBSCRIBE_LIMIT (default 8) every 10 minutes. */
export const subscribeAllowed = (ip: string) => limitPerIp(`subscribe:${ip}`)

export const subscribe = (payload: Payload, input: SubscribeInput) => requestSubscription(payload, input)

export type LinkReason = keyof typeof LINK_ERRORS
export type LinkProblem = { ok: false; status: number; message: string; reason: LinkReason }
export type LinkPage = { ok: true } | LinkProblem

const failure = (reason: LinkReason): LinkProblem => ({ ok: false, reason, ...LINK_ERRORS[reason] })

/** "g•••@example.org": enough for the owner to recognise, too little for anyone else. */
export const maskEmail = (email: string) => {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}•••@${domain}`
}

/** GET of a confirmation link: is it still good? (Nothing changes until the button is pressed.) */
export const checkConfirmLink = async (payload: Payload, token: string | null): Promise<LinkPage> => {
  const found = await resolveToken(payload, token, 'confirm')
  if (!found.ok) return failure(found.reason)
  if (found.subscriber.status !== 'unconfirmed' && !followsOnly(found.subscriber)) return failure('used')
  return { ok: true }
}

export const confirm = async (payload: Payload, token: string | null): Promise<LinkPage> => {
  const result = await confirmSubscription(payload, token)
  return result.ok ? { ok: true } : failure(result.reason)
}

export type ManageView =
  | {
      ok: true
      email: string
      firstName: string
      language: 'it' | 'en'
      weeklyDigest: boolean
      subscribed: boolean
      /** False for an address that only follows pages: it has no newsletter preferences to show. */
      newsletter: boolean
      choices: Awaited<ReturnType<typeof choicesOf>>
    }
  | LinkProblem

/** What the preferences page shows for a manage link. */
export const loadManage = async (payload: Payload, token: string | null): Promise<ManageView> => {
  const found = await resolveToken(payload, token, 'manage')
  if (!found.ok) return failure(found.reason)
  const s = found.subscriber
  return {
    ok: true,
    email: maskEmail(s.email),
    firstName: s.firstName ?? '',
    language: s.language === 'en' ? 'en' : 'it',
    weeklyDigest: !!(s.preferences as { weeklyDigest?: boolean } | null)?.weeklyDigest,
    subscribed: s.status === 'confirmed',
    newsletter: !followsOnly(s),
    choices: await choicesOf(payload, preferencesOf(s.preferences)),
  }
}

export const savePreferences = async (
  payload: Payload,
  token: string | null,
  update: PreferencesUpdate,
): Promise<LinkPage> => {
  const result = await updatePreferences(payload, token, update)
  return result.ok ? { ok: true } : failure(result.reason)
}

/** GET of an unsubscribe link: whose subscription the button would end (masked). */
export const checkUnsubscribeLink = async (
  payload: Payload,
  token: string | null,
  purpose: 'manage' | 'unsubscribe' = 'unsubscribe',
): Promise<LinkProblem | { ok: true; email: string; subscribed: boolean }> => {
  const found = await resolveToken(payload, token, purpose)
  if (!found.ok) return failure(found.reason)
  return {
    ok: true,
    email: maskEmail(found.subscriber.email),
    subscribed: ['confirmed', 'unconfirmed'].includes(found.subscriber.status),
  }
}

export const leave = async (
  payload: Payload,
  token: string | null,
  purpose: 'manage' | 'unsubscribe',
): Promise<LinkPage> => {
  const result = await unsubscribe(payload, token, purpose)
  return result.ok ? { ok: true } : failure(result.reason)
}
