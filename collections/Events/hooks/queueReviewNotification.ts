import type { CollectionAfterChangeHook } from 'payload'
import { TASKS } from '../../slugs'

/** Submitting for review notifies the system's editors; the mail itself is sent by a job. */
export const queueReviewNotification: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  if (doc.review === 'requested' && previousDoc?.review !== 'requested') {
    await req.payload.jobs.queue({
      task: TASKS.notifyReviewers as never,
      input: { eventId: String(doc.id) } as never,
      req,
    })
  }
  return doc
}
