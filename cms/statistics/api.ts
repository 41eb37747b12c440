import type { CollectionSlug, Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import { SLUGS } from '../../collections/slugs'
import { romeMonth } from './period'
import {
  compareKeys,
  type FigureSource,
  GROUPS,
  type Group,
  type GroupRow,
  type Id,
  type StatsFilter,
  type Subscribers,
  type Summary,
} from './types'

const PAGE = 500

type Doc = Record<string, unknown>

/** Every document matching `where`, one page at a time, each page handed to `each` and then dropped. */
const eachPage = async (
  payload: Payload,
  collection: CollectionSlug,
  where: Where,
  select: Record<string, true>,
  each: (docs: Doc[]) => void | Promise<void>,
) => {
  for (let page = 1; ; page++) {
    const result = await payload.find({
      collection,
      where,
      select: select as never,
      depth: 0,
      limit: PAGE,
      page,
      sort: 'id',
      overrideAccess: true, // the caller's scope is already in `where` (withinScope)
    })
    await each(result.docs as unknown as Doc[])
    if (!result.hasNextPage) return
  }
}

const idsOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [])
    .map((v) => refId(v))
    .filter((v): v is Id => v != null)
    .map(String)

/** The rassegne, festivals and campaigns naming a funder in their support list (few documents). */
export type FunderContainers = { series: Id[]; festivals: Id[]; campaigns: Id[] }

const containersOf = async (payload: Payload, funder: Id | undefined): Promise<FunderContainers | null> => {
  if (funder == null) return null
  const ids = async (collection: CollectionSlug) => {
    const out: Id[] = []
    await eachPage(payload, collection, { 'support.funder': { equals: funder } }, { id: true }, (docs) => {
      for (const d of docs) out.push(d.id as Id)
    })
    return out
  }
  return {
    series: await ids(SLUGS.series),
    festivals: await ids(SLUGS.festivals),
    campaigns: await ids(SLUGS.campaigns),
  }
}

/** The same filters as the SQL twin, as a `where` on attendance, occurrences or registrations. */
const datedWhere = (filter: StatsFilter, funded: FunderContainers | null): Where[] => {
  const and: Where[] = [
    { start: { greater_than_equal: filter.from.toISOString() } },
    { start: { less_than: filter.to.toISOString() } },
  ]
  if (filter.system != null) and.push({ system: { equals: filter.system } })
  if (filter.library != null) and.push({ library: { equals: filter.library } })
  if (filter.category != null) and.push({ 'event.categories': { in: [filter.category] } })
  if (filter.audience != null) and.push({ 'event.audiences': { in: [filter.audience] } })
  if (filter.campaign != null) and.push({ 'event.campaigns': { in: [filter.campaign] } })
  if (filter.funder != null) {
    // The event's own support list, or its rassegna's, festival's or campaigns' (mergeSupport's rule).
    const or: Where[] = [{ 'event.support.funder': { equals: filter.funder } }]
    if (funded?.series.length) or.push({ 'event.series': { in: funded.series } })
    if (funded?.festivals.length) or.push({ 'event.festival': { in: funded.festivals } })
    if (funded?.campaigns.length) or.push({ 'event.campaigns': { in: funded.campaigns } })
    and.push({ or })
  }
  return and
}

type EventFacets = { category: string[]; audience: string[]; campaign: string[]; funder: string[] }

/** The funders named by rassegne, festivals and campaigns, read once each per report. */
type SupportCache = Map<string, Promise<string[]>>

const supportOf = (
  payload: Payload,
  cache: SupportCache,
  collection: CollectionSlug,
  id: Id | null,
): Promise<string[]> => {
  if (id == null) return Promise.resolve([])
  const key = `${collection}:${id}`
  let found = cache.get(key)
  if (!found) {
    found = payload
      .findByID({
        collection,
        id,
        select: { support: true } as never,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
      })
      .then((d) => fundersIn((d as Doc | null)?.support))
    cache.set(key, found)
  }
  return found
}

const fundersIn = (support: unknown): string[] =>
  ((Array.isArray(support) ? support : []) as { funder?: unknown }[])
    .map((s) => refId(s.funder))
    .filter((v): v is Id => v != null)
    .map(String)

