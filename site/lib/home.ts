import type { Where } from 'payload'
import type { Campaign, Festival } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { buildWhere, findAgendaPage, findOccurrences } from './agenda'
import type { Card } from './cards'
import { emptyFilters, type Filters, filtersToParams } from './filters'
import { formatDay } from './format'
import { toCards } from './occurrences'
import { getPayload } from './payload'
import { agendaPath, entityPath, type Locale } from './urls'

/** Cards per section: on a phone the home page stays a few screens long. */
const SHOWN = 4
/** Fewer for the sections after the first. */
const SHOWN_AFTER = 3
/**
 * "For children and families": events suitable at this age. Family and all-ages events include it, adult and
 * teenage ones do not; the section's link opens the agenda with the same filter.
 */
export const CHILD_AGE = 6

/** A section's rows: more than it shows, since repeated titles and cancelled dates are left out. */
const upcoming = async (f: Filters, locale: Locale, now: Date) => {
  const page = await findAgendaPage(f, { limit: SHOWN * 4 }, now)
  return { cards: await toCards(page.items, locale, now), total: page.totalDocs }
}

/**
 * One card per title across the page: a weekly reading, or the same reading in three libraries, should not
 * fill a box with its next Saturdays, nor appear again in the next box. (Cards of one event share its
 * title; a series' dates too.) Cancelled dates stay in the agenda, not in the home page's picks.
 */
const oneEach = (seen: Set<string>, cards: Card[], shown: number) =>
  cards
    .filter((c) => {
      const key = c.title.trim().toLowerCase()
      if (c.status === 'cancelled' || seen.has(key)) return false
      seen.add(key)
      return true
    })
    .slice(0, shown)

export type Highlight = { kind: 'campagna' | 'festival'; title: string; summary: string; href: string; period: string }

/** Campaigns and festivals running now or about to start. */
const highlights = async (locale: Locale, now: Date): Promise<Highlight[]> => {
  const payload = await getPayload()
  const common = {
    where: { endDate: { greater_than_equal: now.toISOString() } },
    sort: 'startDate',
    depth: 0,
    limit: SHOWN_AFTER,
    overrideAccess: false,
    select: { title: true, slug: true, summary: true, startDate: true, endDate: true },
  } as const
  const [campaigns, festivals] = await Promise.all([
    payload.find({ collection: SLUGS.campaigns, ...common }),
    payload.find({ collection: SLUGS.festivals, ...common }),
  ])
  const shape = (
    kind: Highlight['kind'],
    d: Pick<Campaign | Festival, 'title' | 'slug' | 'summary' | 'startDate' | 'endDate'>,
  ) => ({
    kind,
    title: d.title,
    summary: d.summary ?? '',
    href: entityPath(kind, d.slug as string, locale),
    period: `${formatDay(d.startDate, locale, now)} – ${formatDay(d.endDate, locale, now)}`,
    start: d.startDate,
  })
  return [
    ...campaigns.docs.filter((d) => d.slug).map((d) => shape('campagna', d)),
    ...festivals.docs.filter((d) => d.slug).map((d) => shape('festival', d)),
  ]
    .sort((a, b) => a.start.localeCompare(b.start))
    .slice(0, SHOWN_AFTER)
    .map(({ start: _, ...h }) => h)
}

/** Featured events (an editor's choice, not a filter of the agenda): the next ones. */
const featuredCards = async (locale: Locale, now: Date) => {
  const where: Where = {
    and: [
      await buildWhere(emptyFilters(), now),
      { featured: { equals: true } },
      { status: { not_equals: 'cancelled' } },
    ],
  }
  const page = await findOccurrences(where, { limit: 40 })
  return toCards(page.items, locale, now)
}

/**
 * The home page, phone first: this weekend's events for children come right after the search box, then
 * today's, the featured ones, "near you", campaigns and festivals.
 */
export const homeView = async (locale: Locale, now: Date = new Date()) => {
  const children: Filters = { ...emptyFilters(), quando: 'weekend', eta: [CHILD_AGE] }
  const today: Filters = { ...emptyFilters(), quando: 'oggi' }
  const [forChildren, todays, featured, running] = await Promise.all([
    upcoming(children, locale, now),
    upcoming(today, locale, now),
    featuredCards(locale, now),
    highlights(locale, now),
  ])
  const seen = new Set<string>()
  return {
    children: { cards: oneEach(seen, forChildren.cards, SHOWN), total: forChildren.total },
    today: { cards: oneEach(seen, todays.cards, SHOWN_AFTER), total: todays.total },
    featured: oneEach(seen, featured, SHOWN_AFTER),
    highlights: running,
    childrenHref: agendaPath(filtersToParams(children), locale),
    todayHref: agendaPath(filtersToParams(today), locale),
    weekendHref: agendaPath(new URLSearchParams({ quando: 'weekend' }), locale),
    agendaHref: agendaPath('', locale),
  }
}

export type HomeView = Awaited<ReturnType<typeof homeView>>
