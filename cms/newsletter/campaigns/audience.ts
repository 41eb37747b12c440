import type { Payload, Where } from 'payload'
import {
  inSystemAudience,
  matchesNarrowing,
  type Preferences,
  parsePreferencesKey,
} from '../../../collections/Subscribers/preferences'
import { SLUGS } from '../../../collections/slugs'
import { audienceContext, type Lookups } from './context'

type Id = number | string

export type AudienceRow = { id: Id; preferencesKey: string; language: 'it' | 'en'; weeklyDigest: boolean }

const PAGE = 5000

/**
 * Confirmed subscribers matching `where`, a page at a time, with only the fields that decide who gets
 * what. Keyset pagination on id keeps each page an indexed range scan however large the list grows.
 */
export async function* confirmedSubscribers(payload: Payload, where: Where[] = []): AsyncGenerator<AudienceRow[]> {
  let after: Id = 0
  for (;;) {
    const { docs } = await payload.find({
      collection: SLUGS.subscribers,
      where: {
        and: [
          { status: { equals: 'confirmed' } },
          // Rows from before the flag existed have none: they signed up for the newsletter.
          { or: [{ 'preferences.newsletter': { equals: true } }, { 'preferences.newsletter': { exists: false } }] },
          { id: { greater_than: after } },
          ...where,
        ],
      },
      sort: 'id',
      limit: PAGE,
      pagination: false,
      depth: 0,
      overrideAccess: true, // the sender reads the list on the network's behalf
      select: { preferencesKey: true, language: true, preferences: { weeklyDigest: true } },
    })
    if (!docs.length) return
    yield docs.map((d) => ({
      id: d.id,
      preferencesKey: (d as { preferencesKey?: string | null }).preferencesKey ?? '[[],[],[],[],[],[]]',
      language: ((d as { language?: string }).language === 'en' ? 'en' : 'it') as 'it' | 'en',
      weeklyDigest: !!(d as { preferences?: { weeklyDigest?: boolean | null } }).preferences?.weeklyDigest,
    }))
    after = docs[docs.length - 1]?.id as Id
    if (docs.length < PAGE) return
  }
}

/** A predicate over preference keys, memoised: thousands of subscribers share a few hundred keys. */
export const memoByKey = (test: (p: Preferences) => boolean) => {
  const memo = new Map<string, boolean>()
  return (key: string) => {
    let hit = memo.get(key)
    if (hit === undefined) {
      hit = test(parsePreferencesKey(key))
      memo.set(key, hit)
    }
    return hit
  }
}

export type Narrowing = Pick<Preferences, 'comuni' | 'audiences' | 'categories' | 'campaigns'>

/** Who an editorial newsletter of `systemId` (null = whole network) reaches. */
export const editorialAudience = (lookups: Lookups, systemId: Id | null, narrowing: Narrowing) => {
  const ctx = audienceContext(lookups, systemId)
  const narrow: Preferences = { systems: [], ages: [], ...narrowing }
  return memoByKey((p) => (systemId == null || inSystemAudience(p, systemId, ctx)) && matchesNarrowing(p, narrow, ctx))
}

export const countAudience = async (payload: Payload, member: (key: string) => boolean, where: Where[] = []) => {
  let n = 0
  for await (const page of confirmedSubscribers(payload, where))
    for (const row of page) if (member(row.preferencesKey)) n++
  return n
}
