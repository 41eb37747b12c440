import type { Payload } from 'payload'
import { refId } from '../../../collections/access/roles'
import type { AudienceContext } from '../../../collections/Subscribers/preferences'
import { SLUGS } from '../../../collections/slugs'

type Id = number | string

export type SystemInfo = {
  id: Id
  name: string
  shortName: string
  slug: string
  fromName: string
  replyTo: string | null
}

/** The small reference tables every campaign needs, read once per run. */
export type Lookups = {
  systems: Map<string, SystemInfo>
  systemComuni: Map<string, Set<string>>
  audiences: Map<string, { name: string; slug: string; min: number; max: number }>
  categories: Map<string, { name: string; slug: string }>
  campaigns: Map<string, { title: string; slug: string }>
}

const sys = { overrideAccess: true, depth: 0, pagination: false, limit: 0 } as const // reference data, read by a job

export const loadLookups = async (payload: Payload): Promise<Lookups> => {
  const [systems, libraries, audiences, categories, campaigns] = await Promise.all([
    payload.find({ collection: SLUGS.systems, ...sys }),
    payload.find({ collection: SLUGS.libraries, select: { system: true, comune: true }, ...sys }),
    payload.find({ collection: SLUGS.audiences, ...sys }),
    payload.find({ collection: SLUGS.categories, ...sys }),
    payload.find({ collection: SLUGS.campaigns, select: { title: true, slug: true }, ...sys }),
  ])
  const systemComuni = new Map<string, Set<string>>()
  for (const lib of libraries.docs) {
    const key = String(refId(lib.system as Id))
    if (!systemComuni.has(key)) systemComuni.set(key, new Set())
    if (lib.comune) systemComuni.get(key)?.add(String(lib.comune))
  }
  return {
    systems: new Map(
      systems.docs.map((s) => [
        String(s.id),
        {
          id: s.id,
          name: s.name,
          shortName: s.shortName,
          slug: s.slug ?? '',
          fromName: s.newsletter?.fromName || `Biblioteche ${s.shortName}`,
          replyTo: s.newsletter?.replyTo || s.email || null,
        },
      ]),
    ),
    systemComuni,
    audiences: new Map(
      audiences.docs.map((a) => [
        String(a.id),
        { name: a.name, slug: a.slug ?? '', min: a.minAge ?? 0, max: a.maxAge ?? 120 },
      ]),
    ),
    categories: new Map(categories.docs.map((c) => [String(c.id), { name: c.name, slug: c.slug ?? '' }])),
    campaigns: new Map(campaigns.docs.map((c) => [String(c.id), { title: c.title, slug: c.slug ?? '' }])),
  }
}

export const audienceContext = (lookups: Lookups, systemId: Id | null): AudienceContext => ({
  systemComuni: systemId == null ? new Set() : (lookups.systemComuni.get(String(systemId)) ?? new Set()),
  audienceAges: new Map([...lookups.audiences].map(([id, a]) => [id, { min: a.min, max: a.max }])),
})
