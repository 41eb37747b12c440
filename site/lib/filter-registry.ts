import type { Where } from 'payload'
import { ACCESSIBILITY_LABELS } from '../../collections/enums'
import { comuneBySlug } from '../../collections/fields/comune'
import { SLUGS } from '../../collections/slugs'

/**
 * Every agenda filter that narrows occurrences by one of their fields, declared once. Parsing (filters.ts),
 * the database query (`whereOf` in agenda.ts), the search index's row fields and matching (search/), the chips
 * (agenda-view.ts) and feed names (ical/describe.ts) read this table; tests/int/filter-registry.int.spec.ts
 * proves for each entry that the index and the database answer alike.
 *
 * - `param`: the GET parameter (repeating it means OR; different parameters AND).
 * - `field`: the occurrence field it reads (copied from the event by materializeOccurrences.ts).
 * - `kind`: `relation` (slugs of `collection`, matched as ids), `comune` (ISTAT codes by slug), `option` (one of
 *   `options`), `age` (a number between the `ageMin`/`ageMax` fields), `flag` (the field is true).
 * - `label`: its key in the strings catalogue (site/lib/i18n.ts); `feed`: how a feed's title names its values
 *   (`name`/`title` of the related document, the comune's name, the option's label, or a fixed word);
 *   `preference`: the newsletter preference dimension it maps to, if any (collections/Subscribers/preferences.ts).
 */
export const FILTERS = [
  relation('sistema', 'system', SLUGS.systems, 'system', 'name', 'systems'),
  relation('biblioteca', 'library', SLUGS.libraries, 'library', 'name'),
  { param: 'comune', field: 'comune', kind: 'comune', label: 'comune', feed: 'comune', preference: 'comuni' },
  relation('categoria', 'categories', SLUGS.categories, 'category', 'name', 'categories'),
  relation('pubblico', 'audiences', SLUGS.audiences, 'audience', 'name', 'audiences'),
  relation('rassegna', 'series', SLUGS.series, 'series', 'title'),
  relation('festival', 'festival', SLUGS.festivals, 'festival', 'title'),
  relation('campagna', 'campaigns', SLUGS.campaigns, 'campaign', 'title', 'campaigns'),
  {
    param: 'accessibilita',
    field: 'accessibility',
    kind: 'option',
    options: Object.keys(ACCESSIBILITY_LABELS),
    label: 'accessibility',
    feed: 'option',
  },
  { param: 'eta', field: 'ageMin', kind: 'age', label: 'age', feed: 'age', preference: 'ages' },
  { param: 'gratuito', field: 'free', kind: 'flag', label: 'free', feed: 'flag' },
] as const satisfies readonly FilterSpec[]

type FilterSpec = {
  param: string
  field: string
  kind: 'relation' | 'comune' | 'option' | 'age' | 'flag'
  collection?: string
  options?: readonly string[]
  label: string
  feed: 'name' | 'title' | 'comune' | 'option' | 'age' | 'flag'
  preference?: string
}

function relation<P extends string, F extends string, C extends string, L extends string, N extends 'name' | 'title'>(
  param: P,
  field: F,
  collection: C,
  label: L,
  feed: N,
  preference?: string,
) {
  return { param, field, kind: 'relation', collection, label, feed, ...(preference ? { preference } : {}) } as const
}

export type FilterEntry = (typeof FILTERS)[number]
export type FilterParam = FilterEntry['param']
export type RelationEntry = Extract<FilterEntry, { kind: 'relation' }>
/** The filters whose values are slugs (of documents, or of comuni). */
export type SlugParam = Extract<FilterEntry, { kind: 'relation' | 'comune' }>['param']
export type RelationField = RelationEntry['field']
/** The occurrence fields an `in` condition reads: one value or a list per row. */
export type ListField = Extract<FilterEntry, { kind: 'relation' | 'comune' | 'option' }>['field']

export const RELATIONS = FILTERS.filter((f): f is RelationEntry => f.kind === 'relation')
export const SLUG_PARAMS = FILTERS.filter((f) => f.kind === 'relation' || f.kind === 'comune').map(
  (f) => f.param,
) as SlugParam[]
export const LIST_FIELDS = FILTERS.filter((f) => f.kind !== 'age' && f.kind !== 'flag').map(
  (f) => f.field,
) as ListField[]

/** What a filter set becomes once its slugs are ids and its dates instants: what both query paths evaluate. */
export type ResolvedFilters = {
  /** One entry per list filter in use: the row's field must hold one of `values` (ids or codes, as strings). */
  lists: { field: ListField; values: (number | string)[] }[]
  eta: number | null
  free: boolean
  words: string[]
  from: Date
  to: Date | null
}

/** The occurrence fields the search index keeps per row (as `select` for the adapter). */
export const ROW_FIELDS = {
  event: true,
  start: true,
  end: true,
  searchText: true,
  ...Object.fromEntries(FILTERS.map((f) => [f.field, true])),
  ageMax: true,
} as Record<ListField | 'event' | 'start' | 'end' | 'searchText' | 'ageMin' | 'ageMax' | 'free', true>

/** The database query of a resolved filter set: indexed equality filters, the text condition, the time window. */
export const whereOf = (r: ResolvedFilters): Where => {
  const and: Where[] = r.lists.map(({ field, values }) => ({ [field]: { in: values } }))
  if (r.eta !== null) and.push({ ageMin: { less_than_equal: r.eta } }, { ageMax: { greater_than_equal: r.eta } })
  if (r.free) and.push({ free: { equals: true } })
  for (const word of r.words) and.push({ searchText: { contains: ` ${word}` } })
  and.push({ end: { greater_than: r.from.toISOString() } })
  if (r.to) and.push({ start: { less_than: r.to.toISOString() } })
  return { and }
}

/** The comune slugs of a filter set as ISTAT codes; `null` names the first unknown slug. */
export const comuneCodes = (slugs: string[]): { codes: string[]; unknown: string | null } => {
  const codes: string[] = []
  for (const slug of slugs) {
    const c = comuneBySlug.get(slug)
    if (!c) return { codes, unknown: slug }
    codes.push(c.istat)
  }
  return { codes, unknown: null }
}
