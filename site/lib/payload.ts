import { getPayload } from '../../cms/local-api'

/** The site's only handle on the CMS: Payload's Local API, in-process. */
export { getPayload }

/**
 * How a read that has both a SQL statement and an adapter-neutral twin runs: `sql` on SQLite's connection (a few
 * ms where the ORM builds every row), `adapter` through the database adapter (any database, MongoDB in
 * production). The environment variable `forcedBy` (`sql` or `adapter`) picks one; otherwise `sql` on SQLite.
 */
export type ReadPath = 'sql' | 'adapter'

export const readPath = (forcedBy: string, dbName: string): ReadPath => {
  const forced = process.env[forcedBy]
  if (forced === 'sql' || forced === 'adapter') return forced
  return dbName === 'sqlite' ? 'sql' : 'adapter'
}

export type SqlClient = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The SQLite adapter's connection, for the `sql` path of a read; `forcedBy` names the setting in the error. */
export const sqlClient = async (forcedBy: string): Promise<SqlClient> => {
  const payload = await getPayload()
  const client = (payload.db as unknown as { client?: SqlClient }).client
  if (!client) throw new Error(`${forcedBy}=sql needs the SQLite adapter`)
  return client
}

/** What the site reads of a document found by slug. */
export type SluggedDoc = { id: number | string; slug: string; name?: string; title?: string; shortName?: string }

/**
 * The documents of `collection` with these slugs, as the public may see them (depth 0); `select` narrows the
 * fields read. Slugs that match nothing are simply absent.
 */
export const findBySlugs = async (
  collection: string,
  slugs: string[],
  select?: Record<string, true>,
): Promise<SluggedDoc[]> => {
  if (slugs.length === 0) return []
  const payload = await getPayload()
  const { docs } = await payload.find({
    collection: collection as 'systems',
    where: { slug: { in: slugs } },
    depth: 0,
    limit: slugs.length,
    pagination: false,
    ...(select ? { select } : {}),
    overrideAccess: false,
  })
  return docs as SluggedDoc[]
}
