import type { Payload } from 'payload'
import { refId } from '../../../collections/access/roles'
import { fromWall, toWall } from '../../../collections/lib/recurrence'
import { matchesOccurrence, parsePreferencesKey, preferencesOf } from '../../../collections/Subscribers/preferences'
import { SLUGS } from '../../../collections/slugs'
import { mailSettings, type Sender } from '../../../emails/messages'
import { type RenderedEmail, renderEmail } from '../../../emails/render'
import type { Locale } from '../../../shared/strings'
import { PERSONAL, sitePageUrl } from '../links'
import { confirmedSubscribers, editorialAudience } from './audience'
import type { Lookups } from './context'
import { agendaParams } from './describe'
import { type EventItem, findEventItems, groupByDay, toEmailEvent } from './events'
import { dayLabel, rangeLabel } from './format'
import type { Recipient } from './ledger'

type Id = number | string

export type NewsletterDoc = {
  id: Id
  kind?: 'editorial' | 'digest' | null
  status: string
  subject: string
  intro?: unknown
  system?: Id | { id: Id } | null
  events?: (Id | { id: Id })[] | null
  series?: (Id | { id: Id })[] | null
  narrowing?: Record<string, unknown> | null
  scheduledAt?: string | null
  audienceReady?: boolean | null
  lockedBy?: string | null
  lockedUntil?: string | null
}

/** How one kind of campaign finds its recipients and renders the body of a variant. */
export type CampaignKind = {
  /** Calls `add` with each page of recipients; a recipient's variant names the body they get. */
  recipients: (add: (page: Recipient[]) => Promise<void>) => Promise<void>
  /** The shared body of a variant, with placeholder personal links (see ../links.ts). */
  render: (variant: string) => Promise<RenderedEmail>
  sender: Sender | null
}

export const DIGEST_DAYS = 10
export const DIGEST_MAX_EVENTS = 40
/** Occurrences in a 10-day window the digest considers (a network this size has a few hundred). */
export const DIGEST_WINDOW_LIMIT = 5000

/** The digest window: from the run time to the end of the 10th Rome day. */
export const digestWindow = (from: Date) => {
  const wall = toWall(from)
  const to = fromWall(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + DIGEST_DAYS)))
  return { from, to, lastDay: new Date(to.getTime() - 12 * 60 * 60 * 1000) }
}

/** The dates a digest of this window may list (cancelled and postponed ones are left out), in date order. */
export const findDigestWindowEvents = (payload: Payload, { from, to }: { from: Date; to: Date }) =>
  findEventItems(
    payload,
    {
      and: [
        { end: { greater_than: from.toISOString() } },
        { start: { less_than: to.toISOString() } },
        { status: { not_in: ['cancelled', 'postponed'] } },
      ],
    },
    DIGEST_WINDOW_LIMIT,
  )

const language = (v: string): Locale => (v === 'en' ? 'en' : 'it')

export const digestKind = (payload: Payload, newsletter: NewsletterDoc, lookups: Lookups): CampaignKind => {
  const { from, to, lastDay } = digestWindow(new Date(newsletter.scheduledAt ?? Date.now()))
  // The window's occurrences are read once; each preference set is matched against them in memory.
  let window: Promise<EventItem[]> | null = null
  const all = () => {
    window ??= findDigestWindowEvents(payload, { from, to })
    return window
  }
  const events = new Map<string, EventItem[]>()
  const eventsFor = async (key: string) => {
    let hit = events.get(key)
    if (!hit) {
      const p = parsePreferencesKey(key)
      hit = (await all()).filter((o) => matchesOccurrence(p, o)).slice(0, DIGEST_MAX_EVENTS)
      events.set(key, hit)
    }
    return hit
  }
  return {
    sender: null,
    recipients: async (add) => {
      for await (const page of confirmedSubscribers(payload, [{ 'preferences.weeklyDigest': { equals: true } }])) {
        const recipients: Recipient[] = []
        for (const row of page)
          if ((await eventsFor(row.preferencesKey)).length)
            recipients.push({ subscriber: row.id, variant: `${row.language}|${row.preferencesKey}` })
        await add(recipients)
      }
    },
    render: async (variant) => {
      const [lang, key] = [language(variant.slice(0, 2)), variant.slice(3)]
      const items = await eventsFor(key)
      const params = agendaParams(parsePreferencesKey(key), lookups)
      const query = params.toString()
      return renderEmail('digest', {
        language: lang,
        rangeLabel: rangeLabel(from, lastDay, lang),
        days: groupByDay(items, lang, from),
        moreUrl: sitePageUrl(`/eventi${query ? `?${query}` : ''}`, lang),
        manageUrl: PERSONAL.manage,
        unsubscribeUrl: PERSONAL.unsubscribe,
      })
    },
  }
}

const ids = (v: unknown): Id[] =>
  Array.isArray(v) ? v.map((x) => refId(x as Id)).filter((x): x is Id => x != null) : []

export const editorialSender = (newsletter: NewsletterDoc, lookups: Lookups): Sender | null => {
  const systemId = refId(newsletter.system ?? null)
  const system = systemId == null ? null : lookups.systems.get(String(systemId))
  return system ? { fromName: system.fromName, replyTo: system.replyTo } : null
}

/** The body of an editorial newsletter in one language (shared by preview, test send and the campaign). */
export const renderEditorial = async (
  payload: Payload,
  newsletter: NewsletterDoc,
  lookups: Lookups,
  lang: Locale,
  now = new Date(),
): Promise<RenderedEmail> => {
  const eventIds = ids(newsletter.events)
  const items = eventIds.length
    ? await findEventItems(
        payload,
        {
          and: [
            { event: { in: eventIds } },
            { end: { greater_than: now.toISOString() } },
            { status: { not_equals: 'cancelled' } },
          ],
        },
        500,
      )
    : []
  const firstPerEvent = items.filter((item, i) => items.findIndex((x) => x.slug === item.slug) === i)
  const seriesIds = ids(newsletter.series)
  const series = seriesIds.length
    ? (
        await payload.find({
          collection: SLUGS.series,
          where: { id: { in: seriesIds } },
          depth: 0,
          limit: 50,
          pagination: false,
          overrideAccess: true, // rassegne are public
          select: { title: true, slug: true, summary: true },
        })
      ).docs
    : []
  return renderEmail('editorial', {
    language: lang,
    sender: editorialSender(newsletter, lookups)?.fromName ?? mailSettings().networkName,
    subject: newsletter.subject,
    intro: newsletter.intro,
    events: firstPerEvent.map((item) => ({ ...toEmailEvent(item, lang), day: dayLabel(item.start, lang, now) })),
    series: series.map((s) => ({
      title: s.title,
      url: sitePageUrl(`/rassegne/${encodeURIComponent(s.slug ?? '')}`, lang),
      summary: s.summary ?? null,
    })),
    manageUrl: PERSONAL.manage,
    unsubscribeUrl: PERSONAL.unsubscribe,
  })
}

export const editorialKind = (payload: Payload, newsletter: NewsletterDoc, lookups: Lookups): CampaignKind => {
  const narrowing = preferencesOf(newsletter.narrowing ?? {})
  const member = editorialAudience(lookups, refId(newsletter.system ?? null), narrowing)
  return {
    sender: editorialSender(newsletter, lookups),
    recipients: async (add) => {
      for await (const page of confirmedSubscribers(payload))
        await add(
          page
            .filter((row) => member(row.preferencesKey))
            .map((row) => ({ subscriber: row.id, variant: row.language })),
        )
    },
    render: (variant) => renderEditorial(payload, newsletter, lookups, language(variant)),
  }
}
