import { COMUNI } from '../../collections/data/comuni'
import { COMUNE_COORDINATES } from '../../collections/data/comuni-geo'
import { comuneByIstat } from '../../collections/fields/comune'
import { FILTERS, type FilterEntry, RELATIONS, type RelationEntry } from '../../collections/filter-registry'
import { SLUGS } from '../../collections/slugs'
import { getPayload } from './payload'

export type Option = { value: string; label: string; group?: string }

/** The choices of the agenda filter form, per filter with choices: what exists in the network, in display order. */
export type FilterOptions = Record<Extract<FilterEntry, { kind: 'relation' | 'comune' | 'option' }>['param'], Option[]>

const TTL_MS = 60_000
let cached: { at: number; value: Promise<FilterOptions> } | null = null

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'it')

type Id = number | string
type Doc = { id: Id; slug?: string | null } & Record<string, unknown>

/** The field that names a relation's documents in the form. */
const choiceField = (e: RelationEntry): string => ('choice' in e ? e.choice : e.feed)
const groupOf = (e: RelationEntry) => ('group' in e ? RELATIONS.find((g) => g.param === e.group) : undefined)

const load = async (): Promise<FilterOptions> => {
  const payload = await getPayload()
  const common = { depth: 0, limit: 1000, pagination: false, overrideAccess: false } as const
  const [places, ...relations] = await Promise.all([
    Promise.all(
      [SLUGS.libraries, SLUGS.venues].map((collection) =>
        payload.find({ collection, ...common, select: { comune: true } }),
      ),
    ),
    ...RELATIONS.map(async (e) => {
      const label = choiceField(e)
      const group = groupOf(e)
      const { docs } = await payload.find({
        collection: e.collection as 'systems',
        ...common,
        sort: 'order' in e ? e.order : label,
        select: { slug: true, [label]: true, ...(group ? { [group.field]: true } : {}) },
      })
      return { e, docs: docs as unknown as Doc[] }
    }),
  ])
  const docsOf = new Map(relations.map(({ e, docs }) => [e.param, docs]))
  const options = {} as FilterOptions
  for (const { e, docs } of relations) {
    const label = choiceField(e)
    const group = groupOf(e)
    const groupName = group
      ? new Map((docsOf.get(group.param) ?? []).map((d) => [String(d.id), d[choiceField(group)] as string]))
      : null
    const choices: Option[] = docs.flatMap((d) =>
      d.slug
        ? [
            groupName && group
              ? { value: d.slug, label: d[label] as string, group: groupName.get(String(d[group.field])) ?? '' }
              : { value: d.slug, label: d[label] as string },
          ]
        : [],
    )
    if (groupName) choices.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '', 'it') || byLabel(a, b))
    options[e.param] = choices
  }
  const comuni = new Set(places.flatMap(({ docs }) => docs.map((d) => d.comune as string)))
  for (const e of FILTERS) {
    // A place to be near may be any comune the distances know, with a library or not.
    if (e.kind === 'comune' && 'within' in e)
      options[e.param] = COMUNI.filter((c) => c.istat in COMUNE_COORDINATES)
        .map((c) => ({ value: c.slug, label: c.name }))
        .sort(byLabel)
    else if (e.kind === 'comune')
      options[e.param] = [...comuni]
        .flatMap((istat) => {
          const c = comuneByIstat.get(istat)
          return c ? [{ value: c.slug, label: c.name }] : []
        })
        .sort(byLabel)
    else if (e.kind === 'option') options[e.param] = e.options.map((value) => ({ value, label: e.labels[value] }))
  }
  return options
}

/** Cached for a minute: these lists change rarely and every agenda page needs them. */
export const filterOptions = (now = Date.now()): Promise<FilterOptions> => {
  if (!cached || now - cached.at > TTL_MS) {
    const value = load()
    cached = { at: now, value }
    value.catch(() => {
      if (cached?.value === value) cached = null
    })
  }
  return cached.value
}

export const labelOf = (options: Option[], value: string): string =>
  options.find((o) => o.value === value)?.label ?? value
