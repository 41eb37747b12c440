import { ACCESSIBILITY_LABELS } from '../../../collections/enums'
import { comuneBySlug } from '../../../collections/fields/comune'
import { SLUGS } from '../../../collections/slugs'
import type { Filters } from '../filters'
import { getPayload } from '../payload'

const QUANDO_LABEL: Record<string, string> = {
  oggi: 'oggi',
  domani: 'domani',
  weekend: 'nel fine settimana',
  settimana: 'nei prossimi 7 giorni',
  mese: 'nei prossimi 30 giorni',
}

const itDay = (day: string) => {
  const [y, m, d] = day.split('-')
  return `${Number(d)}/${Number(m)}/${y}`
}

/** What a filter set selects, in words: "Valle Seriana – 3–6 anni – gratuiti". */
export const describeFilters = async (f: Filters): Promise<string[]> => {
  const payload = await getPayload()
  const names = async (collection: (typeof SLUGS)[keyof typeof SLUGS], slugs: string[], field: 'name' | 'title') => {
    if (slugs.length === 0) return []
    const { docs } = await payload.find({
      collection: collection as 'systems',
      where: { slug: { in: slugs } },
      depth: 0,
      limit: slugs.length,
      pagination: false,
      overrideAccess: false,
    })
    type Named = { slug: string; name?: string; title?: string; shortName?: string }
    const bySlug = new Map((docs as unknown as Named[]).map((d) => [d.slug, d]))
    return slugs.flatMap((s) => {
      const doc = bySlug.get(s)
      return doc ? [String(doc.shortName ?? doc[field] ?? s)] : []
    })
  }
  const join = (values: string[]) => values.join(', ')
  const parts = [
    join(await names(SLUGS.systems, f.sistema, 'name')),
    join(await names(SLUGS.libraries, f.biblioteca, 'name')),
    join(f.comune.map((s) => comuneBySlug.get(s)?.name ?? s)),
    join(await names(SLUGS.categories, f.categoria, 'name')),
    join(await names(SLUGS.audiences, f.pubblico, 'name')),
    join(await names(SLUGS.series, f.rassegna, 'title')),
    join(await names(SLUGS.festivals, f.festival, 'title')),
    join(await names(SLUGS.campaigns, f.campagna, 'title')),
    join(f.accessibilita.map((a) => ACCESSIBILITY_LABELS[a])),
    f.eta !== null ? `${f.eta} anni` : '',
    f.gratuito ? 'gratuiti' : '',
    f.quando ? (QUANDO_LABEL[f.quando] ?? '') : '',
    f.da && f.a
      ? `dal ${itDay(f.da)} al ${itDay(f.a)}`
      : f.da
        ? `dal ${itDay(f.da)}`
        : f.a
          ? `fino al ${itDay(f.a)}`
          : '',
    f.q ? `«${f.q}»` : '',
  ]
  return parts.filter(Boolean)
}
