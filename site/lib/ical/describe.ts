import { comuneBySlug } from '../../../collections/fields/comune'
import { FILTERS } from '../../../collections/filter-registry'
import type { Filters } from '../filters'
import { findBySlugs } from '../payload'
import { NETWORK } from '../site-info'

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

/** "2", "2 e 5", "2, 4 e 5". */
const andList = (values: string[]) =>
  values.length > 1 ? `${values.slice(0, -1).join(', ')} e ${values.at(-1)}` : (values[0] ?? '')

/** What a filter set selects, in words: "Valle Seriana – 3–6 anni – gratuiti". */
export const describeFilters = async (f: Filters): Promise<string[]> => {
  const names = async (collection: string, slugs: string[], field: 'name' | 'title') => {
    const bySlug = new Map((await findBySlugs(collection, slugs)).map((d) => [d.slug, d]))
    return slugs.flatMap((s) => {
      const doc = bySlug.get(s)
      return doc ? [String(doc.shortName ?? doc[field] ?? s)] : []
    })
  }
  const join = (values: string[]) => values.join(', ')
  const parts: string[] = []
  for (const e of FILTERS) {
    if (e.kind === 'relation') parts.push(join(await names(e.collection, f[e.param], e.feed)))
    else if (e.kind === 'comune' && 'within' in e && f[e.param].length)
      parts.push(
        `entro ${f[e.within.param] ?? e.within.km} km da ${join(f[e.param].map((s) => comuneBySlug.get(s)?.name ?? s))}`,
      )
    else if (e.kind === 'comune') parts.push(join(f[e.param].map((s) => comuneBySlug.get(s)?.name ?? s)))
    else if (e.kind === 'option') parts.push(join(f[e.param].map((v) => e.labels[v])))
    else if (e.kind === 'age') parts.push(f[e.param].length ? `${andList(f[e.param].map(String))} ${e.feed.unit}` : '')
    else parts.push(f[e.param] ? e.feed.word : '')
  }
  parts.push(
    f.quando ? (QUANDO_LABEL[f.quando] ?? '') : '',
    f.da && f.a
      ? `dal ${itDay(f.da)} al ${itDay(f.a)}`
      : f.da
        ? `dal ${itDay(f.da)}`
        : f.a
          ? `fino al ${itDay(f.a)}`
          : '',
    f.q ? `«${f.q}»` : '',
  )
  return parts.filter(Boolean)
}

/** A feed's name (its NAME / X-WR-CALNAME) from what its filter selects: "Eventi – Valle Seriana – 2 e 5 anni". */
export const feedTitle = (parts: string[]): string => ['Eventi', ...(parts.length ? parts : [NETWORK.name])].join(' – ')

/** The name the feed of a filter set gets, for the page that offers it. */
export const feedName = async (f: Filters): Promise<string> => feedTitle(await describeFilters(f))