/** The categories, audiences, campaigns and funders (mergeSupport's rule) of the events of one page of attendance. */
const facetsOf = async (payload: Payload, events: Id[], cache: SupportCache): Promise<Map<string, EventFacets>> => {
  const out = new Map<string, EventFacets>()
  if (!events.length) return out
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { id: { in: events } },
    select: {
      categories: true,
      audiences: true,
      campaigns: true,
      support: true,
      series: true,
      festival: true,
    } as never,
    depth: 0,
    pagination: false,
    draft: false,
    overrideAccess: true,
  })
  for (const d of docs as unknown as Doc[]) {
    const campaigns = idsOf(d.campaigns)
    const funders = [
      ...fundersIn(d.support),
      ...(await supportOf(payload, cache, SLUGS.series, refId(d.series))),
      ...(await supportOf(payload, cache, SLUGS.festivals, refId(d.festival))),
      ...(await Promise.all(campaigns.map((c) => supportOf(payload, cache, SLUGS.campaigns, c)))).flat(),
    ]
    out.set(String(d.id), {
      category: idsOf(d.categories),
      audience: idsOf(d.audiences),
      campaign: campaigns,
      funder: [...new Set(funders)],
    })
  }
  return out
}

const held = (d: Doc) => d.outcome == null || d.outcome === 'held'

/** Attendance, one page at a time, added into every grouping and the summary's totals. */
const attendance = async (payload: Payload, filter: StatsFilter, funded: FunderContainers | null) => {
  const cache: SupportCache = new Map()
  const comuneOf = new Map<string, string>()
  await eachPage(payload, SLUGS.libraries, {}, { comune: true }, (docs) => {
    for (const d of docs) if (d.comune) comuneOf.set(String(d.id), String(d.comune))
  })
  const sums = Object.fromEntries(GROUPS.map((g) => [g, new Map<string, GroupRow>()])) as Record<
    Group,
    Map<string, GroupRow>
  >
  const add = (by: Group, key: string | null | undefined, dates: number, people: number) => {
    if (key == null || key === '') return
    const row = sums[by].get(key) ?? { key, dates: 0, people: 0 }
    row.dates += dates
    row.people += people
    sums[by].set(key, row)
  }
  let people = 0
  let heldDates = 0
  const where: Where = {
    and: [...datedWhere(filter, funded), ...(filter.format ? [{ format: { equals: filter.format } }] : [])],
  }
  const select = {
    event: true,
    start: true,
    total: true,
    format: true,
    outcome: true,
    system: true,
    library: true,
    ages: true,
  } as const
  await eachPage(payload, SLUGS.attendance, where, select, async (docs) => {
    const events = [...new Set(docs.map((d) => refId(d.event)).filter((v): v is Id => v != null))]
    const facets = await facetsOf(payload, events, cache)
    for (const d of docs) {
      const total = Number(d.total ?? 0) || 0
      const dates = held(d) ? 1 : 0
      people += total
      heldDates += dates
      const library = refId(d.library)
      add('system', String(refId(d.system) ?? ''), dates, total)
      add('library', library == null ? null : String(library), dates, total)
      add('comune', library == null ? null : comuneOf.get(String(library)), dates, total)
      add('month', romeMonth(String(d.start ?? '')), dates, total)
      add('format', d.format == null ? null : String(d.format), dates, total)
      const f = facets.get(String(refId(d.event)))
      for (const by of ['category', 'audience', 'campaign', 'funder'] as const)
        for (const key of f?.[by] ?? []) add(by, key, dates, total)
      const ages = (Array.isArray(d.ages) ? d.ages : []) as { band?: unknown; count?: unknown }[]
      const bands = new Map<string, number>()
      for (const a of ages) {
        const band = refId(a.band)
        if (band != null) bands.set(String(band), (bands.get(String(band)) ?? 0) + (Number(a.count ?? 0) || 0))
      }
      for (const [band, count] of bands) add('band', band, dates, count)
    }
  })
  const order = (a: GroupRow, b: GroupRow) => compareKeys(a.key, b.key)
  const groups = Object.fromEntries(GROUPS.map((g) => [g, [...sums[g].values()].sort(order)])) as Record<
    Group,
    GroupRow[]
  >
  return { groups, people, heldDates }
}

