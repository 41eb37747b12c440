import type { Payload } from 'payload'
import { SLUGS } from '../../../collections/slugs'
import { getPayload, sqlClient } from '../payload'
import { feedHorizon } from './horizon'
import { feedQuery } from './reads'

/** Collections whose documents feeds show, directly or by name. */
const SHOWN = [
  SLUGS.events,
  SLUGS.libraries,
  SLUGS.venues,
  SLUGS.systems,
  SLUGS.categories,
  SLUGS.audiences,
  SLUGS.series,
  SLUGS.festivals,
  SLUGS.campaigns,
  SLUGS.partners,
] as const
export type ShownCollection = (typeof SHOWN)[number]
export const VERSION_CHECK_MS = 10_000

/** The fingerprint as a whole, and the part of each collection feeds show. */
export type DataVersion = { value: string; collections: Record<ShownCollection, string> }
let version: { value: Promise<DataVersion>; at: number } | undefined

/** Drops the remembered version: the next feed request checks the database (tests; after a deploy). */
export const forgetDataVersion = () => {
  version = undefined
}

/**
 * A fingerprint of everything a feed shows: per collection the document count and the latest change
 * (the latest id for occurrence rows, which are rewritten rather than updated), plus the Rome day, which
 * moves the horizon. Checked at most every VERSION_CHECK_MS, so feed requests in between cost no query.
 */
export const dataVersionParts = (): Promise<DataVersion> => {
  const now = Date.now()
  if (version && now - version.at < VERSION_CHECK_MS) return version.value
  const value = (async () => {
    const payload = await getPayload()
    const parts = await (feedQuery(payload.db.name) === 'sql' ? sqlParts() : adapterParts(payload))
    return {
      value: `${feedHorizon(new Date()).fromDay}|${parts.join('|')}`,
      collections: Object.fromEntries(SHOWN.map((c, i) => [c, parts[i] as string])) as DataVersion['collections'],
    }
  })()
  version = { value, at: now }
  value.catch(() => {
    version = undefined
  })
  return value
}

export const dataVersion = (): Promise<string> => dataVersionParts().then((v) => v.value)

/**
 * Per collection of SHOWN `count:id:updatedAt` of its latest change, then `count:latest id:` of the occurrences: one
 * statement on SQLite (FEED_QUERY, reads.ts), the Local API's counts elsewhere. Drafts and staff-only documents
 * count too, so that any change moves it.
 */
const sqlParts = async (): Promise<string[]> => {
  const client = await sqlClient('FEED_QUERY')
  const latest = (table: string) =>
    `(SELECT count(*) FROM ${table}) || ':' || COALESCE((SELECT id || ':' || updated_at FROM ${table}
      ORDER BY updated_at DESC, id DESC LIMIT 1), ':')`
  const { rows } = await client.execute({
    sql: `SELECT json_array(${SHOWN.map(latest).join(', ')},
      (SELECT count(*) FROM occurrences) || ':' || COALESCE((SELECT max(id) FROM occurrences), '') || ':') AS parts`,
    args: [],
  })
  return JSON.parse(String(rows[0]?.parts)) as string[]
}

const adapterParts = (payload: Payload): Promise<string[]> => {
  const latest = (collection: ShownCollection | 'occurrences', sort: string) =>
    payload
      .find({
        collection: collection as 'systems',
        sort,
        limit: 1,
        depth: 0,
        select: collection === SLUGS.occurrences ? {} : { updatedAt: true },
        draft: false,
        overrideAccess: true, // a change fingerprint, including changes the public cannot read
      })
      .then(
        (r) =>
          `${r.totalDocs}:${r.docs[0]?.id ?? ''}:${(r.docs[0] as { updatedAt?: string } | undefined)?.updatedAt ?? ''}`,
      )
  return Promise.all([...SHOWN.map((c) => latest(c, '-updatedAt')), latest(SLUGS.occurrences, '-id')])
}
