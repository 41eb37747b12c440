import type { Event, Occurrence } from '../../cms/payload-types'
import { comuneName, findAgendaPage } from './agenda'
import { parseFilters } from './filters'
import { formatWhen } from './format'
import { escapeHtml } from './rich-text'
import { NETWORK } from './site-info'
import { absoluteUrl, eventPath, siteHost } from './urls'

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