/** The places of the events of one page of dates, when their registration is on. */
const eventPlaces = async (payload: Payload, events: Id[]): Promise<Map<string, number>> => {
  const out = new Map<string, number>()
  if (!events.length) return out
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { id: { in: events } },
    select: { registration: true } as never,
    depth: 0,
    pagination: false,
    draft: false,
    overrideAccess: true,
  })
  for (const d of docs as unknown as Doc[]) {
    const r = (d.registration ?? {}) as { mode?: string; places?: number | null }
    if ((r.mode === 'required' || r.mode === 'optional') && typeof r.places === 'number')
      out.set(String(d.id), r.places)
  }
  return out
}

const dateTotals = async (payload: Payload, filter: StatsFilter, funded: FunderContainers | null) => {
  const where: Where = {
    and: [
      ...datedWhere(filter, funded),
      { or: [{ status: { not_equals: 'cancelled' } }, { status: { exists: false } }] },
    ],
  }
  let dates = 0
  let places = 0
  const events = new Set<string>()
  const select = { event: true, places: true, noRegistration: true } as const
  await eachPage(payload, SLUGS.occurrences, where, select, async (docs) => {
    const own = await eventPlaces(payload, [
      ...new Set(docs.map((d) => refId(d.event)).filter((v): v is Id => v != null)),
    ])
    for (const d of docs) {
      dates++
      const event = String(refId(d.event))
      if (!d.noRegistration) places += typeof d.places === 'number' ? d.places : (own.get(event) ?? 0)
      events.add(event)
    }
  })
  return { dates, places, events: events.size }
}

const bookings = async (payload: Payload, filter: StatsFilter, funded: FunderContainers | null, now: Date) => {
  let booked = 0
  let noShows = 0
  let waiting = 0
  await eachPage(
    payload,
    SLUGS.registrations,
    { and: datedWhere(filter, funded) },
    { status: true, people: true, start: true },
    (docs) => {
      for (const d of docs) {
        const n = Number(d.people ?? 0) || 0
        if (d.status === 'confirmed' || d.status === 'attended') booked += n
        if (d.status === 'confirmed' && String(d.start) < now.toISOString()) noShows += n
        if (d.status === 'waiting' || d.status === 'offered') waiting += n
      }
    },
  )
  return { booked, noShows, waiting }
}

const subscribers = async (payload: Payload, filter: StatsFilter): Promise<Subscribers> => {
  const where: Where = {
    and: [
      { status: { equals: 'confirmed' } },
      { 'consent.confirmedAt': { exists: true } },
      { 'consent.confirmedAt': { less_than: filter.to.toISOString() } },
      // An address that only follows pages is not a newsletter subscriber.
      { or: [{ 'preferences.newsletter': { equals: true } }, { 'preferences.newsletter': { exists: false } }] },
      ...(filter.system != null ? [{ 'preferences.systems': { in: [filter.system] } }] : []),
    ],
  }
  let before = 0
  const months = new Map<string, number>()
  const systems = new Map<string, number>()
  const from = filter.from.toISOString()
  await eachPage(payload, SLUGS.subscribers, where, { consent: true, preferences: true }, (docs) => {
    for (const d of docs) {
      const confirmedAt = new Date(String((d.consent as Doc | undefined)?.confirmedAt)).toISOString()
      if (confirmedAt < from) before++
      else months.set(romeMonth(confirmedAt), (months.get(romeMonth(confirmedAt)) ?? 0) + 1)
      for (const s of new Set(idsOf((d.preferences as Doc | undefined)?.systems)))
        if (filter.system == null || s === String(filter.system)) systems.set(s, (systems.get(s) ?? 0) + 1)
    }
  })
  let running = before
  return {
    before,
    byMonth: [...months.entries()]
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, value]) => {
        running += value
        return { key, value, cumulative: running }
      }),
    bySystem: [...systems.entries()].sort(([a], [b]) => compareKeys(a, b)).map(([key, value]) => ({ key, value })),
  }
}

/**
 * The figures through the Local API only (any adapter, MongoDB in production): documents are read a page at a
 * time with only the fields counted, and added up as they come; no page is kept once counted.
 */
export const apiFigures =
  (payload: Payload): FigureSource =>
  async (filter, now) => {
    const funded = await containersOf(payload, filter.funder)
    const { groups, people, heldDates } = await attendance(payload, filter, funded)
    const dates = await dateTotals(payload, filter, funded)
    const summary: Summary = { ...dates, people, heldDates, ...(await bookings(payload, filter, funded, now)) }
    return { summary, groups, subscribers: await subscribers(payload, filter) }
  }
