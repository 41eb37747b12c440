import type { Payload } from 'payload'
import { comuneByIstat, comuneBySlug } from '../../collections/fields/comune'
import { PREFERENCE_FILTERS, type PreferenceEntry } from '../../collections/filter-registry'
import { parseAges } from '../../collections/lib/ages'
import { emptyPreferences, PREFERENCE_DIMENSIONS, type Preferences } from '../../collections/Subscribers/preferences'
import { SLUGS } from '../../collections/slugs'

export { MAX_AGES, parseAges } from '../../collections/lib/ages'

export type Choice = { value: string; label: string }

// The newsletter preferences are the registry's filters that declare a `preference`: the same parameters (and
// public slugs) as the agenda, stored as the ids of collections/Subscribers/preferences.ts.
type RelationPreference = Extract<PreferenceEntry, { kind: 'relation' }>
type ChoicePreference = Exclude<PreferenceEntry, { kind: 'age' }>
type AgePreference = Extract<PreferenceEntry, { kind: 'age' }>
const RELATION_PREFERENCES = PREFERENCE_FILTERS.filter((e): e is RelationPreference => e.kind === 'relation')
const COMUNE_PREFERENCES = PREFERENCE_FILTERS.filter((e) => e.kind === 'comune')

/** What the sign-up and preferences forms offer; every value is a public slug, like the agenda filters. */
export type NewsletterOptions = Record<ChoicePreference['preference'], Choice[]>

type Id = number | string

let cache: { at: number; value: Promise<Catalogue> } | null = null
type Catalogue = {
  options: NewsletterOptions
  ids: Record<RelationPreference['preference'], Map<string, Id>>
}

type Named = { id: Id; slug?: string | null; name?: string; title?: string }

const load = async (payload: Payload): Promise<Catalogue> => {
  const base = { depth: 0, limit: 0, pagination: false, overrideAccess: false } as const
  const [libraries, ...relations] = await Promise.all([
    payload.find({ collection: SLUGS.libraries, select: { comune: true }, ...base }),
    ...RELATION_PREFERENCES.map(async (e) => {
      const { docs } = await payload.find({
        collection: e.collection as 'systems',
        sort: 'order' in e ? e.order : e.feed,
        select: { [e.feed]: true, slug: true },
        ...base,
      })
      return { e, docs: (docs as Named[]).filter((d) => d.slug) }
    }),
  ])
  const comuni = [...new Set(libraries.docs.map((l) => String(l.comune)))]
    .map((istat) => comuneByIstat.get(istat))
    .filter((c): c is NonNullable<typeof c> => !!c)
    .sort((a, b) => a.name.localeCompare(b.name, 'it'))
  const options = {} as NewsletterOptions
  const ids = {} as Catalogue['ids']
  for (const e of COMUNE_PREFERENCES) options[e.preference] = comuni.map((c) => ({ value: c.slug, label: c.name }))
  for (const { e, docs } of relations) {
    options[e.preference] = docs.map((d) => ({ value: d.slug as string, label: d[e.feed] as string }))
    ids[e.preference] = new Map(docs.map((d) => [d.slug as string, d.id]))
  }
  return { options, ids }
}

/** The form options, read at most once a minute. */
const catalogue = (payload: Payload) => {
  if (!cache || Date.now() - cache.at > 60_000) {
    const value = load(payload)
    cache = { at: Date.now(), value }
    value.catch(() => {
      cache = null
    })
  }
  return cache.value
}

export const newsletterOptions = async (payload: Payload) => (await catalogue(payload)).options

/** A form's answer: the selected slugs of each choice, and the ages as typed. */
export type ChoiceInput = Record<ChoicePreference['param'], string[]> & Record<AgePreference['param'], string>

export type PreferenceField = PreferenceEntry
const KIND_ORDER: PreferenceEntry['kind'][] = ['relation', 'comune', 'age']
/**
 * The preference fields of the sign-up and preferences forms, in the order they are shown: the relations' checkbox
 * groups, then the comuni, then the ages; within a kind, in the order of the stored dimensions.
 */
export const PREFERENCE_FIELDS: readonly PreferenceField[] = [...PREFERENCE_FILTERS].sort(
  (a, b) =>
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    PREFERENCE_DIMENSIONS.indexOf(a.preference) - PREFERENCE_DIMENSIONS.indexOf(b.preference),
)

/** A form's answer read field by field: the values of each choice (`all`), the ages as typed (`one`). */
export const readChoices = (all: (name: string) => string[], one: (name: string) => string): ChoiceInput =>
  Object.fromEntries(
    PREFERENCE_FILTERS.map((e) => [e.param, e.kind === 'age' ? one(e.param) : all(e.param)]),
  ) as ChoiceInput

/** Form choices (slugs) → stored preferences (ids); the first unknown value is reported by field name. */
export const resolveChoices = async (
  payload: Payload,
  input: ChoiceInput,
): Promise<{ ok: true; preferences: Preferences } | { ok: false; field: string; message: string }> => {
  const { ids } = await catalogue(payload)
  const p = emptyPreferences()
  for (const e of PREFERENCE_FILTERS) {
    if (e.kind === 'relation') {
      for (const v of input[e.param]) {
        const id = ids[e.preference].get(v)
        if (id == null) return { ok: false, field: e.param, message: `Opzione non valida: «${v.slice(0, 40)}».` }
        p[e.preference].push(id)
      }
    } else if (e.kind === 'comune') {
      for (const slug of input[e.param]) {
        const c = comuneBySlug.get(slug)
        if (!c) return { ok: false, field: e.param, message: `Comune non valido: «${slug.slice(0, 40)}».` }
        p[e.preference].push(c.istat)
      }
    } else {
      const ages = parseAges(input[e.param])
      if (!ages)
        return { ok: false, field: e.param, message: 'Scrivi le età in anni, separate da virgole (per esempio: 2, 5).' }
      p[e.preference] = ages
    }
  }
  return { ok: true, preferences: p }
}

/** Stored preferences (ids) → form values (slugs), to prefill the preferences page. */
export const choicesOf = async (payload: Payload, p: Preferences) => {
  const { ids } = await catalogue(payload)
  const back = (table: Map<string, Id>, values: Id[]) => {
    const reverse = new Map([...table].map(([slug, id]) => [String(id), slug]))
    return values.map((v) => reverse.get(String(v))).filter((v): v is string => !!v)
  }
  const choices = {} as ChoiceInput
  for (const e of PREFERENCE_FILTERS) {
    if (e.kind === 'relation') choices[e.param] = back(ids[e.preference], p[e.preference])
    else if (e.kind === 'comune')
      choices[e.param] = p[e.preference].map((c) => comuneByIstat.get(c)?.slug).filter((v): v is string => !!v)
    else choices[e.param] = p[e.preference].join(', ')
  }
  return choices
}
