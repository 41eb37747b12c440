import { comuneByIstat } from '../../../collections/fields/comune'
import type { Preferences } from '../../../collections/Subscribers/preferences'
import type { Locale } from '../../../shared/strings'
import type { Lookups } from './context'

const LABELS = {
  it: {
    systems: 'Sistemi',
    comuni: 'Comuni',
    audiences: 'Pubblico',
    ages: 'Età',
    categories: 'Categorie',
    campaigns: 'Campagne',
    years: 'anni',
  },
  en: {
    systems: 'Library systems',
    comuni: 'Towns',
    audiences: 'Audience',
    ages: 'Ages',
    categories: 'Categories',
    campaigns: 'Campaigns',
    years: 'years',
  },
} as const

/** One readable line per chosen preference, e.g. "Età: 2, 5 anni". Unknown ids (deleted since) are left out. */
export const describePreferences = (p: Preferences, lookups: Lookups, language: Locale): string[] => {
  const l = LABELS[language]
  const names = (ids: (number | string)[], map: Map<string, { name?: string; title?: string; shortName?: string }>) =>
    ids.map((id) => map.get(String(id))).flatMap((x) => (x ? [x.shortName ?? x.name ?? x.title ?? ''] : []))
  const lines: [string, string[]][] = [
    [l.systems, names(p.systems, lookups.systems)],
    [l.comuni, p.comuni.map((c) => comuneByIstat.get(c)?.name ?? c)],
    [l.audiences, names(p.audiences, lookups.audiences)],
    [l.ages, p.ages.length ? [`${p.ages.join(', ')} ${l.years}`] : []],
    [l.categories, names(p.categories, lookups.categories)],
    [l.campaigns, names(p.campaigns, lookups.campaigns)],
  ]
  return lines.filter(([, v]) => v.length).map(([label, v]) => `${label}: ${v.join(', ')}`)
}

/** The agenda URL parameters equivalent to a preference set, for "see all on the website". */
export const agendaParams = (p: Preferences, lookups: Lookups): URLSearchParams => {
  const params = new URLSearchParams()
  const add = (name: string, ids: (number | string)[], map: Map<string, { slug: string }>) => {
    for (const id of ids) {
      const slug = map.get(String(id))?.slug
      if (slug) params.append(name, slug)
    }
  }
  // Only dimensions that mean the same in the agenda (AND across parameters) are carried over.
  if (!p.comuni.length) add('sistema', p.systems, lookups.systems)
  if (!p.systems.length)
    for (const c of p.comuni) {
      const slug = comuneByIstat.get(c)?.slug
      if (slug) params.append('comune', slug)
    }
  if (!p.ages.length) add('pubblico', p.audiences, lookups.audiences)
  if (!p.audiences.length) for (const age of p.ages) params.append('eta', String(age))
  add('categoria', p.categories, lookups.categories)
  add('campagna', p.campaigns, lookups.campaigns)
  return params
}
