import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, RequestContext } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { type DatesSnapshot, dateChanges, datesSnapshot } from '../../lib/date-changes'
import { QUEUES, SLUGS, TASKS } from '../../slugs'

/** Bookings that still expect to come (or to be told): a change notice goes to them. */
export const LIVE_BOOKING = ['confirmed', 'waiting', 'offered']

const skipped = (context: RequestContext) => !!(context.seed || context.skipOccurrences)
const stash = (id: number | string) => `registrationNotices:${id}`

/** The event's published values before this save, as `rememberPublished` kept them (also read by the follow notices). */
export const publishedBefore = (context: RequestContext, id: number | string) =>
  context[stash(id)] as DatesSnapshot | undefined

/**
 * Before a publishing save overwrites it, keeps the event's previously published values (the main row holds
 * the published version: a draft save never writes it). Nothing is read for a first publication.
 */
export const rememberPublished: CollectionBeforeChangeHook<Event> = async ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation !== 'update' || !originalDoc || skipped(context)) return data
  if ((data._status ?? originalDoc._status) !== 'published') return data
  const published =
    originalDoc._status === 'published'
      ? originalDoc
      : ((await req.payload.db.findOne({
          collection: SLUGS.events,
          where: { id: { equals: originalDoc.id } },
          req,
        })) as Event | null)
  if (published?._status === 'published') context[stash(originalDoc.id)] = datesSnapshot(published)
  return data
}

/**
 * When the published version of an event changes a coming date's time, its place or its status, queues one
 * `sendRegistrationNotices` job in the save's transaction, with the previous values to compare. The job (the
 * registrations wing) finds the dates' bookings, moves or cancels them and sends the mails. Nothing is queued
 * for a draft save, a change that touches no date, or an event without live bookings.
 */
export const queueRegistrationNotices: CollectionAfterChangeHook<Event> = async ({ doc, req, context }) => {
  const key = stash(doc.id)
  const before = context[key] as DatesSnapshot | undefined
  if (!before) return doc
  delete context[key]
  if (doc._status !== 'published') return doc
  const savedAt = new Date(doc.updatedAt ?? Date.now())
  if (dateChanges(before, datesSnapshot(doc), savedAt).length === 0) return doc
  const live = await req.payload.db.count({
    collection: SLUGS.registrations,
    where: { and: [{ event: { equals: doc.id } }, { status: { in: LIVE_BOOKING } }] },
    req,
  })
  if (!live.totalDocs) return doc
  await req.payload.jobs.queue({
    task: TASKS.sendRegistrationNotices,
    queue: QUEUES.mail,
    input: { eventId: String(doc.id), savedAt: savedAt.toISOString(), before } as never,
    req,
  })
  return doc
}
