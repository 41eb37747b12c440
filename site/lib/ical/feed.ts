import type { Where } from 'payload'
import {
  assembleCalendar,
  buildCalendar,
  type FeedEvent,
  type RenderOptions,
  renderEvent,
} from '../../../collections/lib/ical/build'
import { slugify } from '../../../collections/lib/slugify'
import { SLUGS } from '../../../collections/slugs'
import { type ResolvedFilters, resolveFilters, whereOf } from '../agenda'
import { dateRange, type Filters, filtersToParams } from '../filters'
import { getPayload } from '../payload'
import { currentSearchIndex } from '../search/sync'
import { NETWORK } from '../site-info'
import { absoluteUrl, eventIcsPath } from '../urls'
import { composeEvents } from './blocks'
import { describeFilters, feedTitle } from './describe'
import { feedHorizon, horizonFilters } from './horizon'
import { FEED_MAX_BYTES, FEED_MAX_EVENTS } from './limits'
import { datesByEvent, type Id, loadFeedEvents, ROW_SELECT, type Row } from './load'
import { namedDocs } from './named'
import { feedQuery, readEventVersions, readWindowRows } from './reads'
import { dataVersionParts } from './version'

export { FEED_MAX_BYTES, FEED_MAX_EVENTS }

export type Feed = {
  ics: string
  name: string
  filename: string
  /** The latest change of anything the feed shows (events, places, organisers, categories). */
  lastModified: Date
  /** Events in the feed, and events the filter matched in the horizon. */
  events: number
  matched: number
  truncated: boolean
}

export type FeedLimits = { maxEvents?: number; maxBytes?: number }

type Span = { event: Id; start: number; end: number }

/** Upcoming and ongoing events by next date first, then past ones by most recent; at most `max`. */
const nearestEvents = (rows: Span[], now: Date, max: number): { ids: Id[]; matched: number } => {
  const rank = new Map<Id, number>()
  const t = now.getTime()
  for (const row of rows) {
    // Ongoing = 0, upcoming = ms to start, past = a large offset plus ms since the end.
    const score = row.end > t ? Math.max(0, row.start - t) : 1e15 + (t - row.end)
    const known = rank.get(row.event)
    if (known === undefined || score < known) rank.set(row.event, score)
  }
  const ordered = [...rank.entries()]
    .sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([id]) => id)
  return { ids: ordered.slice(0, max), matched: ordered.length }
}

const readRows = async (where: Where): Promise<Row[]> => {
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where,
    depth: 0,
    pagination: false,
    select: ROW_SELECT,
    overrideAccess: false,
  })
  return docs as unknown as Row[]
}

/**
 * The dates of the events a feed keeps. With a current search index, the ranking reads no rows and only the
 * kept events' rows are read (a network-wide feed matches ~50,000 rows at 20,000 events); otherwise every
 * matching row is read and ranked. `fromScratch` reads the kept events' rows through the Local API.
 */
const feedRows = async (resolved: ResolvedFilters, now: Date, maxEvents: number, fromScratch: boolean) => {
  const index = await currentSearchIndex({ wait: true })
  if (index) {
    // Index keys are strings; the adapters' ids are numbers on SQLite.
    const spans = index
      .matchingRows(resolved)
      .map((r) => ({ ...r, event: (/^\d+$/.test(r.event) ? Number(r.event) : r.event) as Id }))
    const { ids, matched } = nearestEvents(spans, now, maxEvents)
    if (fromScratch) {
      const rows = ids.length ? await readRows({ and: [whereOf(resolved), { event: { in: ids } }] }) : []
      return { rows, ids, matched }
    }
    const payload = await getPayload()
    const rows = await readWindowRows(ids, { from: resolved.from, to: resolved.to }, feedQuery(payload.db.name))
    return { rows, ids, matched }
  }
  const rows = await readRows(whereOf(resolved))
  const spans = rows.map((r) => ({ event: r.event, start: Date.parse(r.start), end: Date.parse(r.end) }))
  return { rows, ...nearestEvents(spans, now, maxEvents) }
}

/** Every event read through the Local API and rendered anew: what a recomposed feed must equal. */
const renderFromScratch = async (ids: Id[], rows: Row[], options: RenderOptions) => {
  const { events, lastModified } = await loadFeedEvents(ids, datesByEvent(rows))
  return { rendered: events.flatMap((event) => renderEvent(event, options) ?? []), lastModified }
}

