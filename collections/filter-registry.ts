import type { Where } from 'payload'
import type { SiteStrings } from '../shared/strings'
import { COMUNI } from './data/comuni'
import { COMUNE_COORDINATES } from './data/comuni-geo'
import { ACCESSIBILITY_LABELS, type Accessibility } from './enums'
import { comuneBySlug } from './fields/comune'
import type { PreferenceDimension } from './Subscribers/preferences'
import { SLUGS } from './slugs'

/**
 * Every agenda filter that narrows occurrences by one of their fields, declared once. Parsing (filters/parse.ts),
 * the database query (`whereOf`), the search index's row fields and matching (site/lib/search/), the form
 * (FilterForm.astro) and its choices (site/lib/options.ts), the chips (agenda-view.ts), feed names
 * (ical/describe.ts) and the newsletter preferences and their form fields (cms/newsletter/options.ts) read this
 * table; tests/int/filter-registry.int.spec.ts proves for each entry that the index and the database answer alike.
 *
 * - `param`: the GET parameter (repeating it means OR; different parameters AND).
 * - `field`: the occurrence field it reads (copied from the event by materializeOccurrences.ts).
 * - `kind`: `relation` (slugs of `collection`, matched as ids), `comune` (ISTAT codes by slug), `option` (one of
 *   `options`, named by `labels`), `age` (numbers of years, one of them between the `ageMin`/`ageMax` fields),
 *   `flag` (the field is true).
 * - `within` (a `comune` filter only): the comuni chosen are places to be near; the filter matches the comuni
 *   whose seat lies within `km` of one of them (`param` chooses among `choices`, default `km`), coordinates from
 *   collections/data/comuni-geo.ts. It resolves to a list of ISTAT codes, so the index and the database match it
 *   as they match `comune`.
 * - `label`: its key in the site's strings (shared/strings); `form`: where the agenda form shows it (`main`, or `more` under
 *   "more filters"; without it, values from a link travel as hidden fields); `all`: the catalogue key of a select's
 *   empty choice when it is not `all`; `hint`: the key of the text under a field; `multiple`: a relation the form
 *   offers as checkboxes (several values at once) instead of a select of one.
 * - `feed`: how a feed's title names its values (the `name`/`title` of the related document, the comune's name, the
 *   option's label, the number with a `unit`, or a fixed `word`).
 * - `preference`: the newsletter preference dimension it maps to, if any (collections/Subscribers/preferences.ts);
 *   a relation's choices are labelled by its `feed` field and sorted by `order` (default: that field).
 * - The agenda form's choices (site/lib/options.ts): a relation's documents named by `choice` (default: `feed`) and
 *   sorted by `order` (default: that field); with `group`, under the choice of the filter of that parameter that the
 *   document belongs to (its field of the same name), sorted by group and name. Comuni are those with a library or a
 *   venue; options come in the order of `options`.
 */
export const FILTERS = [
  {
    kind: 'relation',
    param: 'sistema',
    field: 'system',
    collection: SLUGS.systems,
    label: 'system',
    feed: 'name',
    choice: 'shortName',
    form: 'main',
    preference: 'systems',
  },
  {
    kind: 'relation',
    param: 'biblioteca',
    field: 'library',
    collection: SLUGS.libraries,
    label: 'library',
    feed: 'name',
    group: 'sistema',
    form: 'more',
    all: 'allFeminine',
  },
  {
    param: 'comune',
    field: 'comune',
    kind: 'comune',
    label: 'comune',
    form: 'more',
    feed: 'comune',
    preference: 'comuni',
  },
  {
    param: 'vicino',
    field: 'comune',
    kind: 'comune',
    within: { param: 'raggio', km: 10, choices: [5, 10, 20, 30] },
    label: 'near',
    hint: 'nearHint',
    all: 'nearAll',
    form: 'more',
    feed: 'comune',
  },
  {
    kind: 'relation',
    param: 'categoria',
    field: 'categories',
    collection: SLUGS.categories,
    label: 'category',
    feed: 'name',
    form: 'main',
    preference: 'categories',
  },
  {
    kind: 'relation',
    param: 'pubblico',
    field: 'audiences',
    collection: SLUGS.audiences,
    label: 'audience',
    feed: 'name',
    form: 'main',
    multiple: true,
    preference: 'audiences',
    order: 'order',
  },
  { kind: 'relation', param: 'rassegna', field: 'series', collection: SLUGS.series, label: 'series', feed: 'title' },
  {
    kind: 'relation',
    param: 'festival',
    field: 'festival',
    collection: SLUGS.festivals,
    label: 'festival',
    feed: 'title',
  },
  {
    kind: 'relation',
    param: 'campagna',
    field: 'campaigns',
    collection: SLUGS.campaigns,
    label: 'campaign',
    feed: 'title',
    preference: 'campaigns',
  },
  // The partner organisation that organises the event (issue 16): its page's agenda and feed.
  {
    kind: 'relation',
    param: 'organizzatore',
    field: 'organiser',
    collection: SLUGS.partners,
    label: 'organisedBy',
    feed: 'name',
  },
  {
    param: 'accessibilita',
    field: 'accessibility',
    kind: 'option',
    options: Object.keys(ACCESSIBILITY_LABELS) as Accessibility[],
    labels: ACCESSIBILITY_LABELS,
    label: 'accessibility',
    form: 'more',
    feed: 'option',
  },
  {
    param: 'eta',
    field: 'ageMin',
    kind: 'age',
    label: 'age',
    hint: 'ageHint',
    form: 'main',
    feed: { unit: 'anni' },
    preference: 'ages',
  },
  { param: 'gratuito', field: 'free', kind: 'flag', label: 'free', form: 'main', feed: { word: 'gratuiti' } },
] as const satisfies readonly FilterSpec[]

