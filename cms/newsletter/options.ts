import type { Payload } from 'payload'
import { comuneByIstat, comuneBySlug } from '../../collections/fields/comune'
import { emptyPreferences, type Preferences } from '../../collections/Subscribers/preferences'
import { SLUGS } from '../../collections/slugs'

export type Choice = { value: string; label: string }

/** What the sign-up and preferences forms offer; every value is a public slug, like the agenda filters. */
export type NewsletterOptions = {
  systems: Choice[]
  comuni: Choice[]
  audiences: Choice[]
  categories: Choice[]
  campaigns: Choice[]
}

type Id = number | string

let cache: { at: number; value: Promise<Catalogue> } | null = null
type Catalogue = {
  options: NewsletterOptions
  ids: Record<'systems' | 'audiences' | 'categories' | 'campaigns', Map<string, Id>>
}

const load = async (payload: Payload): Promise<Catalogue> => {
  const base = { depth: 0, limit: 0, pagination: false, overrideAccess: false } as const
  const [systems, audiences, categories, campaigns, libraries] = await Promise.all([
    payload.find({ collection: SLUGS.systems, sort: 'name', select: { name: true, slug: true }, ...base }),
    payload.find({ collection: SLUGS.audiences, sort: 'order', select: { name: true, slug: true }, ...base }),
    payload.find({ collection: SLUGS.categories, sort: 'name', select: { name: true, slug: true }, ...base }),
    payload.find({ collection: SLUGS.campaigns, sort: 'title', select: { title: true, slug: true }, ...base }),
    payload.find({ collection: SLUGS.libraries, select: { comune: true }, ...base }),
  ])
  const comuni = [...new Set(libraries.docs.map((l) => String(l.comune)))]
    .map((istat) => comuneByIstat.get(istat))
    .filter((c): c is NonNullable<typeof c> => !!c)
    .sort((a, b) => a.name.localeCompare(b.name, 'it'))
  const choices = (docs: { slug?: string | null; name?: string; title?: string }[]) =>
    docs.filter((d) => d.slug).map((d) => ({ value: d.slug as string, label: (d.name ?? d.title) as string }))
  const idMap = (docs: { id: Id; slug?: string | null }[]) =>
    new Map(docs.filter((d) => d.slug).map((d) => [d.slug as string, d.id]))
  return {
    options: {
      systems: choices(systems.docs),
      comuni: comuni.map((c) => ({ value: c.slug, label: c.name })),
      audiences: choices(audiences.docs),
      categories: choices(categories.docs),
      campaigns: choices(campaigns.docs),
    },
    ids: {
      systems: idMap(systems.docs),
      audiences: idMap(audiences.docs),
      categories: idMap(categories.docs),
      campaigns: idMap(campaigns.docs),
    },
  }
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

export type ChoiceInput = {
  sistema: string[]
  comune: string[]
  pubblico: string[]
  categoria: string[]
  campagna: string[]
  eta: string
}

export const MAX_AGES = 10

/** "2, 5" → [2, 5]; null when it is not a list of whole years between 0 and 120. */
export const parseAges = (text: string): number[] | null => {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length > MAX_AGES) return null
  const ages = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN))
  if (ages.some((a) => Number.isNaN(a) || a > 120)) return null
  return [...new Set(ages)].sort((a, b) => a - b)
}

/** Form choices (slugs) → stored preferences (ids); the first unknown value is reported by field name. */
export const resolveChoices = async (
  payload: Payload,
  input: ChoiceInput,
): Promise<{ ok: true; preferences: Preferences } | { ok: false; field: string; message: string }> => {
  const { ids } = await catalogue(payload)
  const p = emptyPreferences()
  const map = async (field: keyof ChoiceInput, values: string[], table: Map<string, Id>) => {
    const out: Id[] = []
    for (const v of values) {
      const id = table.get(v)
      if (id == null) return { field, value: v }
      out.push(id)
    }
    return out
  }
  for (const [field, key, table] of [
    ['sistema', 'systems', ids.systems],
    ['pubblico', 'audiences', ids.audiences],
    ['categoria', 'categories', ids.categories],
    ['campagna', 'campaigns', ids.campaigns],
  ] as const) {
    const result = await map(field, input[field], table)
    if (!Array.isArray(result))
      return { ok: false, field, message: `Opzione non valida: «${result.value.slice(0, 40)}».` }
    ;(p as Record<string, Id[]>)[key] = result
  }
  for (const slug of input.comune) {
    const c = comuneBySlug.get(slug)
    if (!c) return { ok: false, field: 'comune', message: `Comune non valido: «${slug.slice(0, 40)}».` }
    p.comuni.push(c.istat)
  }
  const ages = parseAges(input.eta)
  if (!ages)
    return { ok: false, field: 'eta', message: 'Scrivi le età in anni, separate da virgole (per esempio: 2, 5).' }
  p.ages = ages
  return { ok: true, preferences: p }
}

/** Stored preferences (ids) → form values (slugs), to prefill the preferences page. */
export const choicesOf = async (payload: Payload, p: Preferences) => {
  const { ids } = await catalogue(payload)
  const back = (table: Map<string, Id>, values: Id[]) => {
    const reverse = new Map([...table].map(([slug, id]) => [String(id), slug]))
    return values.map((v) => reverse.get(String(v))).filter((v): v is string => !!v)
  }
  return {
    sistema: back(ids.systems, p.systems),
    comune: p.comuni.map((c) => comuneByIstat.get(c)?.slug).filter((v): v is string => !!v),
    pubblico: back(ids.audiences, p.audiences),
    categoria: back(ids.categories, p.categories),
    campagna: back(ids.campaigns, p.campaigns),
    eta: p.ages.join(', '),
  }
}