/**
 * The kept events' VEVENTs from the block cache (blocks.ts): only the events whose block key moved since the
 * last build are read and rendered; the versions and the named documents are cheap reads (reads.ts, named.ts).
 */
const recompose = async (ids: Id[], rows: Row[], options: RenderOptions) => {
  const payload = await getPayload()
  const [named, versions] = await Promise.all([
    dataVersionParts().then(namedDocs),
    readEventVersions(ids, feedQuery(payload.db.name)),
  ])
  return composeEvents(ids, rows, versions, named, options)
}

export type FeedRequest = {
  filters: Filters
  /** Site-relative addresses of this feed and of the page listing the same events. */
  feedPath: string
  pagePath: string
  now?: Date
  limits?: FeedLimits
  /** Build without the block cache, reading everything through the Local API (the tests' reference). */
  fromScratch?: boolean
}

/**
 * The feed of an agenda filter: the occurrence index picks the events (one indexed range query),
 * the nearest FEED_MAX_EVENTS are loaded and rendered, and the size cap is enforced on the bytes.
 * Throws UnknownSlugError (→ 404) for filters naming nothing.
 */
export const filterFeed = async (request: FeedRequest): Promise<Feed> => {
  const now = request.now ?? new Date()
  const maxEvents = request.limits?.maxEvents ?? FEED_MAX_EVENTS
  const maxBytes = request.limits?.maxBytes ?? FEED_MAX_BYTES
  const filters = horizonFilters(request.filters, now)
  const resolved = await resolveFilters(filters, now)
  const { from, to } = dateRange(filters, now)
  const fromScratch = request.fromScratch ?? false
  const { rows, ids, matched } = await feedRows(resolved, now, maxEvents, fromScratch)
  const parts = await describeFilters(request.filters)
  const name = feedTitle(parts)
  const pageUrl = absoluteUrl(request.pagePath)

  const horizon = feedHorizon(now)
  const options = { now: horizon.today, from, until: to ?? undefined, transparent: true }
  const { rendered, lastModified } = await (fromScratch ? renderFromScratch : recompose)(ids, rows, options)
  const meta = (kept: number) => ({
    name,
    url: pageUrl,
    source: absoluteUrl(request.feedPath),
    description: [
      `Eventi delle biblioteche della ${NETWORK.name}: ${parts.length ? parts.join(', ') : 'tutti'}.`,
      'Comprende le date da 30 giorni fa a 12 mesi avanti e si aggiorna ogni 6 ore.',
      kept < matched
        ? `Attenzione: la ricerca comprende ${matched} eventi, troppi per un calendario; qui ci sono solo i ${kept} più vicini. Per averli tutti restringi la ricerca: ${pageUrl}`
        : `Elenco completo: ${pageUrl}`,
    ].join('\n'),
  })
  // The byte cap: the nearest events whose VEVENTs fit beside the calendar's own lines.
  let kept = rendered.length
  const sizes = rendered.map((e) => Buffer.byteLength(e.text))
  // Events alone over the cap: the whole calendar is too, and need not be joined to be measured.
  const over = sizes.reduce((sum, n) => sum + n, 0) > maxBytes
  let ics = over ? '' : assembleCalendar(meta(kept), rendered)
  if (over || Buffer.byteLength(ics) > maxBytes) {
    // The calendar's own lines (a VTIMEZONE if any date is timed, the longest truncation notice).
    const sample = rendered.filter((e) => e.timed).slice(0, 1)
    const overhead =
      Buffer.byteLength(assembleCalendar(meta(matched - 1), sample)) - Buffer.byteLength(sample[0]?.text ?? '')
    let room = maxBytes - overhead
    kept = 0
    for (const size of sizes) {
      room -= size
      if (room < 0) break
      kept++
    }
    ics = assembleCalendar(meta(kept), rendered.slice(0, kept))
  }
  return {
    ics,
    name,
    filename: `${slugify(name) || 'eventi'}.ics`,
    lastModified: new Date(Math.max(lastModified, horizon.from.getTime())),
    events: kept,
    matched,
    truncated: kept < matched,
  }
}

