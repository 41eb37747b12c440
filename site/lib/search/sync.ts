import type { Payload, Where } from 'payload'
import { publicOnly } from '../../../collections/access/staff-only'
import { LIST_FIELDS, ROW_FIELDS } from '../../../collections/filter-registry'
import { SLUGS } from '../../../collections/slugs'
import { dataVersion } from '../page-cache'
import { getPayload } from '../payload'
import { withinMs } from '../time-limit'
import { AgendaIndex, type IndexedRow, type Key } from './model'

/**
 * Keeps the in-process AgendaIndex in step with the database. The index is used only when it was built
 * from the same data fingerprint the page cache sees (site/lib/page-cache.ts); otherwise the agenda asks
 * the database, so a stale index can slow a search down but never change its answer.
 *
 * A save in the CMS rewrites all the occurrence rows of that event and bumps its updatedAt, so the rows of
 * events updated since the last sync are re-read; deletions and the daily roll-forward job change rows
 * without that, and show up as a row count that differs from the database's: then everything is re-read.
 */
const SYNC_WAIT_MS = Number(process.env.SEARCH_SYNC_WAIT_MS ?? 250)
const INCREMENTAL_MAX_EVENTS = 2_000
const PAGE = 5_000

type State = { index: AgendaIndex; version: string; updatedSince: string }
let state: State | null = null
let syncing: Promise<void> | null = null

const key = (value: unknown): Key | null => {
  if (value === null || value === undefined) return null
  if (typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return String(value)
}
const keys = (value: unknown): Key[] => (Array.isArray(value) ? value.map(key).filter((k): k is Key => k !== null) : [])

const toRow = (doc: Record<string, unknown>): IndexedRow => ({
  id: String(doc.id),
  event: key(doc.event) ?? '',
  start: new Date(doc.start as string).getTime(),
  end: new Date(doc.end as string).getTime(),
  lists: Object.fromEntries(
    LIST_FIELDS.map((field) => {
      const value = doc[field]
      const one = key(value)
      return [field, Array.isArray(value) ? keys(value) : one === null ? [] : [one]]
    }),
  ) as IndexedRow['lists'],
  ageMin: Number(doc.ageMin ?? 0),
  ageMax: Number(doc.ageMax ?? 120),
  free: doc.free === true,
  searchText: (doc.searchText as string | null) ?? '',
  title: (doc.title as string | null) ?? '',
})

// The public's rows, read through the adapter: the Local API's per-document hooks cost 4.5 s and 1.3 GB for
// 57,000 rows, the adapter 1.5 s. The adapter skips access, so the public's condition (no staff-only rows) is
// part of every query here, the row count included.
const readRows = async (payload: Payload, where: Where): Promise<IndexedRow[]> => {
  const rows: IndexedRow[] = []
  for (let page = 1; ; page++) {
    const result = await payload.db.find<Record<string, unknown>>({
      collection: SLUGS.occurrences,
      where: publicOnly(where),
      select: { ...ROW_FIELDS, title: true },
      sort: 'id',
      limit: PAGE,
      page,
      pagination: true,
    })
    for (const doc of result.docs) rows.push(toRow(doc))
    if (!result.hasNextPage) return rows
  }
}

const latestEventUpdate = async (payload: Payload): Promise<string> => {
  const { docs } = await payload.db.find<{ updatedAt?: string }>({
    collection: SLUGS.events,
    where: {},
    select: { updatedAt: true },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
  })
  return docs[0]?.updatedAt ?? ''
}

const rebuild = async (payload: Payload, version: string): Promise<State> => {
  const updatedSince = await latestEventUpdate(payload)
  const index = new AgendaIndex()
  index.replaceEvents([], await readRows(payload, {}))
  return { index, version, updatedSince }
}

const catchUp = async (payload: Payload, current: State, version: string): Promise<State> => {
  const changed = await payload.db.find<{ id: number | string; updatedAt?: string }>({
    collection: SLUGS.events,
    where: current.updatedSince ? { updatedAt: { greater_than_equal: current.updatedSince } } : {},
    select: { updatedAt: true },
    limit: INCREMENTAL_MAX_EVENTS + 1,
    pagination: false,
  })
  if (changed.docs.length > INCREMENTAL_MAX_EVENTS) return rebuild(payload, version)
  const events = changed.docs.map((d) => d.id)
  const changedKeys = events.map(String)
  const rows = events.length ? await readRows(payload, { event: { in: events } }) : []
  const { totalDocs } = await payload.db.count({ collection: SLUGS.occurrences, where: publicOnly() })
  const replaced = changedKeys.reduce((n, k) => n + current.index.rowsOf(k), 0)
  if (current.index.size - replaced + rows.length !== totalDocs) return rebuild(payload, version)
  current.index.replaceEvents(changedKeys, rows)
  const updatedSince = changed.docs
    .map((d) => d.updatedAt ?? '')
    .sort()
    .at(-1)
  return { index: current.index, version, updatedSince: updatedSince || current.updatedSince }
}

const sync = async (version: string) => {
  const payload = await getPayload()
  state = state ? await catchUp(payload, state, version) : await rebuild(payload, version)
}

/**
 * The search index if it matches the current data, else null (the caller asks the database). A change
 * starts a catch-up; with `wait`, the caller waits up to SYNC_WAIT_MS for it. The first build runs in the
 * background.
 */
export const currentSearchIndex = async ({ wait }: { wait: boolean }): Promise<AgendaIndex | null> => {
  const version = await dataVersion()
  if (state?.version === version) return state.index
  if (!syncing) {
    const job = sync(version)
    syncing = job
    job
      .catch((error) => console.error('[search] index sync failed', error))
      .finally(() => {
        if (syncing === job) syncing = null
      })
  }
  if (!wait || !state || !syncing) return null
  await withinMs(syncing, SYNC_WAIT_MS, undefined)
  return state?.version === version ? state.index : null
}

/** For tests: drop the index (the next call rebuilds it). */
export const resetSearchIndex = () => {
  state = null
  syncing = null
}
