import type { Payload, Where } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { massMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { siteUrl } from '../../shared/env'
import type { Locale } from '../../shared/strings'
import { manageUrl, oneClickUrl, unsubscribeUrl } from '../newsletter'
import type { Event, Follow } from '../payload-types'
import { unfollowUrl } from './links'
import { confirmedFollowers } from './recipients'

/** The event field a followed page's new events are found by. */
const RELATION: Partial<Record<Follow['kind'], string>> = {
  series: 'series',
  festivals: 'festival',
  campaigns: 'campaigns',
  libraries: 'library',
  systems: 'system',
  partners: 'organiser',
}

export type FollowDigestResult = { subscribers: number; sent: number; failed: number }

const dayOf = (iso: string, language: Locale) =>
  new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))

/** Public events first published after `since`, linked to the followed page, with a date still to come. */
const newEventsOf = async (payload: Payload, follow: Follow, since: Date, now: Date) => {
  const field = RELATION[follow.kind]
  if (!field) return []
  const where: Where = {
    and: [
      { [field]: { equals: follow.targetId } },
      { _status: { equals: 'published' } },
      { staffOnly: { not_equals: true } },
      { firstPublishedAt: { greater_than: since.toISOString() } },
      { firstPublishedAt: { less_than_equal: now.toISOString() } },
      { lastEnd: { greater_than_equal: now.toISOString() } },
    ],
  }
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where,
    sort: 'start',
    limit: 50,
    depth: 0,
    draft: false,
    overrideAccess: true,
    select: { title: true, slug: true, start: true },
  })
  return docs as Pick<Event, 'id' | 'title' | 'slug' | 'start'>[]
}

/**
 * The followers' daily mail (the `sendFollowDigests` job): for each confirmed subscriber, the events first
 * published since their last such mail on the rassegne, festivals, campaigns, libraries and systems they follow,
 * in one mail; nothing when there is nothing new. Each follow remembers when it was last looked at, so a second
 * run the same day finds nothing to add.
 */
export const sendFollowDigests = async (payload: Payload, now: Date = new Date()): Promise<FollowDigestResult> => {
  const result: FollowDigestResult = { subscribers: 0, sent: 0, failed: 0 }
  const { docs } = await payload.find({
    collection: SLUGS.follows,
    where: { and: [{ state: { equals: 'active' } }, { kind: { in: Object.keys(RELATION) } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  // Many people follow the same page since the same last mail: its new events are read once per run.
  const newEvents = new Map<string, ReturnType<typeof newEventsOf>>()
  const newEventsOnce = (follow: Follow, since: Date) => {
    const key = `${follow.kind}:${follow.targetId}:${since.toISOString()}`
    const found = newEvents.get(key) ?? newEventsOf(payload, follow, since, now)
    newEvents.set(key, found)
    return found
  }
  for (const { subscriber, follows } of await confirmedFollowers(payload, docs as Follow[])) {
    const language: Locale = subscriber.language === 'en' ? 'en' : 'it'
    const prefix = `${siteUrl()}${language === 'en' ? '/en' : ''}`
    const pages = []
    for (const follow of follows) {
      const since = new Date(follow.lastDigestAt ?? follow.consent?.confirmedAt ?? follow.createdAt)
      const events = await newEventsOnce(follow, since)
      if (events.length)
        pages.push({
          title: follow.title,
          unfollowUrl: unfollowUrl(payload.secret, { id: follow.id, tokenNonce: follow.tokenNonce, language }),
          events: events.map((e) => ({
            title: e.title,
            when: dayOf(e.start, language),
            url: `${prefix}/eventi/${encodeURIComponent(e.slug ?? String(e.id))}`,
          })),
        })
    }
    const stamp = () =>
      payload.db.updateMany({
        collection: SLUGS.follows,
        where: { id: { in: follows.map((f) => f.id) } },
        data: { lastDigestAt: now.toISOString() },
      })
    if (!pages.length) {
      await stamp()
      continue
    }
    result.subscribers++
    const person = { id: subscriber.id, tokenNonce: subscriber.tokenNonce, language }
    const rendered = await renderEmail('follow-digest', {
      language,
      pages,
      manageUrl: manageUrl(payload.secret, person),
      unsubscribeUrl: unsubscribeUrl(payload.secret, person),
    })
    // One-click here stops every mail to the address (the newsletter's); each page has its own link in the body.
    const outcome = await sendMessage(
      massMessage({
        to: subscriber.email,
        rendered,
        sender: null,
        oneClickUrl: oneClickUrl(payload.secret, person),
        deliveryKey: `follow-digest:${subscriber.id}:${now.toISOString().slice(0, 10)}`,
      }),
    )
    if (outcome.ok) {
      result.sent++
      await stamp()
    } else result.failed++
  }
  return result
}
