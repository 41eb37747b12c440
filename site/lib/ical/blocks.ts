// Each event's rendered VEVENTs, kept between feed builds: a rebuild after a change re-renders only the events
// whose block key moved and recomposes the calendar from the rest.
import { createHash } from 'node:crypto'
import type { Event } from '../../../cms/payload-types'
import { type RenderedEvent, type RenderOptions, renderEvent } from '../../../collections/lib/ical/build'
import { absoluteUrl } from '../urls'
import {
  datesByEvent,
  type Id,
  type Named,
  type Refs,
  type Row,
  readEvents,
  refsOf,
  type Shown,
  shownOf,
  toFeedEvent,
} from './load'

/** What the blocks and the events' references may take in memory (bytes; the site's RSS budget is 300 MB). */
const MAX_BYTES = Number(process.env.FEED_BLOCK_CACHE_MAX_BYTES ?? 24 * 1024 * 1024)
/** A Map entry, its key and an object header, roughly. */
const ENTRY_OVERHEAD = 160

/** Entries by recency of use: the least recently used go first once the bytes pass `max`. */
class ByteLru<V> {
  private entries = new Map<string, { value: V; bytes: number }>()
  bytes = 0
  constructor(public max: number) {}
  get size() {
    return this.entries.size
  }
  get(key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry.value
  }
  set(key: string, value: V, bytes: number) {
    this.delete(key)
    this.entries.set(key, { value, bytes })
    this.bytes += bytes
    this.trim()
  }
  trim() {
    while (this.bytes > this.max && this.entries.size > 0) this.delete(this.entries.keys().next().value as string)
  }
  delete(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.bytes -= entry.bytes
  }
  clear() {
    this.entries.clear()
    this.bytes = 0
  }
}

/**
 * `r:<id>`: the documents an event names, as of its updatedAt. `b:<options>:<id>`: its VEVENTs for one set of render
 * options (null: none in range), with the key they were rendered under.
 */
type RefsEntry = { updatedAt: string; refs: Refs }
type BlockEntry = { key: string; block: RenderedEvent | null }
const held = new ByteLru<RefsEntry | BlockEntry>(MAX_BYTES)

export const clearFeedBlocks = () => held.clear()
/** For tests: another memory budget (default FEED_BLOCK_CACHE_MAX_BYTES). */
export const setFeedBlocksBudget = (bytes = MAX_BYTES) => {
  held.max = bytes
  held.trim()
}
/** How many entries and bytes the cache holds (the bench reports it). */
export const feedBlocksSize = () => ({ entries: held.size, bytes: held.bytes })

const refsBytes = (refs: Refs) => ENTRY_OVERHEAD + 80 + 16 * (refs.categories.length + refs.audiences.length)
/** Strings counted at two bytes a character (V8 keeps Latin-1 text at one). */
const blockBytes = ({ key, block }: BlockEntry) => ENTRY_OVERHEAD + 2 * (key.length + (block?.text.length ?? 0))

/** An event's rows as they were read: their text is the key, Dates are made only for the events rendered. */
const rowsByEvent = (rows: Row[]): Map<Id, Row[]> => {
  const map = new Map<Id, Row[]>()
  for (const row of rows) {
    const own = map.get(row.event)
    if (own) own.push(row)
    else map.set(row.event, [row])
  }
  return map
}

const datesKey = (rows: Row[] | undefined) =>
  (rows ?? []).map((r) => `${r.start}|${r.end}|${r.originalStart}|${r.status ?? ''}|${r.note ?? ''}`).join('\n')

/** The render options and what else every block depends on, as a short name. */
const optionsSlot = (options: RenderOptions) =>
  createHash('sha1')
    .update(
      JSON.stringify([
        options.now.getTime(),
        options.from?.getTime() ?? null,
        options.until?.getTime() ?? null,
        !!options.transparent,
        absoluteUrl('/'), // event URLs, UIDs and the organiser's fallback address
      ]),
    )
    .digest('base64url')

export type Composed = { rendered: RenderedEvent[]; lastModified: number }
/** What the latest composition read through the Local API and rendered (tests and the bench check it). */
export type ComposeStats = { events: number; read: number; rendered: number }
let lastStats: ComposeStats = { events: 0, read: 0, rendered: 0 }
export const lastComposeStats = (): ComposeStats => lastStats

