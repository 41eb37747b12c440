import { FILTERS, NEAR_FILTERS } from '../../collections/filter-registry'
import { parseAges } from '../../collections/lib/ages'
import { cmsUrl, siteUrl } from '../../shared/env'

export type { Locale } from '../../shared/strings'

import type { Locale } from '../../shared/strings'

/** Public pages of things that have one; the key is the agenda filter parameter that selects them. */
export const ENTITY_SECTIONS = {
  sistema: 'sistemi',
  biblioteca: 'biblioteche',
  rassegna: 'rassegne',
  festival: 'festival',
  campagna: 'campagne',
  organizzatore: 'organizzatori',
} as const
export type EntityKind = keyof typeof ENTITY_SECTIONS

export const absoluteUrl = (path: string): string => new URL(path, `${siteUrl()}/`).toString()

/** The host part of iCal UIDs: the site's host name without port, so UIDs survive a port change. */
export const siteHost = (): string => new URL(siteUrl()).hostname

/** `/en` in front of a site path for the English interface; Italian paths are unprefixed. */
export const localePath = (locale: Locale, path: string): string => {
  if (locale === 'it') return path
  return path === '/' ? '/en' : `/en${path}`
}

/** The Italian path of an English one (and vice versa), for the language switch and hreflang. */
export const switchLocale = (pathname: string, to: Locale): string => {
  const italian = pathname === '/en' ? '/' : pathname.startsWith('/en/') ? pathname.slice(3) : pathname
  return localePath(to, italian)
}

/** An event's page; with `day` (`YYYY-MM-DD`), the page of that date of the event (`?data=`). */
export const eventPath = (slug: string, locale: Locale = 'it', day?: string | null): string =>
  localePath(locale, `/eventi/${encodeURIComponent(slug)}${day ? `?data=${day}` : ''}`)

/** The canonical (Italian) address of an event: the `url` of open data, feeds and newsletters. */
export const eventUrl = (slug: string): string => absoluteUrl(eventPath(slug))

export { eventUid } from '../../shared/event-uid'

/** An event's `.ics`: all its dates, or with `day` only that date's. */
export const eventIcsPath = (slug: string, day?: string | null): string =>
  `/eventi/${encodeURIComponent(slug)}.ics${day ? `?data=${day}` : ''}`

export const entityPath = (kind: EntityKind, slug: string, locale: Locale = 'it'): string =>
  localePath(locale, `/${ENTITY_SECTIONS[kind]}/${encodeURIComponent(slug)}`)

/** The iCal feed of an entity page (served by the feeds module). */
export const entityFeedPath = (kind: EntityKind, slug: string): string =>
  `/${ENTITY_SECTIONS[kind]}/${encodeURIComponent(slug)}/calendario.ics`

export const agendaPath = (params: URLSearchParams | string = '', locale: Locale = 'it'): string => {
  const query = params.toString()
  return localePath(locale, query ? `/eventi?${query}` : '/eventi')
}

export const calendarPath = (params: URLSearchParams, locale: Locale = 'it'): string => {
  const query = params.toString()
  return localePath(locale, query ? `/eventi/calendario?${query}` : '/eventi/calendario')
}

/** Uploaded files are served by the CMS; Payload returns either absolute URLs or `/api/media/...` paths. */
export const mediaUrl = (url: string | null | undefined): string | null => {
  if (!url) return null
  if (/^https?:\/\//.test(url)) return url
  return `${cmsUrl()}${url.startsWith('/') ? '' : '/'}${url}`
}

const AGE_PARAMS = new Set<string>(FILTERS.filter((e) => e.kind === 'age').map((e) => e.param))

/**
 * The address without empty parameters (a submitted form sends `q=&da=` for untouched fields), without a radius
 * when no place was chosen (the form always sends one) and with an age list as repeated parameters, or null when
 * it is already clean: pages redirect there so shared links stay short and canonical.
 */
export const cleanUrl = (url: URL): string | null => {
  const placeless = new Set<string>(
    NEAR_FILTERS.filter((e) => !url.searchParams.getAll(e.param).some((v) => v !== '')).map((e) => e.within.param),
  )
  const params = [...url.searchParams].filter(([k]) => !placeless.has(k))
  // Only a valid list is split (an invalid one is left to the page's 400, never redirected to itself).
  const lists = (name: string, value: string) => AGE_PARAMS.has(name) && /[\s,;]/.test(value) && !!parseAges(value)
  if (params.length === [...url.searchParams].length && !params.some(([k, v]) => v === '' || lists(k, v))) return null
  // An age field holds "2, 5": the address repeats the parameter instead, as every link does (eta=2&eta=5).
  const split = params.flatMap(([k, v]): [string, string][] =>
    lists(k, v) ? (parseAges(v) ?? []).map((part) => [k, String(part)]) : [[k, v]],
  )
  const kept = new URLSearchParams(split.filter(([, v]) => v !== ''))
  const query = kept.toString()
  return query ? `${url.pathname}?${query}` : url.pathname
}
