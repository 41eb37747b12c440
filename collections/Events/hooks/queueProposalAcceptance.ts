import type { CollectionAfterChangeHook } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { QUEUES, SLUGS, TASKS } from '../../slugs'

/**
 * Publishing the draft of a proposal in review accepts it: a job marks the proposal and mails the proposer.
 * Only the first publication of an event asks (one indexed look-up), so ordinary saves cost nothing.
 */
export const queueProposalAcceptance: CollectionAfterChangeHook<Event> = async ({ doc, previousDoc, req, context }) => {
  if (
    context.seed ||
    doc._status !== 'published' ||
    previousDoc?._status === 'published' ||
    previousDoc?.firstPublishedAt
  )
    return doc
  const { docs } = await req.payload.find({
    collection: SLUGS.eventProposals,
    where: { and: [{ event: { equals: doc.id } }, { state: { equals: 'review' } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    select: { state: true },
    overrideAccess: true,
    req,
  })
  if (docs[0])
    await req.payload.jobs.queue({
      task: TASKS.settleProposal,
      queue: QUEUES.mail,
      input: { proposalId: String(docs[0].id) },
      req,
    })
  return doc
}