/**
 * The VEVENTs of the events `ids` (in that order) that `versions` lists as published and public, with the latest
 * change among them and the documents they show. An event is read through the Local API only when its updatedAt
 * is not the one its references were kept at, or its block must be rendered.
 *
 * A block's key is everything its text depends on: the event's own fields by its updatedAt (every save moves it),
 * what it shows of the documents it names by value (names, places, addresses, the organiser), its dates in this
 * feed, and the render options (the slot of its cache entry).
 */
export const composeEvents = async (
  ids: Id[],
  rows: Row[],
  versions: Map<Id, string>,
  named: Named,
  options: RenderOptions,
): Promise<Composed> => {
  const docs = new Map<Id, Event>()
  const stats: ComposeStats = { events: 0, read: 0, rendered: 0 }
  const load = async (wanted: Id[]) => {
    stats.read += wanted.length
    for (const doc of await readEvents(wanted)) {
      docs.set(doc.id, doc)
      const refs = refsOf(doc)
      held.set(`r:${doc.id}`, { updatedAt: doc.updatedAt, refs }, refsBytes(refs))
    }
  }
  const live = ids.filter((id) => versions.has(id))
  const stale = live.filter((id) => (held.get(`r:${id}`) as RefsEntry | undefined)?.updatedAt !== versions.get(id))
  await load(stale)
  // Not read back: unpublished since its version was read.
  const gone = new Set(stale.filter((id) => !docs.has(id)))

  const slot = optionsSlot(options)
  const dates = rowsByEvent(rows)
  // Events naming the same documents show the same of them: resolved and serialised once per composition.
  const shownMemo = new Map<string, { shown: Shown; text: string }>()
  const keyOf = (id: Id, { updatedAt, refs }: RefsEntry) => {
    const names = `${refs.system}|${refs.library}|${refs.venue}|${refs.categories.join(',')}|${refs.audiences.join(',')}`
    let memo = shownMemo.get(names)
    if (!memo) {
      const shown = shownOf(refs, named)
      memo = { shown, text: JSON.stringify(shown) }
      shownMemo.set(names, memo)
    }
    return { shown: memo.shown, updatedAt, key: `${updatedAt}\n${memo.text}\n${datesKey(dates.get(id))}` }
  }
  const plan = live
    .filter((id) => !gone.has(id))
    .map((id) => {
      const doc = docs.get(id)
      const entry = doc
        ? { updatedAt: doc.updatedAt, refs: refsOf(doc) }
        : (held.get(`r:${id}`) as RefsEntry | undefined)
      const keyed = entry ? keyOf(id, entry) : null
      // The block itself, taken now: later insertions may push it out of the cache.
      const kept = keyed ? (held.get(`b:${slot}:${id}`) as BlockEntry | undefined) : undefined
      return { id, keyed, block: kept && kept.key === keyed?.key ? kept.block : undefined }
    })
  await load(plan.filter((p) => p.block === undefined && !docs.has(p.id)).map((p) => p.id))

  let lastModified = 0
  const rendered: RenderedEvent[] = []
  for (const { id, keyed, block: cached } of plan) {
    let block = cached
    let shown = keyed?.shown
    let updatedAt = keyed?.updatedAt ?? ''
    if (block === undefined) {
      const doc = docs.get(id)
      if (!doc) continue // unpublished since its version was read
      const fresh = keyOf(id, { updatedAt: doc.updatedAt, refs: refsOf(doc) })
      ;({ shown, updatedAt } = fresh)
      block = renderEvent(toFeedEvent(doc, fresh.shown, datesByEvent(dates.get(id) ?? [])), options)
      const entry = { key: fresh.key, block }
      held.set(`b:${slot}:${id}`, entry, blockBytes(entry))
      stats.rendered++
    }
    lastModified = Math.max(lastModified, updatedAt ? Date.parse(updatedAt) : 0, shown?.lastModified ?? 0)
    if (block) rendered.push(block)
  }
  stats.events = rendered.length
  lastStats = stats
  return { rendered, lastModified }
}
