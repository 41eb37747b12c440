import { eventMentions, type Mention, mergeSupport, type SupportRow } from '../../cms/funders'
import type { Campaign, Event, Festival, Funder, Media, Series } from '../../cms/payload-types'
import { SUPPORT_ROLES, type SupportRole } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { logoImage } from './images'
import { getPayload } from './payload'
import { safeHref } from './rich-text'
import type { Locale } from './urls'

export type CreditView = {
  name: string
  /** The funder's website, when it has one. */
  href: string | null
  detail: string
  logo: ReturnType<typeof logoImage>
}
/** The credits of one role; `label` is null for "Con il sostegno di", which the block's heading already says. */
export type CreditGroup = { role: SupportRole; label: string | null; credits: CreditView[] }

const obj = <T>(value: unknown): T | null => (value && typeof value === 'object' ? (value as T) : null)

/** The funders named, as the public may read them, with their logos. */
type Named = Pick<Funder, 'id' | 'name' | 'website' | 'logo'>

const fundersById = async (ids: (number | string)[]): Promise<Map<string, Named>> => {
  if (!ids.length) return new Map()
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: SLUGS.funders,
    where: { id: { in: ids } },
    select: { name: true, website: true, logo: true },
    depth: 1,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
  })
  return new Map(docs.map((d): [string, Named] => [String(d.id), d]))
}

/** The credits block of a page from its mentions (most specific first), grouped by role in the catalogue's order. */
export const creditGroups = async (mentions: Mention[], locale: Locale): Promise<CreditGroup[]> => {
  const credits = mergeSupport(mentions)
  const funders = await fundersById(credits.map((c) => c.funder))
  const t = catalogue(locale).funders
  return SUPPORT_ROLES.flatMap((role): CreditGroup[] => {
    const views = credits.flatMap((c): CreditView[] => {
      const funder = funders.get(String(c.funder))
      if (c.role !== role || !funder) return []
      return [
        {
          name: funder.name,
          href: safeHref(funder.website),
          detail: c.detail,
          logo: logoImage(obj<Media>(funder.logo), t.logoAlt(funder.name)),
        },
      ]
    })
    return views.length ? [{ role, label: role === 'supported' ? null : t.roles[role], credits: views }] : []
  })
}

type Supported = { support?: SupportRow[] | null }

/** An event's credits: its own, then those of its rassegna, festival and campaigns (populated, depth 1). */
export const eventCredits = (event: Event, locale: Locale) =>
  creditGroups(
    eventMentions(event, {
      series: obj<Series>(event.series),
      festival: obj<Festival>(event.festival),
      campaigns: (event.campaigns ?? []).map((c) => obj<Campaign>(c)),
    }),
    locale,
  )

const SOURCE = { rassegna: 'series', festival: 'festival', campagna: 'campaign' } as const

/** The credits of a rassegna, festival or campaign page: its own list. */
export const ownCredits = (kind: keyof typeof SOURCE, doc: Supported, locale: Locale) =>
  creditGroups([{ source: SOURCE[kind], support: doc.support }], locale)
