import type { CollectionAfterChangeHook } from 'payload'
import type { Newsletter } from '../../../cms/payload-types'
import { QUEUES, TASKS } from '../../slugs'

/**
 * Scheduling queues one start job for the chosen time. Rescheduling or cancelling needs no cleanup:
 * the job starts only if the newsletter is still scheduled for exactly that time.
 */
export const queueScheduled: CollectionAfterChangeHook<Newsletter> = async ({ doc, previousDoc, req }) => {
  const moved =
    doc.status === 'scheduled' && (previousDoc?.status !== 'scheduled' || previousDoc?.scheduledAt !== doc.scheduledAt)
  if (!moved || !doc.scheduledAt) return doc
  await req.payload.jobs.queue({
    task: TASKS.startNewsletter,
    queue: QUEUES.newsletter,
    input: { newsletterId: String(doc.id), scheduledAt: new Date(doc.scheduledAt).toISOString() },
    waitUntil: new Date(doc.scheduledAt),
    req,
  })
  return doc
}
