import { comuneBySlug } from '../../collections/fields/comune'
import { FILTERS, NEAR_FILTERS } from '../../collections/filter-registry'
import { findAgendaPage, searchSuggestion } from './agenda'
import { groupByDay } from './cards'
import { dateRange, type Filters, filtersToParams, parseFilters } from './filters'
import { romeDate } from './format'
import { strings } from './i18n'
import { feedName } from './ical/describe'
import { feedIsTruncated } from './ical/feed'
import { toCards } from './occurrences'
import { type FilterOptions, filterOptions, labelOf } from './options'
import { programmePath } from './print'
import { suggestionsFor } from './suggestions'
import { agendaPath, calendarPath, type Locale, localePath } from './urls'

export type ActiveFilter = { label: string; removeHref: string }

const withoutValue = (params: URLSearchParams, name: string, value: string) => {
  const next = new URLSearchParams()
  for (const [k, v] of params) if (!(k === name && v === value) && k !== 'pagina') next.append(k, v)
  return next
}

/**
 * Every active filter as a removable chip, labelled the way the form names it; `path` is the page a chip's
 * link leads to without that value (the agenda, or the month view).
 */
export const activeFilters = (
  f: Filters,
  options: FilterOptions,
  locale: Locale,
  path: (params: URLSearchParams) => string = (params) => agendaPath(params, locale),
): ActiveFilter[] => {
  const t = strings(locale)
  const params = filtersToParams(f, { page: false })
  const chip = (label: string, name: string, value: string) => ({
    label,
    removeHref: path(withoutValue(params, name, value)),
  })
  const chips: ActiveFilter[] = []
  if (f.q) chips.push(chip(`${t.searchLabel}: «${f.q}»`, 'q', f.q))
  if (f.quando) chips.push(chip(`${t.when}: ${t.quando[f.quando]}`, 'quando', f.quando))
  if (f.da) chips.push(chip(`${t.fromDate}: ${f.da}`, 'da', f.da))
  if (f.a) chips.push(chip(`${t.toDate}: ${f.a}`, 'a', f.a))
  for (const e of FILTERS) {
    const name = t[e.label]
    if (e.kind === 'age') {
      for (const age of f[e.param]) chips.push(chip(`${name}: ${age}`, e.param, String(age)))
    } else if (e.kind === 'flag') {
      if (f[e.param]) chips.push(chip(name, e.param, '1'))
    } else if (e.kind === 'comune' && 'within' in e)
      for (const value of f[e.param]) {
        const rest = withoutValue(params, e.param, value)
        if (!rest.has(e.param)) rest.delete(e.within.param) // the last place gone, its radius goes too
        const km = f[e.within.param] ?? e.within.km
        chips.push({ label: t.nearChip(labelOf(options[e.param], value), km), removeHref: path(rest) })
      }
    else
      for (const value of f[e.param]) chips.push(chip(`${name}: ${labelOf(options[e.param], value)}`, e.param, value))
  }
  return chips
}

/** The ISTAT codes of the places a filter set is near (`vicino`), for the cards' distances. */
const nearOrigins = (f: Filters): string[] =>
  NEAR_FILTERS.flatMap((e) => f[e.param].flatMap((slug) => comuneBySlug.get(slug)?.istat ?? []))

/** The /eventi page: one page of occurrences grouped by day, the form state and every derived link. */
export const agendaView = async (searchParams: URLSearchParams, locale: Locale, now: Date = new Date()) => {
  const filters = parseFilters(searchParams)
  const [page, options, feedTruncated, calendarName] = await Promise.all([
    findAgendaPage(filters, { page: filters.pagina }, now),
    filterOptions(),
    feedIsTruncated(filters, now),
    feedName(filters),
  ])
  if (filters.pagina > 1 && page.items.length === 0) return null
  const [cards, suggestion, suggestions] = await Promise.all([
    toCards(page.items, locale, now, nearOrigins(filters)),
    searchSuggestion(filters, page.totalDocs, now),
    page.totalDocs === 0 ? suggestionsFor(filters, locale, now) : [],
  ])
  // Nothing matches now: a search for some days is a dead end, not a calendar to subscribe to; a standing
  // search (a library, an age) may still be worth following, and the box says it is empty for now.
  const subscribe = page.totalDocs > 0 ? 'show' : filters.quando || filters.da || filters.a ? 'none' : 'empty'
  const groups = groupByDay(cards, romeDate(dateRange(filters, now).from))
  const params = filtersToParams(filters, { page: false })
  const pageHref = (n: number) => {
    const p = new URLSearchParams(params)
    if (n > 1) p.set('pagina', String(n))
    return agendaPath(p, locale)
  }
  const calendarParams = new URLSearchParams(params)
  for (const name of ['quando', 'da', 'a']) calendarParams.delete(name)
  const query = params.toString()
  return {
    filters,
    options,
    active: activeFilters(filters, options, locale),
    groups,
    total: page.totalDocs,
    page: page.page,
    totalPages: Math.max(1, page.totalPages),
    previousHref: page.page > 1 ? pageHref(page.page - 1) : null,
    nextHref: page.hasNextPage ? pageHref(page.page + 1) : null,
    canonical: pageHref(page.page),
    calendarHref: calendarPath(calendarParams, locale),
    feedPath: query ? `/calendario.ics?${query}` : '/calendario.ics',
    feedTruncated,
    calendarName,
    subscribe,
    suggestions,
    jsonPath: query ? `/eventi.json?${query}` : '/eventi.json',
    rssPath: query ? `/feed.xml?${query}` : '/feed.xml',
    printPath: localePath(locale, programmePath(query)),
    resetHref: agendaPath('', locale),
    suggestion: suggestion && {
      ...suggestion,
      href: agendaPath(filtersToParams({ ...filters, q: suggestion.q }, { page: false }), locale),
    },
  }
}

export type AgendaView = NonNullable<Awaited<ReturnType<typeof agendaView>>>