/** A key of the site's strings catalogue whose value is plain text. */
type TextKey = { [K in keyof SiteStrings]: SiteStrings[K] extends string ? K : never }[keyof SiteStrings]

type FilterSpec = {
  param: string
  field: string
  kind: 'relation' | 'comune' | 'option' | 'age' | 'flag'
  collection?: string
  options?: readonly string[]
  labels?: Readonly<Record<string, string>>
  label: TextKey
  hint?: TextKey
  form?: 'main' | 'more'
  multiple?: true
  all?: TextKey
  feed: 'name' | 'title' | 'comune' | 'option' | { unit: string } | { word: string }
  preference?: PreferenceDimension
  order?: string
  choice?: string
  group?: string
  within?: { param: string; km: number; choices: readonly number[] }
}

export type FilterEntry = (typeof FILTERS)[number]
export type FilterParam = FilterEntry['param']
export type RelationEntry = Extract<FilterEntry, { kind: 'relation' }>
/** The filters whose values are slugs (of documents, or of comuni). */
export type SlugParam = Extract<FilterEntry, { kind: 'relation' | 'comune' }>['param']
export type RelationField = RelationEntry['field']
/** The occurrence fields an `in` condition reads: one value or a list per row. */
export type ListField = Extract<FilterEntry, { kind: 'relation' | 'comune' | 'option' }>['field']

/** The filters that are also newsletter preferences, in registry order. */
export type PreferenceEntry = Extract<FilterEntry, { preference: PreferenceDimension }>
export const PREFERENCE_FILTERS = FILTERS.filter((f): f is PreferenceEntry => 'preference' in f)
export const RELATIONS = FILTERS.filter((f): f is RelationEntry => f.kind === 'relation')
export const SLUG_PARAMS = FILTERS.filter((f) => f.kind === 'relation' || f.kind === 'comune').map(
  (f) => f.param,
) as SlugParam[]
export const LIST_FIELDS = [
  ...new Set(FILTERS.filter((f) => f.kind !== 'age' && f.kind !== 'flag').map((f) => f.field)),
] as ListField[]

/** A `comune` filter by distance (`within`), and its radius parameter. */
export type NearEntry = Extract<FilterEntry, { within: object }>
export type RadiusParam = NearEntry['within']['param']
export const NEAR_FILTERS = FILTERS.filter((f): f is NearEntry => 'within' in f)

/** What a filter set becomes once its slugs are ids and its dates instants: what both query paths evaluate. */
export type ResolvedFilters = {
  /** One entry per list filter in use: the row's field must hold one of `values` (ids or codes, as strings). */
  lists: { field: ListField; values: (number | string)[] }[]
  /** The row's age range must include one of these ages (none: any age). */
  eta: number[]
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
  const ages = r.eta.map(
    (age): Where => ({ and: [{ ageMin: { less_than_equal: age } }, { ageMax: { greater_than_equal: age } }] }),
  )
  if (ages.length === 1) and.push(...ages)
  else if (ages.length > 1) and.push({ or: ages })
  if (r.free) and.push({ free: { equals: true } })
  for (const word of r.words) and.push({ searchText: { contains: ` ${word}` } })
  and.push({ end: { greater_than: r.from.toISOString() } })
  if (r.to) and.push({ start: { less_than: r.to.toISOString() } })
  return { and }
}

const EARTH_KM = 6371
const toRad = (deg: number) => (deg * Math.PI) / 180
/** Great-circle distance between two comuni seats in km, or null when either has no coordinates. */
export const comuneDistanceKm = (a: string, b: string): number | null => {
  const p = COMUNE_COORDINATES[a]
  const q = COMUNE_COORDINATES[b]
  if (!p || !q) return a === b ? 0 : null
  const h =
    Math.sin(toRad(q[0] - p[0]) / 2) ** 2 +
    Math.cos(toRad(p[0])) * Math.cos(toRad(q[0])) * Math.sin(toRad(q[1] - p[1]) / 2) ** 2
  return 2 * EARTH_KM * Math.asin(Math.sqrt(h))
}

/** The ISTAT codes of the comuni within `km` of any of `origins` (the origins included). */
export const comuniWithin = (origins: string[], km: number): string[] =>
  COMUNI.flatMap((c) =>
    origins.some((o) => {
      const d = comuneDistanceKm(o, c.istat)
      return d !== null && d <= km
    })
      ? [c.istat]
      : [],
  )

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
