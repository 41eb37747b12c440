import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, Payload, PayloadRequest } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { refId } from '../../access/roles'
import { followNoticeWindowMs } from '../../FollowNotices'
import { dateChanges, datesSnapshot } from '../../lib/date-changes'
import { QUEUES, SLUGS, TASKS } from '../../slugs'
import { publishedBefore } from './queueRegistrationNotices'

type Id = number | string
const quiet = (id: Id) => `followNoticesQuiet:${id}`

/** The follows told about a change of an event's dates: the event's own and its rassegna's. */
export const followersWhere = (event: Pick<Event, 'id' | 'series'>) => {
  const series = refId(event.series)
  return {
    and: [
      { state: { equals: 'active' } },
      {
        or: [
          { and: [{ kind: { equals: 'events' } }, { targetId: { equals: event.id } }] },
          ...(series != null ? [{ and: [{ kind: { equals: 'series' } }, { targetId: { equals: series } }] }] : []),
        ],
      },
    ],
  }
}

/** How many different people a change of this event's dates reaches (one address counts once). */
export const countFollowers = async (payload: Payload, event: Pick<Event, 'id' | 'series'>, req?: PayloadRequest) => {
  const { values } = await payload.findDistinct({
    collection: SLUGS.follows,
    field: 'subscriber',
    where: followersWhere(event) as never,
    limit: 0,
    overrideAccess: true,
    req,
  })
  return values.length
}

/** The first publication's time, once (the demo seed's events have none: they are not news). */
export const stampFirstPublication: CollectionBeforeChangeHook<Event> = ({ data, originalDoc, context }) => {
  // An event already public before this field existed is not new either.
  if (context.seed || originalDoc?.firstPublishedAt || originalDoc?._status === 'published') return data
  if (data._status === 'published') data.firstPublishedAt = new Date().toISOString()
  return data
}

/** "Non avvisare chi segue" (the sidebar's `notifyFollowers`, not stored): kept for the afterChange hook. */
export const rememberFollowChoice: CollectionBeforeChangeHook<Event> = ({ data, originalDoc, context }) => {
  const choice = (data as { notifyFollowers?: boolean | null }).notifyFollowers
  if (originalDoc && choice === false) context[quiet(originalDoc.id)] = true
  return data
}

/**
 * When a published save changes a coming date's time, place or status (sold out and reopened included), opens
 * the event's follow notice unless one is open already: it keeps the values before this first save and a
 * `sendFollowNotices` job runs when the window closes, so the saves within it make one mail. Nothing happens
 * for a draft save, a save the editor marked "non avvisare", or an event nobody follows.
 */
export const queueFollowNotices: CollectionAfterChangeHook<Event> = async ({ doc, req, context }) => {
  const before = publishedBefore(context, doc.id)
  const silenced = !!context[quiet(doc.id)]
  delete context[quiet(doc.id)]
  if (!before || silenced || doc._status !== 'published') return doc
  const savedAt = new Date(doc.updatedAt ?? Date.now())
  if (dateChanges(before, datesSnapshot(doc), savedAt, { full: true }).length === 0) return doc
  const open = await req.payload.db.count({
    collection: SLUGS.followNotices,
    where: { and: [{ event: { equals: doc.id } }, { state: { equals: 'open' } }] },
    req,
  })
  if (open.totalDocs) return doc
  if (!(await countFollowers(req.payload, doc, req))) return doc
  const dueAt = new Date(savedAt.getTime() + followNoticeWindowMs())
  const notice = await req.payload.create({
    collection: SLUGS.followNotices,
    data: {
      title: doc.title,
      event: doc.id,
      state: 'open',
      before,
      openedAt: savedAt.toISOString(),
      dueAt: dueAt.toISOString(),
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
  await req.payload.jobs.queue({
    task: TASKS.sendFollowNotices,
    queue: QUEUES.mail,
    input: { noticeId: String(notice.id) } as never,
    waitUntil: dueAt,
    req,
  })
  return doc
}
