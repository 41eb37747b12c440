import { romeDay } from '../../collections/lib/recurrence'
import { slugify } from '../../collections/lib/slugify'

/**
 * The slugs the event slug hook (collections/fields/slug.ts) would choose for events created one after another
 * in an empty collection: the title, then title-date, then title-date-N with the smallest free N. Handing them
 * to `create` leaves the hook one existence check instead of reading every `title-date-*` event, which grows
 * with the collection (the seed's 1,333 weekly readings share one title and start date at 20,000 events).
 */
export const eventSlugBook = () => {
  const used = new Set<string>()
  const nextNumber = new Map<string, number>()
  return (title: string, start: string) => {
    const base = slugify(title) || 'senza-titolo'
    let slug = base
    if (used.has(slug)) {
      const stem = `${base}-${slugify(romeDay(new Date(start)))}`
      slug = stem
      let n = nextNumber.get(stem) ?? 2
      if (used.has(slug)) {
        while (used.has(`${stem}-${n}`)) n++
        slug = `${stem}-${n}`
        nextNumber.set(stem, n + 1)
      }
    }
    used.add(slug)
    return slug
  }
}
