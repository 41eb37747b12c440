/** At most this many ages in one filter or preference set (a family, a class). */
export const MAX_AGES = 10

/**
 * Ages as people type them, in whole years: "2, 5" or "5 2" → [2, 5] (sorted, without repeats); [] for an
 * empty text; null when a part is not a whole number of years between 0 and 120, or there are more than MAX_AGES.
 * The agenda's `eta` parameter and the newsletter's ages field read the same way.
 */
export const parseAges = (text: string): number[] | null => {
  const parts = text.split(/[\s,;]+/).filter(Boolean)
  if (parts.length > MAX_AGES) return null
  const ages = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : Number.NaN))
  if (ages.some((a) => Number.isNaN(a) || a > 120)) return null
  return [...new Set(ages)].sort((a, b) => a - b)
}
