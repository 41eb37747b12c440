import type { Where } from 'payload'
import type { Campaign, Festival } from '../../cms/payload-types'
import { SLUGS } from '../../collections/slugs'
import { buildWhere, findOccurrences } from './agenda'
import type { Card } from './cards'
import { emptyFilters, type Quando } from './filters'
import { formatDay } from './format'
import { toCards } from './occurrences'
import { getPayload } from './payload'
import { agendaPath, entityPath, type Locale } from './urls'

const SHOWN = 6

const upcoming = async (quando: Quando | null, locale: Locale, now: Date, extra: Where | null = null) => {
  const where = await buildWhere({ ...emptyFilters(), quando }, now)
  const page = await findOccurrences(extra ? { and: [where, extra] } : where, { limit: extra ? 40 : SHOWN })
  return { cards: await toCards(page.items, locale, now), total: page.totalDocs }
}

/** One card per event: a weekly reading should not fill the featured box with its next six Saturdays. */
const onePerEvent = (cards: Card[]) => {
  const seen = new Set<string>()
  return cards.filter((c) => {
    if (seen.has(c.href)) return false
    seen.add(c.href)
    return true
  })
}

export type Highlight = { kind: 'campagna' | 'festival'; title: string; summary: string; href: string; period: string }

/** Campaigns and festivals running now or about to start. */
const highlights = async (locale: Locale, now: Date): Promise<Highlight[]> => {
  const payload = await getPayload()
  const common = {
    where: { endDate: { greater_than_equal: now.toISOString() } },
    sort: 'startDate',
    depth: 0,
    limit: SHOWN,
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
    .slice(0, SHOWN)
    .map(({ start: _, ...h }) => h)
}

export const homeView = async (locale: Locale, now: Date = new Date()) => {
  const [today, weekend, featured, running] = await Promise.all([
    upcoming('oggi', locale, now),
    upcoming('weekend', locale, now),
    upcoming(null, locale, now, { and: [{ featured: { equals: true } }, { status: { not_equals: 'cancelled' } }] }),
    highlights(locale, now),
  ])
  return {
    today,
    weekend,
    featured: onePerEvent(featured.cards).slice(0, SHOWN),
    highlights: running,
    todayHref: agendaPath(new URLSearchParams({ quando: 'oggi' }), locale),
    weekendHref: agendaPath(new URLSearchParams({ quando: 'weekend' }), locale),
    agendaHref: agendaPath('', locale),
  }
}

export type HomeView = Awaited<ReturnType<typeof homeView>>
