import { FilterError, parseFilters } from '../filters'
import { agendaPath, type EntityKind, entityFeedPath, entityPath, eventIcsPath } from '../urls'
import { canonicalQuery, eventDateFeed, eventFeed, type FeedLimits, filterFeed } from './feed'
import { feedResponse, textResponse } from './http'
import { dataVersion } from './version'

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/

export type FeedOptions = { now?: Date; limits?: FeedLimits }

/**
 * GET handler body of every agenda feed: `/calendario.ics?<filters>` (no entity) and the entity feeds
 * (`/sistemi/<slug>/calendario.ics`…), which accept the same filters on top of their own.
 */
export const agendaFeedResponse = async (
  request: Request,
  entity?: { kind: EntityKind; slug: string | undefined },
  options: FeedOptions = {},
): Promise<Response> => {
  const url = new URL(request.url)
  if (entity && !SLUG.test(entity.slug ?? '')) return textResponse(404, 'Calendario non trovato.')
  const params = new URLSearchParams(url.searchParams)
  if (entity) params.set(entity.kind, entity.slug as string)
  let filters: ReturnType<typeof parseFilters>
  try {
    filters = parseFilters(params)
  } catch (error) {
    if (error instanceof FilterError)
      return textResponse(400, `Il parametro «${error.param}» non è valido: ${error.message}`)
    throw error
  }
  const query = canonicalQuery(filters)
  let feedPath = `/calendario.ics${query ? `?${query}` : ''}`
  let pagePath = agendaPath(query)
  if (entity) {
    const rest = new URLSearchParams(query)
    rest.delete(entity.kind)
    feedPath = `${entityFeedPath(entity.kind, entity.slug as string)}${rest.size ? `?${rest}` : ''}`
    if (rest.size === 0) pagePath = entityPath(entity.kind, entity.slug as string)
  }
  return feedResponse(request, feedPath, dataVersion, () =>
    filterFeed({ filters, feedPath, pagePath, now: options.now, limits: options.limits }),
  )
}

/**
 * GET handler body of `/eventi/<slug>.ics`: one published event, or 404; with `?data=YYYY-MM-DD`, only its
 * dates of that day (404 when it has none, as for a malformed day: the same answer the page never links to).
 */
export const eventFeedResponse = (request: Request, slug: string | undefined, options: FeedOptions = {}) => {
  if (!slug || !SLUG.test(slug)) return textResponse(404, 'Calendario non trovato.')
  const days = new URL(request.url).searchParams.getAll('data')
  if (days.length === 0)
    return feedResponse(request, eventIcsPath(slug), dataVersion, () => eventFeed(slug, options.now))
  const day = days.length === 1 && /^\d{4}-\d{2}-\d{2}$/.test(days[0] as string) ? (days[0] as string) : null
  if (!day) return textResponse(404, 'Calendario non trovato: «data» deve essere un giorno dell’evento (AAAA-MM-GG).')
  return feedResponse(request, eventIcsPath(slug, day), dataVersion, async () => {
    const feed = await eventDateFeed(slug, day, options.now)
    if (!feed) throw new DateNotFound()
    return feed
  }).catch((error) => {
    if (error instanceof DateNotFound)
      return textResponse(404, `Calendario non trovato: l’evento non ha date il ${day}.`)
    throw error
  })
}

class DateNotFound extends Error {}
