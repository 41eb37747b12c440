import type { Payload } from 'payload'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { CONFIRM_TTL_MS, newNonce, sameNonce, verifyToken } from '../newsletter'
import type { EventProposal } from '../payload-types'
import type { ProposalError, ProposalField, ProposalInput } from './form'

/**
 * The life of a proposal: submitted (pending) → confirmed by its link (review: a draft event waits in the
 * system's queue) → accepted (the draft was published) or refused (with a reason). Every call acts for an
 * anonymous visitor holding a link, or for a job, so the Local API runs with overrideAccess: true.
 */

type Id = number | string
const sys = { overrideAccess: true, depth: 0 } as const
const DAY = 86_400_000

/** Unconfirmed proposals are deleted after the link's 7 days; a decided one's contact 90 days after the decision. */
export const CONTACT_RETENTION_DAYS = 90

export type SubmitOutcome = { ok: true; id: Id } | { ok: false; errors: Partial<Record<ProposalField, ProposalError>> }

const exists = async (payload: Payload, collection: 'categories' | 'audiences', id: number | null) =>
  id == null || !!(await payload.findByID({ collection, id, ...sys, disableErrors: true }))

/** Stores a proposal waiting for its confirmation and queues the mail with the link. */
export const submitProposal = async (
  payload: Payload,
  input: ProposalInput,
  language: 'it' | 'en',
  now: Date = new Date(),
): Promise<SubmitOutcome> => {
  const library = await payload.findByID({
    collection: SLUGS.libraries,
    id: input.library,
    depth: 0,
    disableErrors: true,
    overrideAccess: false, // only a library the public may see
  })
  const errors: Partial<Record<ProposalField, ProposalError>> = {}
  if (!library?.system) errors.biblioteca = 'library'
  if (!(await exists(payload, SLUGS.categories, input.category))) errors.categoria = 'category'
  if (!(await exists(payload, SLUGS.audiences, input.audience))) errors.pubblico = 'audience'
  if (!library?.system || Object.keys(errors).length) return { ok: false, errors }
  const system = typeof library.system === 'object' ? library.system.id : library.system
  const proposal = await payload.create({
    collection: SLUGS.eventProposals,
    data: {
      state: 'pending',
      language,
      system,
      library: library.id,
      title: input.title,
      description: input.description,
      start: input.start.toISOString(),
      end: input.end?.toISOString() ?? null,
      place: input.place || null,
      category: input.category,
      audience: input.audience,
      minAge: input.minAge,
      maxAge: input.maxAge,
      organiserName: input.organiserName,
      proposer: { name: input.name, email: input.email, phone: input.phone || null },
      confirmNonce: newNonce(),
      createdAt: now.toISOString(),
    },
    ...sys,
  })
  await payload.jobs.queue({
    task: TASKS.sendProposalMail as never,
    queue: QUEUES.mail,
    input: { proposalId: String(proposal.id) } as never,
  })
  return { ok: true, id: proposal.id }
}

export type ConfirmFailure = 'invalid' | 'expired' | 'used'
type Checked = { ok: true; proposal: EventProposal } | { ok: false; reason: ConfirmFailure }

const proposalOfToken = async (payload: Payload, token: string | null | undefined, now: Date): Promise<Checked> => {
  const check = verifyToken(payload.secret, token, 'proposal-confirm', now)
  if (!check.ok) return { ok: false, reason: check.reason === 'expired' ? 'expired' : 'invalid' }
  const proposal = (await payload.findByID({
    collection: SLUGS.eventProposals,
    id: check.subscriber,
    ...sys,
    disableErrors: true,
    showHiddenFields: true,
  })) as EventProposal | null
  if (!proposal) return { ok: false, reason: 'invalid' }
  if (proposal.state !== 'pending') return { ok: false, reason: 'used' }
  if (!sameNonce(check.nonce, proposal.confirmNonce)) return { ok: false, reason: 'invalid' }
  if (now.getTime() - new Date(proposal.createdAt).getTime() > CONFIRM_TTL_MS) return { ok: false, reason: 'expired' }
  return { ok: true, proposal }
}

/** GET of a confirmation link: what the button would send (nothing changes yet: mail scanners open links). */
export const checkProposalConfirm = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await proposalOfToken(payload, token, now)
  return found.ok ? { ok: true as const, title: found.proposal.title } : found
}

const idOf = (v: unknown): Id | null =>
  v == null ? null : typeof v === 'object' ? ((v as { id: Id }).id ?? null) : (v as Id)

/** The partner of the event's system whose name is the one the proposer wrote, if there is exactly such a one. */
const partnerNamed = async (payload: Payload, name: string, system: Id): Promise<Id | null> => {
  const { docs } = await payload.find({
    collection: SLUGS.partners,
    where: { and: [{ name: { equals: name } }, { systems: { in: [system] } }] },
    limit: 2,
    pagination: false,
    select: { name: true },
    ...sys,
  })
  return docs.length === 1 ? (docs[0]?.id ?? null) : null
}

