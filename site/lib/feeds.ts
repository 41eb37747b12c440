import type { Event, Occurrence } from '../../cms/payload-types'
import { publicOnly } from '../../collections/access/staff-only'
import { SLUGS } from '../../collections/slugs'
import { comuneName, findAgendaPage } from './agenda'
import { parseFilters } from './filters'
import { formatWhen } from './format'
import { getPayload } from './payload'
import { escapeHtml } from './rich-text'
import { NETWORK } from './site-info'
import { absoluteUrl, ENTITY_SECTIONS, eventPath, siteHost } from './urls'

const RSS_ITEMS = 50

const xml = escapeHtml

/** RSS 2.0 of the next occurrences matching the agenda filters. */
export const rssFeed = async (searchParams: URLSearchParams, now: Date = new Date()): Promise<string> => {
  const filters = parseFilters(searchParams)
  const page = await findAgendaPage(filters, { limit: RSS_ITEMS }, now)
  const self = absoluteUrl(`/feed.xml${searchParams.size ? `?${searchParams}` : ''}`)
  const items = page.items.map((o: Occurrence) => {
    const event = o.event as Event
    const place = [
      (o.venue as { name?: string } | null)?.name,
      (o.library as { name?: string } | null)?.name,
      comuneName(o.comune),
    ]
      .filter(Boolean)
      .join(', ')
    const when = formatWhen(o, 'it', now)
    const description = [when, place, event.summary].filter(Boolean).join(' · ')
    return [
      '<item>',
      `<title>${xml(o.title)}</title>`,
      `<link>${xml(absoluteUrl(eventPath(event.slug as string, 'it', o.day)))}</link>`,
      `<guid isPermaLink="false">${xml(`${event.id}-${new Date(o.originalStart).toISOString()}@${siteHost()}`)}</guid>`,
      `<pubDate>${new Date(event.updatedAt).toUTCString()}</pubDate>`,
      `<description>${xml(description)}</description>`,
      '</item>',
    ].join('')
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${xml(`Agenda – ${NETWORK.name}`)}</title>`,
    `<link>${xml(absoluteUrl('/eventi'))}</link>`,
    `<atom:link href="${xml(self)}" rel="self" type="application/rss+xml"/>`,
    '<description>Gli eventi in programma nelle biblioteche della provincia di Bergamo.</description>',
    '<language>it</language>',
    `<lastBuildDate>${now.toUTCString()}</lastBuildDate>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n')
}

/** Every public page worth indexing: home, agenda, published events, entity pages and their index pages. */
export const sitemap = async (): Promise<string> => {
  const payload = await getPayload()
  // A sitemap file holds at most 50,000 URLs.
  const common = { depth: 0, limit: 45_000, pagination: false, overrideAccess: false } as const
  const [events, ...entities] = await Promise.all([
    // 20,000 events through the Local API's per-document hooks block the server for seconds; the adapter reads
    // the same public rows (published, not staff-only: the public's read access) in a fraction of that.
    payload.db.find<{ slug?: string | null; updatedAt: string }>({
      collection: SLUGS.events,
      where: publicOnly({ _status: { equals: 'published' } }),
      select: { slug: true, updatedAt: true },
      limit: 45_000,
      pagination: false,
    }),
    payload.find({ collection: SLUGS.systems, ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: SLUGS.libraries, ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: SLUGS.series, ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: SLUGS.festivals, ...common, select: { slug: true, updatedAt: true } }),
    payload.find({ collection: SLUGS.campaigns, ...common, select: { slug: true, updatedAt: true } }),
  ])
  const sections = [
    ENTITY_SECTIONS.sistema,
    ENTITY_SECTIONS.biblioteca,
    ENTITY_SECTIONS.rassegna,
    ENTITY_SECTIONS.festival,
    ENTITY_SECTIONS.campagna,
  ]
  const url = (path: string, lastmod?: string) =>
    `<url><loc>${xml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${lastmod.slice(0, 10)}</lastmod>` : ''}</url>`
  const urls = [
    url('/'),
    url('/eventi'),
    url('/eventi/calendario'),
    url('/accessibilita'),
    url('/en'),
    url('/en/eventi'),
    ...sections.flatMap((section) => [url(`/${section}`), url(`/en/${section}`)]),
    ...events.docs.flatMap((e) => (e.slug ? [url(`/eventi/${e.slug}`, e.updatedAt)] : [])),
    ...entities.flatMap((result, i) =>
      result.docs.flatMap((d) => (d.slug ? [url(`/${sections[i]}/${d.slug}`, d.updatedAt)] : [])),
    ),
  ]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls,
    '</urlset>',
  ].join('\n')
}
