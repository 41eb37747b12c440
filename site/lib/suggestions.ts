import type { Where } from 'payload'
import { comuneBySlug } from '../../collections/fields/comune'
import { comuneCodes, NEAR_FILTERS } from '../../collections/filter-registry'
import { toWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { countAgenda } from './agenda'
import { dateRange, type Filters, filtersToParams } from './filters'
import { formatIsoDay } from './format'
import { strings } from './i18n'
import { getPayload } from './payload'
import { withinMs } from './time-limit'
import { agendaPath, type Locale } from './urls'

/** A wider search that finds something: where it leads and how many dates it lists there. */
export type Suggestion = { label: string; href: string; total: number }

/** The counts run only on a page with no results, side by side; none may hold it up longer than this. */
const BUDGET_MS = 400

type Id = number | string
type Candidate = { label: string; filters: Filters }

/** The systems of the chosen libraries and of the libraries in the chosen comuni, by slug and short name. */
const systemsAround = async (f: Filters): Promise<{ slug: string; name: string }[]> => {
  const or: Where[] = [
    ...(f.biblioteca.length ? [{ slug: { in: f.biblioteca } }] : []),
    ...(f.comune.length ? [{ comune: { in: comuneCodes(f.comune).codes } }] : []),
  ]
  if (!or.length) return []
  const payload = await getPayload()
  const common = { depth: 0, pagination: false, overrideAccess: false } as const
  const libraries = await payload.find({
    collection: SLUGS.libraries,
    where: { or },
    select: { system: true },
    ...common,
  })
  const ids = [...new Set(libraries.docs.map((l) => l.system as Id | null).filter((id) => id != null))]
  if (!ids.length) return []
  const systems = await payload.find({
    collection: SLUGS.systems,
    where: { id: { in: ids } },
    select: { slug: true, shortName: true, name: true },
    sort: 'shortName',
    ...common,
  })
  return systems.docs.flatMap((s) => (s.slug ? [{ slug: s.slug, name: s.shortName || s.name }] : []))
}

/** The Saturday and Sunday of the first weekend that starts on or after an instant (Rome days). */
const weekendFrom = (instant: Date): [string, string] => {
  const wall = toWall(instant)
  const day = wall.getUTCDay() // 0 = Sunday
  const saturday = new Date(
    Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + ((6 - day + 7) % 7)),
  )
  const sunday = new Date(saturday.getTime() + 86_400_000)
  return [saturday.toISOString().slice(0, 10), sunday.toISOString().slice(0, 10)]
}

/**
 * What would give results when a search finds nothing: the same filters without the age, in the whole system
 * instead of the library or comune (or the whole network instead of the system), farther from the comune one is
 * near, the weekend after the chosen days or any date, without the words. Each is counted by the agenda's own
 * query; only those that list something are offered.
 */
export const suggestionsFor = async (f: Filters, locale: Locale, now: Date = new Date()): Promise<Suggestion[]> => {
  const t = strings(locale)
  const base: Filters = { ...f, pagina: 1 }
  const candidates: Candidate[] = []
  if (f.eta.length) candidates.push({ label: t.suggestAnyAge, filters: { ...base, eta: [] } })
  if (f.pubblico.length) candidates.push({ label: t.suggestAnyAudience, filters: { ...base, pubblico: [] } })
  if (f.biblioteca.length || f.comune.length) {
    const systems = await systemsAround(f)
    const wider = { ...base, biblioteca: [], comune: [] }
    if (systems.length && !systems.every((s) => f.sistema.includes(s.slug)))
      candidates.push({
        label: t.suggestSystems(systems.map((s) => s.name)),
        filters: { ...wider, sistema: [...new Set([...f.sistema, ...systems.map((s) => s.slug)])] },
      })
    else candidates.push({ label: t.suggestNetwork, filters: { ...wider, sistema: [] } })
  } else if (f.sistema.length) candidates.push({ label: t.suggestNetwork, filters: { ...base, sistema: [] } })
  // Near a comune: the next radius offered, or past the widest one the whole network.
  for (const e of NEAR_FILTERS) {
    if (!f[e.param].length) continue
    const km = f[e.within.param] ?? e.within.km
    const wider = e.within.choices.find((choice) => choice > km)
    const names = f[e.param].map((slug) => comuneBySlug.get(slug)?.name ?? slug).join(', ')
    candidates.push(
      wider === undefined
        ? { label: t.suggestNetwork, filters: { ...base, [e.param]: [], [e.within.param]: null } }
        : { label: t.nearChip(names, wider), filters: { ...base, [e.within.param]: wider } },
    )
  }
  if (f.quando || f.da || f.a) {
    const { to } = dateRange(f, now)
    if (to) {
      const [da, a] = weekendFrom(to)
      candidates.push({
        label: t.suggestWeekend(formatIsoDay(da, locale, now)),
        filters: { ...base, quando: null, da, a },
      })
    }
    candidates.push({ label: t.suggestAnyDate, filters: { ...base, quando: null, da: null, a: null } })
  }
  if (f.q) candidates.push({ label: t.suggestWithoutWords(f.q), filters: { ...base, q: '' } })
  if (f.gratuito) candidates.push({ label: t.suggestNotOnlyFree, filters: { ...base, gratuito: false } })

  // A count that is late (the database answering while the index catches up) is left out, not waited for.
  const counted = await Promise.all(
    candidates.map(async (c) => ({ ...c, total: await withinMs(countAgenda(c.filters, now), BUDGET_MS, 0) })),
  )
  return counted
    .filter((c, i) => c.total > 0 && counted.findIndex((d) => d.label === c.label) === i)
    .map((c) => ({ label: c.label, total: c.total, href: agendaPath(filtersToParams(c.filters), locale) }))
}
