import { ACCESSIBILITY_LABELS, type Accessibility } from '../../collections/enums'
import { comuneByIstat } from '../../collections/fields/comune'
import { SLUGS } from '../../collections/slugs'
import { getPayload } from './payload'

export type Option = { value: string; label: string; group?: string }

/** The choices of the agenda filter form: what exists in the network, in display order. */
export type FilterOptions = {
  sistema: Option[]
  biblioteca: Option[]
  comune: Option[]
  categoria: Option[]
  pubblico: Option[]
  rassegna: Option[]
  festival: Option[]
  campagna: Option[]
  accessibilita: Option[]
}

const TTL_MS = 60_000
let cached: { at: number; value: Promise<FilterOptions> } | null = null

const byLabel = (a: Option, b: Option) => a.label.localeCompare(b.label, 'it')

const load = async (): Promise<FilterOptions> => {
  const payload = await getPayload()
  const common = { depth: 0, limit: 1000, pagination: false, overrideAccess: false } as const
  const [systems, libraries, venues, categories, audiences, series, festivals, campaigns] = await Promise.all([
    payload.find({ collection: SLUGS.systems, ...common, sort: 'shortName', select: { slug: true, shortName: true } }),
    payload.find({
      collection: SLUGS.libraries,
      ...common,
      sort: 'name',
      select: { slug: true, name: true, system: true, comune: true },
    }),
    payload.find({ collection: SLUGS.venues, ...common, select: { comune: true } }),
    payload.find({ collection: SLUGS.categories, ...common, sort: 'name', select: { slug: true, name: true } }),
    payload.find({ collection: SLUGS.audiences, ...common, sort: 'order', select: { slug: true, name: true } }),
    payload.find({ collection: SLUGS.series, ...common, sort: 'title', select: { slug: true, title: true } }),
    payload.find({ collection: SLUGS.festivals, ...common, sort: 'title', select: { slug: true, title: true } }),
    payload.find({ collection: SLUGS.campaigns, ...common, sort: 'title', select: { slug: true, title: true } }),
  ])
  const systemName = new Map(systems.docs.map((s) => [s.id, s.shortName]))
  const comuni = new Set([...libraries.docs, ...venues.docs].map((d) => d.comune as string))
  const slugged = <T extends { slug?: string | null }>(docs: T[], label: (d: T) => string): Option[] =>
    docs.flatMap((d) => (d.slug ? [{ value: d.slug, label: label(d) }] : []))
  return {
    sistema: slugged(systems.docs, (s) => s.shortName),
    biblioteca: libraries.docs
      .flatMap((l) =>
        l.slug ? [{ value: l.slug, label: l.name, group: systemName.get(l.system as number) ?? '' }] : [],
      )
      .sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '', 'it') || byLabel(a, b)),
    comune: [...comuni]
      .flatMap((istat) => {
        const c = comuneByIstat.get(istat)
        return c ? [{ value: c.slug, label: c.name }] : []
      })
      .sort(byLabel),
    categoria: slugged(categories.docs, (c) => c.name),
    pubblico: slugged(audiences.docs, (a) => a.name),
    rassegna: slugged(series.docs, (s) => s.title),
    festival: slugged(festivals.docs, (f) => f.title),
    campagna: slugged(campaigns.docs, (c) => c.title),
    accessibilita: (Object.keys(ACCESSIBILITY_LABELS) as Accessibility[]).map((value) => ({
      value,
      label: ACCESSIBILITY_LABELS[value],
    })),
  }
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
