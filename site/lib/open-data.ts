import type { Audience, Category, Event, Library, Occurrence, System, Venue } from '../../cms/payload-types'
import { comuneName, findAgendaPage } from './agenda'
import { parseFilters } from './filters'
import { isoWithOffset } from './format'
import { NETWORK } from './site-info'
import { eventUid, eventUrl } from './urls'

/** One occurrence in /eventi.json: a stable, documented shape (changing it breaks re-users). */
export type OpenDataItem = {
  id: number
  eventId: number
  slug: string
  title: string
  start: string
  end: string
  allDay: boolean
  status: string
  system: { slug: string; name: string }
  library: { slug: string; name: string; comune: string; address: string } | null
  venue: { slug: string; name: string; comune: string; address: string } | null
  categories: string[]
  audiences: string[]
  /** The audiences' names, in the order of `audiences` (what an embed shows). */
  audienceNames: string[]
  url: string
  uid: string
}

export type OpenDataPage = {
  items: OpenDataItem[]
  page: number
  totalPages: number
  hasNextPage: boolean
  license: typeof NETWORK.license
}

const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)
const slugs = (values: unknown[] | null | undefined) =>
  (values ?? []).flatMap((v) => {
    const slug = obj<Category | Audience>(v)?.slug
    return slug ? [slug] : []
  })

const names = (values: unknown[] | null | undefined) =>
  (values ?? []).flatMap((v) => {
    const audience = obj<Audience>(v)
    return audience?.slug ? [audience.name] : []
  })

const place = (doc: Library | Venue | null) =>
  doc ? { slug: doc.slug ?? '', name: doc.name, comune: comuneName(doc.comune), address: doc.address } : null

export const toOpenDataItem = (o: Occurrence): OpenDataItem => {
  const event = obj<Event>(o.event)
  const system = obj<System>(o.system)
  const eventId = event?.id ?? (o.event as number)
  return {
    id: o.id,
    eventId,
    slug: event?.slug ?? '',
    title: o.title,
    start: isoWithOffset(o.start),
    end: isoWithOffset(o.end),
    allDay: !!o.allDay,
    status: o.status ?? 'scheduled',
    system: { slug: system?.slug ?? '', name: system?.name ?? '' },
    library: place(obj<Library>(o.library)),
    venue: place(obj<Venue>(o.venue)),
    categories: slugs(o.categories),
    audiences: slugs(o.audiences),
    audienceNames: names(o.audiences),
    url: event?.slug ? eventUrl(event.slug) : '',
    uid: eventUid(eventId),
  }
}

/** /eventi.json: the agenda's filters and `pagina`, one page of occurrences. */
export const openDataPage = async (searchParams: URLSearchParams, now: Date = new Date()): Promise<OpenDataPage> => {
  const filters = parseFilters(searchParams)
  const page = await findAgendaPage(filters, { page: filters.pagina }, now)
  return {
    items: page.items.map(toOpenDataItem),
    page: page.page,
    totalPages: page.totalPages,
    hasNextPage: page.hasNextPage,
    license: NETWORK.license,
  }
}
