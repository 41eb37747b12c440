import { refId } from '../access/roles'

type Id = number | string

/**
 * What a subscriber wants to hear about. Inside a dimension the values are alternatives (OR); the
 * dimensions combine with AND, like the agenda filters. "Where" is systems OR comuni and "who" is
 * audiences OR ages, because a family says "Valle Seriana or Bergamo, for a 2- and a 5-year-old".
 * An empty dimension means "anything".
 */
export type Preferences = {
  systems: Id[]
  comuni: string[]
  audiences: Id[]
  ages: number[]
  categories: Id[]
  campaigns: Id[]
}

export const PREFERENCE_DIMENSIONS = ['systems', 'comuni', 'audiences', 'ages', 'categories', 'campaigns'] as const
export type PreferenceDimension = (typeof PREFERENCE_DIMENSIONS)[number]

export const emptyPreferences = (): Preferences => ({
  systems: [],
  comuni: [],
  audiences: [],
  ages: [],
  categories: [],
  campaigns: [],
})

const ids = (value: unknown): Id[] =>
  Array.isArray(value) ? value.map((v) => refId(v as Id)).filter((v): v is Id => v != null) : []

const sortUnique = <T extends Id>(values: T[]): T[] =>
  [...new Set(values)].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  )

/** The preferences of a stored subscriber (relations may be ids or populated documents). */
export const preferencesOf = (group: Record<string, unknown> | null | undefined): Preferences => ({
  systems: sortUnique(ids(group?.systems)),
  comuni: sortUnique(Array.isArray(group?.comuni) ? (group.comuni as string[]).map(String) : []),
  audiences: sortUnique(ids(group?.audiences)),
  ages: sortUnique(Array.isArray(group?.ages) ? (group.ages as unknown[]).map(Number).filter(Number.isInteger) : []),
  categories: sortUnique(ids(group?.categories)),
  campaigns: sortUnique(ids(group?.campaigns)),
})

/**
 * A canonical string for a preference set: equal preferences give equal keys. Subscribers are
 * grouped by it, so a digest body is rendered once per distinct set.
 */
export const preferencesKey = (p: Preferences): string => JSON.stringify(PREFERENCE_DIMENSIONS.map((d) => p[d]))

export const parsePreferencesKey = (key: string): Preferences => {
  const parts = JSON.parse(key) as unknown[][]
  const p = emptyPreferences()
  PREFERENCE_DIMENSIONS.forEach((d, i) => {
    ;(p as Record<string, unknown[]>)[d] = parts[i] ?? []
  })
  return p
}

/** The fields of an occurrence (denormalised from its event) that preferences are matched against. */
export type MatchableOccurrence = {
  system: Id | null
  comune: string | null
  audiences: Id[]
  categories: Id[]
  campaigns: Id[]
  ageMin: number | null
  ageMax: number | null
}

const overlaps = (a: Id[], b: Id[]) => a.some((x) => b.some((y) => String(x) === String(y)))

/**
 * Whether an occurrence matches a preference set: where (systems OR comuni), who (audiences OR ages),
 * categories and campaigns, each dimension ignored when empty. The digest loads the window's
 * occurrences once and tests every preference set against them in memory.
 */
export const matchesOccurrence = (p: Preferences, o: MatchableOccurrence): boolean => {
  if (p.systems.length || p.comuni.length) {
    const bySystem = o.system != null && overlaps([o.system], p.systems)
    const byComune = o.comune != null && p.comuni.includes(o.comune)
    if (!bySystem && !byComune) return false
  }
  if (p.audiences.length || p.ages.length) {
    const byAudience = overlaps(o.audiences, p.audiences)
    const byAge = p.ages.some((age) => (o.ageMin ?? 0) <= age && age <= (o.ageMax ?? 120))
    if (!byAudience && !byAge) return false
  }
  if (p.categories.length && !overlaps(o.categories, p.categories)) return false
  if (p.campaigns.length && !overlaps(o.campaigns, p.campaigns)) return false
  return true
}

const meets = (mine: Id[], wanted: Id[]) =>
  wanted.length === 0 || mine.length === 0 || mine.some((v) => wanted.some((w) => String(w) === String(v)))

export type AudienceContext = {
  /** The comuni where the system has libraries (subscribers who picked only comuni belong there). */
  systemComuni: Set<string>
  /** Age range of every audience, to match subscribers who gave ages against a narrowing by audience. */
  audienceAges: Map<string, { min: number; max: number }>
}

/**
 * Whether a subscriber belongs to a system's audience: they picked the system, or picked no system
 * and either no comune or a comune where the system has a library.
 */
export const inSystemAudience = (p: Preferences, systemId: Id, ctx: AudienceContext): boolean => {
  if (p.systems.length) return p.systems.some((s) => String(s) === String(systemId))
  if (p.comuni.length) return p.comuni.some((c) => ctx.systemComuni.has(c))
  return true
}

/**
 * Editorial narrowing: a subscriber stays in when each narrowed dimension overlaps their preferences
 * or they expressed no preference there (they asked for everything).
 */
export const matchesNarrowing = (p: Preferences, narrow: Preferences, ctx: AudienceContext): boolean => {
  if (!meets(p.comuni, narrow.comuni)) return false
  if (!meets(p.categories, narrow.categories)) return false
  if (!meets(p.campaigns, narrow.campaigns)) return false
  if (narrow.audiences.length && (p.audiences.length || p.ages.length)) {
    const byAudience = p.audiences.some((a) => narrow.audiences.some((n) => String(n) === String(a)))
    const byAge = p.ages.some((age) =>
      narrow.audiences.some((n) => {
        const range = ctx.audienceAges.get(String(n))
        return !!range && age >= range.min && age <= range.max
      }),
    )
    if (!byAudience && !byAge) return false
  }
  return true
}
