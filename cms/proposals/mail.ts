import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { sitePageUrl, TemporaryMailError } from '../newsletter'
import type { EventProposal } from '../payload-types'
import { proposalConfirmUrl } from './links'
import { settleProposal } from './proposals'

type Outcome = 'sent' | 'skipped' | 'rejected'

const send = async (to: string, rendered: Awaited<ReturnType<typeof renderEmail>>): Promise<Outcome> => {
  const outcome = await sendMessage(transactionalMessage(to, rendered))
  if (outcome.ok) return 'sent'
  if (outcome.kind === 'temporary') throw new TemporaryMailError(outcome.error)
  return 'rejected'
}

const read = async (payload: Payload, id: string) =>
  (await payload.findByID({
    collection: SLUGS.eventProposals,
    id,
    depth: 1,
    overrideAccess: true,
    disableErrors: true,
    showHiddenFields: true,
  })) as EventProposal | null

/** The confirmation mail (job `sendProposalMail`): nothing for a proposal confirmed or purged since. */
export const sendProposalMail = async (payload: Payload, proposalId: string): Promise<Outcome> => {
  const p = await read(payload, proposalId)
  if (p?.state !== 'pending' || !p.confirmNonce || !p.proposer?.email) return 'skipped'
  const language = p.language === 'en' ? 'en' : 'it'
  const library = typeof p.library === 'object' && p.library ? p.library.name : ''
  return send(
    p.proposer.email,
    await renderEmail('proposal-confirmation', {
      language,
      title: p.title,
      library,
      confirmUrl: proposalConfirmUrl(payload.secret, { ...p, language }, new Date(p.createdAt)),
    }),
  )
}

/**
 * The job `settleProposal`: records the decision (`settleProposal` of proposals.ts) and mails the proposer once,
 * in the language of the form they used. A temporary SMTP failure throws, so the queue retries the mail only.
 */
export const settleAndNotify = async (payload: Payload, proposalId: string): Promise<Outcome> => {
  const settled = await settleProposal(payload, proposalId)
  if (settled.state !== 'accepted' && settled.state !== 'refused') return 'skipped'
  const p = await read(payload, proposalId)
  if (!p || p.decisionMailed || !p.proposer?.email) return 'skipped'
  const language = p.language === 'en' ? 'en' : 'it'
  const slug = settled.event && 'slug' in settled.event ? settled.event.slug : null
  const outcome = await send(
    p.proposer.email,
    await renderEmail('proposal-decision', {
      language,
      title: p.title,
      accepted: settled.state === 'accepted',
      eventUrl: slug ? sitePageUrl(`/eventi/${slug}`, language) : null,
      reason: settled.state === 'refused' ? (p.refusalReason ?? null) : null,
    }),
  )
  await payload.update({
    collection: SLUGS.eventProposals,
    id: p.id,
    data: { decisionMailed: true },
    overrideAccess: true,
    depth: 0,
  })
  return outcome
}
