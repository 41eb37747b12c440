import type { Payload } from 'payload'
import { preferencesOf } from '../../collections/Subscribers/preferences'
import { transactionalMessage } from '../../emails/messages'
import { type RenderedEmail, renderEmail } from '../../emails/render'
import { type SendOutcome, sendMessage } from '../../emails/send'
import type { Locale } from '../../shared/strings'
import { loadLookups } from './campaigns/context'
import { describePreferences } from './campaigns/describe'
import { confirmUrl, manageUrl, unsubscribeUrl } from './links'
import { findSubscriber, followsOnly, recordBounce, type SubscriberMailKind } from './subscribers'
import { CONFIRM_TTL_DAYS } from './tokens'

export class TemporaryMailError extends Error {}

/**
 * Sends one of the life-cycle mails to a subscriber, re-checking their state first: an unconfirmed
 * address gets only the confirmation, and nothing else is ever sent to anyone but a confirmed one.
 * Returns what happened; a temporary SMTP failure throws so the job queue retries with backoff.
 */
export const sendSubscriberMail = async (
  payload: Payload,
  subscriberId: number | string,
  kind: SubscriberMailKind,
): Promise<'sent' | 'skipped' | 'bounced' | 'rejected'> => {
  const s = await findSubscriber(payload, subscriberId)
  if (!s) return 'skipped'
  const language: Locale = s.language === 'en' ? 'en' : 'it'
  let rendered: RenderedEmail
  if (kind === 'confirmation') {
    if ((s.status !== 'unconfirmed' && !followsOnly(s)) || !s.confirmNonce) return 'skipped'
    const requestedAt = new Date(s.consent?.requestedAt ?? Date.now())
    rendered = await renderEmail('confirmation', {
      language,
      confirmUrl: confirmUrl(payload.secret, { id: s.id, confirmNonce: s.confirmNonce, language }, requestedAt),
      expiresInDays: CONFIRM_TTL_DAYS,
    })
  } else {
    if (s.status !== 'confirmed') return 'skipped'
    const subject = { id: s.id, tokenNonce: s.tokenNonce, language }
    const links = {
      manageUrl: manageUrl(payload.secret, subject),
      unsubscribeUrl: unsubscribeUrl(payload.secret, subject),
    }
    if (kind === 'manage-preferences') rendered = await renderEmail('manage-preferences', { language, ...links })
    else {
      const lookups = await loadLookups(payload)
      const props = {
        language,
        firstName: s.firstName ?? null,
        weeklyDigest: !!(s.preferences as { weeklyDigest?: boolean } | null)?.weeklyDigest,
        summary: describePreferences(preferencesOf(s.preferences), lookups, language),
        ...links,
      }
      rendered =
        kind === 'welcome' ? await renderEmail('welcome', props) : await renderEmail('preferences-changed', props)
    }
  }
  const outcome: SendOutcome = await sendMessage(transactionalMessage(s.email, rendered))
  if (outcome.ok) return 'sent'
  if (outcome.kind === 'permanent') {
    await recordBounce(payload, s.email, 'hard', outcome.error)
    return 'bounced'
  }
  if (outcome.kind === 'rejected') return 'rejected'
  throw new TemporaryMailError(`SMTP ${outcome.code ?? ''} ${outcome.error}`.trim())
}