/**
 * The second step: the proposal becomes a draft event in review in the chosen system (which notifies its editors,
 * as a contributor's submission does). The event has the public fields only; the contact stays on the proposal.
 */
export const confirmProposal = async (payload: Payload, token: string | null, now: Date = new Date()) => {
  const found = await proposalOfToken(payload, token, now)
  if (!found.ok) return found
  const p = found.proposal
  const system = idOf(p.system) as Id
  // Used before anything else is written: a second press of the button finds the link spent.
  await payload.update({
    collection: SLUGS.eventProposals,
    id: p.id,
    data: { confirmNonce: null, confirmedAt: now.toISOString() },
    ...sys,
  })
  const organiser = p.organiserName ? await partnerNamed(payload, p.organiserName, system) : null
  const summary = (p.description ?? '').replace(/\s+/g, ' ').trim()
  const event = await payload.create({
    collection: SLUGS.events,
    draft: true,
    data: {
      _status: 'draft',
      review: 'requested',
      title: p.title,
      summary: summary.length > 280 ? `${summary.slice(0, 279)}…` : summary,
      description: plainTextToLexical(p.description ?? '') as never,
      start: p.start,
      end: p.end ?? undefined,
      system: system as number,
      library: idOf(p.library) as number,
      placeNotes: p.place ?? undefined,
      categories: p.category ? [idOf(p.category) as number] : [],
      audiences: p.audience ? [idOf(p.audience) as number] : [],
      minAge: p.minAge ?? undefined,
      maxAge: p.maxAge ?? undefined,
      organiser: (organiser as number) ?? undefined,
    },
    ...sys,
  })
  await payload.update({
    collection: SLUGS.eventProposals,
    id: p.id,
    data: { state: 'review', event: event.id },
    ...sys,
  })
  return { ok: true as const, title: p.title }
}

/**
 * After a decision (the job `settleProposal`): a published draft accepts the proposal, a refusal made in the admin
 * deletes the draft (never published) and records when. The proposer's mail follows, once.
 */
export const settleProposal = async (payload: Payload, proposalId: Id, now: Date = new Date()) => {
  const p = (await payload.findByID({
    collection: SLUGS.eventProposals,
    id: proposalId,
    ...sys,
    disableErrors: true,
  })) as EventProposal | null
  if (!p) return { state: null, event: null }
  const eventId = idOf(p.event)
  const event = eventId
    ? await payload.findByID({ collection: SLUGS.events, id: eventId, ...sys, disableErrors: true })
    : null
  if (p.state === 'review' && event?._status === 'published') {
    await payload.update({
      collection: SLUGS.eventProposals,
      id: p.id,
      data: { state: 'accepted', decidedAt: now.toISOString() },
      ...sys,
    })
    return { state: 'accepted' as const, event }
  }
  if (p.state === 'refused' && !p.decidedAt) {
    const draft = eventId
      ? await payload.findByID({ collection: SLUGS.events, id: eventId, draft: true, ...sys, disableErrors: true })
      : null
    if (draft && !draft.firstPublishedAt && draft._status !== 'published')
      await payload.delete({ collection: SLUGS.events, id: draft.id, ...sys })
    await payload.update({
      collection: SLUGS.eventProposals,
      id: p.id,
      data: { decidedAt: now.toISOString(), event: null },
      ...sys,
    })
    return { state: 'refused' as const, event: null }
  }
  return { state: p.state, event }
}

/**
 * Retention (daily): proposals never confirmed go after the link's 7 days, whole; a decided proposal keeps its
 * text for the record but loses the proposer's name, email and phone 90 days after the decision.
 */
export const purgeProposals = async (payload: Payload, now: Date = new Date()) => {
  const unconfirmed = await payload.delete({
    collection: SLUGS.eventProposals,
    where: {
      and: [
        { state: { equals: 'pending' } },
        { createdAt: { less_than: new Date(now.getTime() - CONFIRM_TTL_MS).toISOString() } },
      ],
    },
    ...sys,
  })
  const old = await payload.find({
    collection: SLUGS.eventProposals,
    where: {
      and: [
        { state: { in: ['accepted', 'refused'] } },
        { decidedAt: { less_than: new Date(now.getTime() - CONTACT_RETENTION_DAYS * DAY).toISOString() } },
        { contactPurgedAt: { exists: false } },
      ],
    },
    limit: 500,
    pagination: false,
    select: { state: true },
    ...sys,
  })
  for (const doc of old.docs)
    await payload.update({
      collection: SLUGS.eventProposals,
      id: doc.id,
      data: { proposer: { name: null, email: null, phone: null }, contactPurgedAt: now.toISOString() },
      ...sys,
    })
  return { deleted: unconfirmed.docs.length, anonymised: old.docs.length }
}
