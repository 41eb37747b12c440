import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'
import type { EventProposal } from '../../cms/payload-types'
import { catalogue } from '../../shared/strings'
import { QUEUES, TASKS } from '../slugs'

const T = catalogue('it').proposals

/**
 * A person may only refuse a proposal in review, with a reason (every other field is locked to requests: the
 * proposer's text and the wing's stamps). Confirmation, acceptance on publication and the purge are the wing's,
 * which writes with no user.
 */
export const guardDecision: CollectionBeforeChangeHook<EventProposal> = ({ data, originalDoc, operation, req }) => {
  if (!req.user || operation !== 'update' || !originalDoc) return data
  const state = data.state ?? originalDoc.state
  if (state === originalDoc.state) return data
  const refuse = (path: string, message: string) =>
    new ValidationError({ collection: 'event-proposals', errors: [{ path, message }] })
  if (originalDoc.state !== 'review' || state !== 'refused') throw refuse('state', T.admin.refuseHint)
  const reason = String(data.refusalReason ?? originalDoc.refusalReason ?? '').trim()
  if (!reason) throw refuse('refusalReason', T.admin.reasonRequired)
  return { ...data, state: 'refused', refusalReason: reason }
}

/** A refusal made in the admin is settled by a job: the draft goes, the proposer gets the reason. */
export const queueRefusal: CollectionAfterChangeHook<EventProposal> = async ({ doc, previousDoc, req }) => {
  if (doc.state === 'refused' && previousDoc?.state !== 'refused' && req.user)
    await req.payload.jobs.queue({
      task: TASKS.settleProposal,
      queue: QUEUES.mail,
      input: { proposalId: String(doc.id) },
      req,
    })
  return doc
}
