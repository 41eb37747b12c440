import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { TemporaryMailError } from '../newsletter'
import type { Follow } from '../payload-types'
import { followConfirmUrl } from './links'

/**
 * The confirmation mail of a follow (the `sendFollowMail` job), re-checking the follow first: nothing is sent
 * for a follow confirmed or removed since. A temporary SMTP failure throws so the queue retries.
 */
export const sendFollowMail = async (payload: Payload, followId: string): Promise<'sent' | 'skipped' | 'rejected'> => {
  const follow = (await payload.findByID({
    collection: SLUGS.follows,
    id: followId,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
  })) as Follow | null
  if (follow?.state !== 'pending' || !follow.confirmNonce) return 'skipped'
  const subscriber = typeof follow.subscriber === 'object' ? follow.subscriber : null
  if (!subscriber?.email) return 'skipped'
  const language = follow.language === 'en' ? 'en' : 'it'
  const requestedAt = new Date(follow.consent?.requestedAt ?? Date.now())
  const rendered = await renderEmail('follow-confirmation', {
    language,
    title: follow.title,
    confirmUrl: followConfirmUrl(payload.secret, { ...follow, language }, requestedAt),
  })
  const outcome = await sendMessage(transactionalMessage(subscriber.email, rendered))
  if (outcome.ok) return 'sent'
  if (outcome.kind === 'temporary') throw new TemporaryMailError(outcome.error)
  return 'rejected'
}
