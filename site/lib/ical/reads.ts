// The reads a feed rebuild repeats for every event it keeps: their dates in the feed's window and the version of
// each published event. On SQLite they are direct SQL statements; elsewhere the database adapter's `find`.
import { publicOnly } from '../../../collections/access/staff-only'
import { SLUGS } from '../../../collections/slugs'
import { getPayload, type ReadPath, readPath, sqlClient } from '../payload'
import type { Id, Row } from './load'

/**
 * `sql`: statements on SQLite (1,000 events' rows and versions in a few ms); `adapter`: the database adapter's
 * `find` (any database, MongoDB in production). FEED_QUERY=sql|adapter forces one (`readPath`); both return the
 * rows and versions the Local API gives the public.
 */
export type FeedQuery = ReadPath

export const feedQuery = (dbName: string): FeedQuery => readPath('FEED_QUERY', dbName)

/** The time window of a feed's rows: rows ending after `from` and, with `to`, starting before it. */
export type Window = { from: Date; to: Date | null }

const idOf = (value: unknown): Id => (typeof value === 'object' && value ? (value as { id: Id }).id : (value as Id))

/**
 * The rows of `events` in the window, ordered by start, that the public reads: the rows of published events only
 * exist, and staff-only ones are hidden (the occurrences' read access, `hideStaffOnly`). The filter fields of a row
 * (system, places, categories, ages, words…) are its event's, copied to every row of it, so an event the filter
 * kept has all its rows in the window matching the filter.
 */
export const readWindowRows = async (events: Id[], window: Window, how: FeedQuery): Promise<Row[]> => {
  if (events.length === 0) return []
  if (how === 'sql') {
    const client = await sqlClient('FEED_QUERY')
    // NOT_STAFF_ONLY in SQL: `not_equals: true` matches NULL too. One JSON value rather than a row object per date:
    // the client's rows cost more to build than the query does.
    const { rows } = await client.execute({
      sql: `SELECT json_group_array(json_array(id, event_id, start, "end", original_start, status, note)) AS dates
        FROM occurrences WHERE event_id IN (SELECT value FROM json_each(?)) AND "end" > ?
        ${window.to ? 'AND start < ?' : ''} AND COALESCE(staff_only, 0) <> 1`,
      args: [JSON.stringify(events), window.from.toISOString(), ...(window.to ? [window.to.toISOString()] : [])],
    })
    type Tuple = [number, number, string, string, string, string | null, string | null]
    const tuples = JSON.parse(String(rows[0]?.dates ?? '[]')) as Tuple[]
    // ISO dates in one format: their order as strings is their order in time.
    tuples.sort((a, b) => (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : a[0] - b[0]))
    return tuples.map(([, event, start, end, originalStart, status, note]) => ({
      event,
      start,
      end,
      originalStart,
      status,
      note,
    }))
  }
  const payload = await getPayload()
  const { docs } = await payload.db.find<Row>({
    collection: SLUGS.occurrences,
    where: publicOnly({
      and: [
        { event: { in: events } },
        { end: { greater_than: window.from.toISOString() } },
        ...(window.to ? [{ start: { less_than: window.to.toISOString() } }] : []),
      ],
    }),
    select: { event: true, start: true, end: true, originalStart: true, status: true, note: true },
    sort: ['start', 'id'],
    pagination: false,
    limit: 0,
  })
  return docs.map((d) => ({ ...d, event: idOf(d.event) }))
}

/**
 * The updatedAt of each of `events` the public may read (published and not staff-only: the events' read access,
 * `readEvents`, for a visitor); the others are absent.
 */
export const readEventVersions = async (events: Id[], how: FeedQuery): Promise<Map<Id, string>> => {
  if (events.length === 0) return new Map()
  if (how === 'sql') {
    const client = await sqlClient('FEED_QUERY')
    const { rows } = await client.execute({
      sql: `SELECT json_group_array(json_array(id, updated_at)) AS versions FROM events
        WHERE id IN (SELECT value FROM json_each(?)) AND _status = 'published' AND COALESCE(staff_only, 0) <> 1`,
      args: [JSON.stringify(events)],
    })
    return new Map(JSON.parse(String(rows[0]?.versions ?? '[]')) as [Id, string][])
  }
  const payload = await getPayload()
  const { docs } = await payload.db.find<{ id: Id; updatedAt: string | Date }>({
    collection: SLUGS.events,
    where: publicOnly({ and: [{ id: { in: events } }, { _status: { equals: 'published' } }] }),
    select: { updatedAt: true },
    pagination: false,
    limit: 0,
  })
  // As the Local API writes it, which the blocks compare it with (the MongoDB adapter may give a Date).
  return new Map(docs.map((d) => [d.id, new Date(d.updatedAt).toISOString()]))
}
