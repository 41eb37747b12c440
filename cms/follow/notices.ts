import type { Payload } from 'payload'
import { followersWhere } from '../../collections/Events/hooks/queueFollowNotices'
import { detailOf, namesFrom, rangeOf, wordsOf } from '../../collections/lib/change-words'
import { type DatesSnapshot, dateChanges, datesSnapshot } from '../../collections/lib/date-changes'
import { SLUGS } from '../../collections/slugs'
import { calendarAttachment, mailSettings, massMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { siteUrl } from '../../shared/env'
import type { Locale } from '../../shared/strings'
import { manageUrl, unsubscribeUrl } from '../newsletter'
import type { Event, Follow, FollowNotice } from '../payload-types'
import { followCalendar } from './ics'
import { oneClickUnfollowUrl, unfollowUrl } from './links'
import { confirmedFollowers } from './recipients'

type Id = number | string
const idOf = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)

export type FollowNoticesResult = { recipients: number; sent: number; failed: number }

type DateWords = { when: string; changes: { label: string; before: string; after: string }[] }

/**
 * Takes the notice for sending (open → sent) before the event is read, so a save made while it is being sent
 * opens a notice of its own; a notice already taken (a job that comes back) sends only to those its ledger
 * does not list.
 */
const take = async (payload: Payload, id: Id): Promise<FollowNotice | null> => {
  const notice = (await payload.findByID({
    collection: SLUGS.followNotices,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as FollowNotice | null
  if (!notice || notice.state === 'nothing') return null
  if (notice.state === 'open')
    await payload.db.updateOne({
      collection: SLUGS.followNotices,
      id: notice.id,
      data: { state: 'sent' },
      returning: false,
    })
  return notice
}

/** The confirmed followers of the event or of its rassegna, each once. */
const followersOf = async (payload: Payload, event: Event) => {
  const { docs } = await payload.find({
    collection: SLUGS.follows,
    where: followersWhere(event) as never,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  // One follow per person: the event's own when they follow both it and its rassegna.
  return (await confirmedFollowers(payload, docs as Follow[])).map(({ subscriber, follows }) => ({
    subscriber,
    follow: follows.find((f) => f.kind === 'events') ?? (follows[0] as Follow),
  }))
}

/**
 * The follow notice of one event (the `sendFollowNotices` job, when its window closes): compares the published
 * values before its first save with the event now; each coming date cancelled, postponed, moved, changed place,
 * sold out or reopened goes into one mail per follower of the event or its rassegna, with the event's `.ics`
 * (the feed's UID and SEQUENCE) and RFC 8058 one-click "stop following". Nothing is sent when the saves undid
 * each other.
 */
export const sendFollowNotices = async (payload: Payload, noticeId: string): Promise<FollowNoticesResult> => {
  const result: FollowNoticesResult = { recipients: 0, sent: 0, failed: 0 }
  const notice = await take(payload, noticeId)
  if (!notice) return result
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: idOf(notice.event) as Id,
    depth: 0,
    draft: false,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  const before = notice.before as DatesSnapshot | null
  const openedAt = new Date(notice.openedAt ?? notice.createdAt)
  const after = event?._status === 'published' ? datesSnapshot(event) : null
  const changes = before && after ? dateChanges(before, after, openedAt, { full: true }) : []
  if (!event || !before || !after || !changes.length) {
    await payload.db.updateOne({
      collection: SLUGS.followNotices,
      id: notice.id,
      data: { state: 'nothing' },
      returning: false,
    })
    return result
  }
  const names = namesFrom(payload)
  const details = changes.map((c) => detailOf(c, before, after))
  const wordsIn = async (language: Locale): Promise<DateWords[]> =>
    Promise.all(
      details.map(async (d) => ({
        when: rangeOf(d.before, d.allDay, language),
        changes: (await wordsOf(d, names, language)).changes,
      })),
    )
  const words = { it: await wordsIn('it'), en: await wordsIn('en') }
  const followers = await followersOf(payload, event)
  const delivered = new Set<string>(((notice.delivered as string[] | null) ?? []).map(String))
  await payload.update({
    collection: SLUGS.followNotices,
    id: notice.id,
    data: {
      title: `${event.title} (${words.it.length})`,
      changes: words.it.flatMap((d) =>
        d.changes.map((c) => ({ date: d.when, field: c.label, before: c.before, after: c.after })),
      ),
      recipients: followers.length,
    },
    overrideAccess: true,
    depth: 0,
  })
  const ics = await followCalendar(payload, event)
  const listId = `follow.${mailSettings().domain}`
  result.recipients = followers.length
  let temporary = 0
  for (const { subscriber, follow } of followers) {
    if (delivered.has(String(subscriber.id))) {
      result.sent++
      continue
    }
    const language: Locale = subscriber.language === 'en' ? 'en' : 'it'
    const person = { id: subscriber.id, tokenNonce: subscriber.tokenNonce, language }
    const own = { id: follow.id, tokenNonce: follow.tokenNonce, language }
    const rendered = await renderEmail('follow-notice', {
      language,
      followed: follow.title,
      eventTitle: event.title,
      dates: words[language],
      eventUrl: `${siteUrl()}${language === 'en' ? '/en' : ''}/eventi/${encodeURIComponent(event.slug ?? String(event.id))}`,
      unfollowUrl: unfollowUrl(payload.secret, own),
      unsubscribeUrl: unsubscribeUrl(payload.secret, person),
      manageUrl: manageUrl(payload.secret, person),
    })
    const outcome = await sendMessage(
      massMessage({
        to: subscriber.email,
        rendered,
        sender: null,
        oneClickUrl: oneClickUnfollowUrl(payload.secret, own),
        deliveryKey: `follow-notice:${notice.id}:${subscriber.id}`,
        attachments: [calendarAttachment(ics)],
        listId,
      }),
    )
    if (outcome.ok) {
      result.sent++
      delivered.add(String(subscriber.id))
      await payload.db.updateOne({
        collection: SLUGS.followNotices,
        id: notice.id,
        data: { delivered: [...delivered], sent: delivered.size },
        returning: false,
      })
    } else {
      result.failed++
      if (outcome.kind === 'temporary') temporary++
    }
  }
  await payload.db.updateOne({
    collection: SLUGS.followNotices,
    id: notice.id,
    data: { sent: result.sent, failed: result.failed },
    returning: false,
  })
  // The queue runs the job again later; the ledger keeps those already mailed from a second copy.
  if (temporary) throw new Error(`sendFollowNotices: ${temporary} temporary SMTP failures`)
  return result
}
