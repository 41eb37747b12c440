import { publicOnly } from '../../collections/access/staff-only'
import { PARTNER_KIND_LABELS, type PartnerKind } from '../../collections/enums'
import { RELATIONS } from '../../collections/filter-registry'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { comuneName } from './agenda'
import { formatDay, formatIsoDay, romeDate } from './format'
import { strings } from './i18n'
import { getPayload } from './payload'
import type { Key } from './search/model'
import { currentSearchIndex } from './search/sync'
import { ENTITY_SECTIONS, entityPath, type Locale, localePath } from './urls'

/** The pages listing every system, library, rassegna, festival and campaign, and what each has coming. */

/** In the order of the menu: what a family looks for first. */
const COLLECTION = {
  biblioteca: SLUGS.libraries,
  rassegna: SLUGS.series,
  festival: SLUGS.festivals,
  campagna: SLUGS.campaigns,
  sistema: SLUGS.systems,
  organizzatore: SLUGS.partners,
} as const

/** The kinds with an index page. */
export type IndexKind = keyof typeof COLLECTION
export const ENTITY_INDEX_KINDS = Object.keys(COLLECTION) as IndexKind[]
/** The kinds in the header's menu: the partners' directory is reached from the footer and the agenda's filters. */
export const MENU_INDEX_KINDS = ENTITY_INDEX_KINDS.filter((k) => k !== 'organizzatore')

export const entityIndexPath = (kind: IndexKind, locale: Locale = 'it') =>
  localePath(locale, `/${ENTITY_SECTIONS[kind]}`)

type Coming = Map<Key, { events: number; next: number }>

/**
 * Per entity of this kind (its occurrence field, from the filter registry): the events still to come and the
 * first date, from the search index; while the index is not built, from the coming rows in the database.
 */
const comingBy = async (kind: IndexKind, now: Date): Promise<Coming> => {
  const entry = RELATIONS.find((e) => e.param === kind)
  if (!entry) throw new Error(`no agenda filter for ${kind}`)
  const index = await currentSearchIndex({ wait: true })
  if (index) return index.upcomingBy(entry.field, now.getTime())
  const payload = await getPayload()
  const { docs } = await payload.db.find<Record<string, unknown>>({
    collection: SLUGS.occurrences,
    where: publicOnly({ end: { greater_than: now.toISOString() } }),
    select: { event: true, start: true, [entry.field]: true },
    sort: 'start',
    pagination: false,
  })
  const seen = new Set<string>()
  const coming: Coming = new Map()
  for (const row of docs) {
    const event = String(row.event)
    if (seen.has(event)) continue
    seen.add(event)
    const value = row[entry.field]
    for (const v of (Array.isArray(value) ? value : value == null ? [] : [value]).map(String)) {
      const known = coming.get(v)
      const start = new Date(row.start as string).getTime()
      if (known) known.events++
      else coming.set(v, { events: 1, next: start })
    }
  }
  return coming
}

export type IndexItem = {
  title: string
  href: string
  /** Comune of a library, period of a rassegna, festival or campaign. */
  detail: string
  summary: string
  events: number
  /** "sabato 7 novembre", or null when nothing is coming; `ongoing` when the first date has begun. */
  next: string | null
  ongoing: boolean
}

export type IndexGroup = { title: string | null; items: IndexItem[] }

type Doc = {
  id: Key
  slug?: string | null
  name?: string
  title?: string
  summary?: string | null
  startDate?: string | null
  endDate?: string | null
  comune?: string | null
  system?: Key | { id: Key } | null
  systems?: (Key | { id: Key })[] | null
  kind?: string | null
}

/** One of the index pages: its entities with what they have coming, grouped (libraries by system). */
export const entityIndexView = async (kind: IndexKind, locale: Locale, now: Date = new Date()) => {
  const t = strings(locale)
  const payload = await getPayload()
  const partners = kind === 'organizzatore'
  const named = kind === 'sistema' || kind === 'biblioteca' || partners
  const select = {
    slug: true,
    ...(named ? { name: true } : { title: true, summary: true, startDate: true, endDate: true }),
    ...(kind === 'biblioteca' ? { comune: true, system: true } : {}),
    ...(partners ? { comune: true, systems: true, kind: true, summary: true } : {}),
  }
  const [found, coming, systems] = await Promise.all([
    payload.find({
      collection: COLLECTION[kind] as 'systems',
      depth: 0,
      limit: 2000,
      pagination: false,
      select: select as { slug: true },
      sort: named ? 'name' : 'title',
      overrideAccess: false,
    }),
    comingBy(kind, now),
    // Libraries are grouped under their system's name: read from the filter options' cache would couple
    // pages; the systems are a handful of rows.
    kind === 'biblioteca' || partners
      ? payload.find({
          collection: SLUGS.systems,
          depth: 0,
          limit: 100,
          pagination: false,
          select: { name: true },
          sort: 'name',
          overrideAccess: false,
        })
      : null,
  ])
  const docs = found.docs as unknown as Doc[]
  const kinds = catalogue(locale).partners.kinds
  const partnerDetail = (d: Doc) =>
    [d.kind && d.kind in PARTNER_KIND_LABELS ? kinds[d.kind as PartnerKind] : '', comuneName(d.comune)]
      .filter(Boolean)
      .join(' · ')
  const item = (d: Doc): IndexItem => {
    const c = coming.get(String(d.id))
    const period =
      d.startDate && d.endDate ? `${formatDay(d.startDate, locale, now)} – ${formatDay(d.endDate, locale, now)}` : ''
    return {
      title: (named ? d.name : d.title) ?? '',
      href: entityPath(kind, d.slug as string, locale),
      detail: kind === 'biblioteca' ? comuneName(d.comune) : partners ? partnerDetail(d) : period,
      summary: d.summary ?? '',
      events: c?.events ?? 0,
      next: c ? formatIsoDay(romeDate(new Date(c.next)), locale, now) : null,
      ongoing: !!c && c.next < now.getTime(),
    }
  }
  const listed = docs.filter((d) => d.slug)
  let groups: IndexGroup[]
  const idOf = (v: Key | { id: Key } | null | undefined) => String(typeof v === 'object' && v ? v.id : v)
  if (kind === 'biblioteca' || partners) {
    // A partner working with several systems is listed under each: a citizen looks under their own.
    const inSystem = (d: Doc, system: string) =>
      partners ? (d.systems ?? []).some((s) => idOf(s) === system) : idOf(d.system) === system
    groups = (systems?.docs ?? []).flatMap((s) => {
      const items = listed.filter((d) => inSystem(d, String(s.id))).map(item)
      return items.length ? [{ title: s.name, items }] : []
    })
  } else {
    // Rassegne, festivals and campaigns with something coming first, soonest first; then the rest, by title.
    const soonest = (d: Doc) => coming.get(String(d.id))?.next ?? Number.POSITIVE_INFINITY
    const ordered = named
      ? listed
      : [...listed].sort((a, b) => (soonest(a) === soonest(b) ? 0 : soonest(a) < soonest(b) ? -1 : 1))
    groups = [{ title: null, items: ordered.map(item) }]
  }
  return {
    kind,
    title: t.indexTitles[kind],
    intro: t.indexIntros[kind],
    groups,
    total: listed.length,
    pathIt: entityIndexPath(kind, 'it'),
  }
}

export type EntityIndexView = Awaited<ReturnType<typeof entityIndexView>>