/** Whether a filter matches more events than its feed holds, for the subscribe box (one distinct count). */
export const feedIsTruncated = async (filters: Filters, now: Date = new Date()): Promise<boolean> => {
  const resolved = await resolveFilters(horizonFilters(filters, now), now)
  const index = await currentSearchIndex({ wait: true })
  if (index) return index.countEvents(resolved) > FEED_MAX_EVENTS
  const payload = await getPayload()
  const where = whereOf(resolved)
  const { totalDocs } = await payload.findDistinct({
    collection: SLUGS.occurrences,
    field: 'event',
    where,
    limit: 1,
    overrideAccess: false,
  })
  return totalDocs > FEED_MAX_EVENTS
}

/** One published event as a calendar of its own ("add to calendar"); null when not public. */
export const eventFeed = async (slug: string, now: Date = new Date()): Promise<Feed | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) return null
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    pagination: false,
    draft: false,
    overrideAccess: false, // unpublished events do not exist for the public
    select: { slug: true },
  })
  const id = docs[0]?.id as Id | undefined
  if (id == null) return null
  const horizon = feedHorizon(now)
  // All its dates, past ones included: someone adding one event to a calendar wants the whole of it.
  const rows = await payload.find({
    collection: SLUGS.occurrences,
    where: { event: { equals: id } },
    depth: 0,
    pagination: false,
    select: ROW_SELECT,
    overrideAccess: false,
  })
  const { events, lastModified } = await loadFeedEvents([id], datesByEvent(rows.docs as unknown as Row[]))
  const event = events[0]
  if (!event) return null
  const ics = buildCalendar({
    name: event.title,
    description: `${event.title} – ${NETWORK.name}\n${event.url}`,
    url: event.url,
    source: absoluteUrl(`/eventi/${slug}.ics`),
    events,
    now: horizon.today,
  })
  return {
    ics,
    name: event.title,
    filename: `${slug}.ics`,
    lastModified: new Date(lastModified),
    events: 1,
    matched: 1,
    truncated: false,
  }
}

/**
 * One date of a published event as a calendar of its own ("Aggiungi questa data"): the event's dates on
 * that Rome day (usually one), as a single event; null when the event is not public or has no date that day.
 *
 * Its UID is the date's own (`<event>-<YYYYMMDD>@host`), not the event's UID with a RECURRENCE-ID: an
 * override whose master is not in the same calendar is ignored or mishandled by several clients (and
 * python icalendar / ical.js see it as an instance of a series they do not have), and importing it into a
 * calendar that holds the whole series would silently replace that date there. An independent event is
 * added as it is everywhere; the price is that adding both this date and all the dates shows it twice.
 */
export const eventDateFeed = async (slug: string, day: string, now: Date = new Date()): Promise<Feed | null> => {
  if (!/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { slug: { equals: slug } },
    depth: 0,
    limit: 1,
    pagination: false,
    draft: false,
    overrideAccess: false, // unpublished events do not exist for the public
    select: { slug: true },
  })
  const id = docs[0]?.id as Id | undefined
  if (id == null) return null
  const rows = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: id } }, { day: { equals: day } }] },
    sort: ['start', 'id'],
    depth: 0,
    pagination: false,
    select: ROW_SELECT,
    overrideAccess: false,
  })
  const dates = datesByEvent(rows.docs as unknown as Row[])
  const own = dates.get(id)
  const first = own?.[0]
  if (!own || !first) return null
  const { events, lastModified } = await loadFeedEvents([id], dates)
  const event = events[0]
  if (!event) return null
  const dateEvent: FeedEvent = {
    ...event,
    uid: event.uid.replace('@', `-${day.replaceAll('-', '')}@`),
    schedule: { start: first.start.toISOString(), end: first.end.toISOString(), allDay: event.schedule.allDay },
    occurrences: own,
  }
  const ics = buildCalendar({
    name: event.title,
    description: `${event.title} – ${NETWORK.name}\n${event.url}`,
    url: event.url,
    source: absoluteUrl(eventIcsPath(slug, day)),
    events: [dateEvent],
    now: feedHorizon(now).today,
  })
  return {
    ics,
    name: event.title,
    filename: `${slug}-${day}.ics`,
    lastModified: new Date(lastModified),
    events: 1,
    matched: 1,
    truncated: false,
  }
}

export const canonicalQuery = (f: Filters) => filtersToParams(f, { page: false }).toString()
