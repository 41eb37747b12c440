import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { TASKS } from '../../slugs'

/**
 * Submitting for review notifies the system's editors; the mail itself is sent by a job. A calendar import's drafts
 * (`context.calendarImport`) are announced once per run by the import instead.
 */
export const queueReviewNotification: CollectionAfterChangeHook<Event> = async ({ doc, previousDoc, req }) => {
  if (req.context?.calendarImport) return doc
  if (doc.review === 'requested' && previousDoc?.review !== 'requested') {
    await req.payload.jobs.queue({ task: TASKS.notifyReviewers, input: { eventId: String(doc.id) }, req })
  }
  return doc
}

/** Publishing ends the review: the list no longer shows the event as waiting. */
export const clearReviewOnPublish: CollectionBeforeChangeHook<Event> = ({ data }) => {
  if (data._status === 'published') data.review = 'none'
  return data
}
