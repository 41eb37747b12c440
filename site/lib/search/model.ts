import type { ListField, ResolvedFilters } from '../../../collections/filter-registry'
import { numberStem, suggestWords } from './suggest'

/** Ids as the adapters return them (numbers on SQLite, strings on MongoDB), compared as strings. */
export type Key = string

/** What the index keeps of an occurrence row: the fields the agenda filters on, nothing shown. */
export type IndexedRow = {
  id: Key
  event: Key
  start: number
  end: number
  /** The values of each list filter's field (one id or code, or several). */
  lists: Record<ListField, Key[]>
  ageMin: number
  ageMax: number
  free: boolean
  searchText: string
  /** The event's title as shown (the month view groups a day's dates by it). */
  title: string
}

// Every filter field of an occurrence is copied from its event (collections/Events/hooks/materializeOccurrences.ts),
// so they are kept once per event; rows keep only what differs between dates.
type EventEntry = {
  fields: Record<ListField, Key[]> & {
    ageMin: number
    ageMax: number
    free: boolean
  }
  words: Int32Array
  title: string
  rows: { id: Key; start: number; end: number }[]
}

type Table = {
  events: EventEntry[]
  keys: Key[]
  start: Float64Array
  end: Float64Array
  event: Int32Array
  ids: Key[]
}

const idOrder = (id: Key): number | string => (/^\d+$/.test(id) ? Number(id) : id)

/**
 * The agenda's occurrences in memory, evaluated with the same rules as `whereOf` (site/lib/agenda.ts):
 * OR inside a filter, AND across filters, every search word a prefix of a word of the event's folded text,
 * rows overlapping [from, to), ordered by start then id. A query decides each event once, then walks the
 * rows in date order as typed arrays.
 */
export class AgendaIndex {
  private readonly entries = new Map<Key, EventEntry>()
  private readonly vocabulary: string[] = []
  private readonly wordIds = new Map<string, number>()
  /** In how many indexed events each vocabulary word occurs (words of withdrawn events stay, at 0). */
  private readonly wordEvents: number[] = []
  /** Number stems of the vocabulary and its ids in alphabetical order (suggest.ts), brought up to date when asked. */
  private readonly wordStems: string[] = []
  private sortedWords = new Int32Array(0)
  private table: Table | null = null
  private rowCount = 0

  get size() {
    return this.rowCount
  }

  rowsOf(event: Key) {
    return this.entries.get(event)?.rows.length ?? 0
  }

  /** Every row of these events is replaced by `rows` (an event re-published, changed or withdrawn). */
  replaceEvents(events: Iterable<Key>, rows: IndexedRow[]) {
    for (const event of new Set([...events, ...rows.map((r) => r.event)])) {
      const gone = this.entries.get(event)
      if (!gone) continue
      this.rowCount -= gone.rows.length
      for (const id of gone.words) this.wordEvents[id] = (this.wordEvents[id] as number) - 1
      this.entries.delete(event)
    }
    for (const row of rows) {
      let entry = this.entries.get(row.event)
      if (!entry) {
        entry = {
          fields: { ...row.lists, ageMin: row.ageMin, ageMax: row.ageMax, free: row.free },
          words: this.intern(row.searchText),
          title: row.title,
          rows: [],
        }
        this.entries.set(row.event, entry)
      }
      entry.rows.push({ id: row.id, start: row.start, end: row.end })
      this.rowCount++
    }
    this.table = null
  }

  /** One page of matching row ids in agenda order, and how many rows match in all. */
  query(f: ResolvedFilters, { page, limit }: { page: number; limit: number }): { ids: Key[]; totalDocs: number } {
    const first = (page - 1) * limit
    const ids: Key[] = []
    let totalDocs = 0
    this.forEachMatch(f, (id) => {
      if (totalDocs >= first && ids.length < limit) ids.push(id)
      totalDocs++
    })
    return { ids, totalDocs }
  }

  /** The event, start and end of every matching row, in agenda order. */
  matchingRows(f: ResolvedFilters): { event: Key; start: number; end: number }[] {
    const { keys } = this.table ?? this.buildTable()
    const rows: { event: Key; start: number; end: number }[] = []
    this.forEachMatch(f, (_id, start, event, end) => {
      rows.push({ event: keys[event] as Key, start, end })
    })
    return rows
  }

  /** How many distinct events have a matching row. */
  countEvents(f: ResolvedFilters): number {
    const table = this.table ?? this.buildTable()
    const seen = new Uint8Array(table.events.length)
    let count = 0
    this.forEachMatch(f, (_id, _start, event) => {
      if (seen[event] === 0) {
        seen[event] = 1
        count++
      }
    })
    return count
  }

  /**
   * For each value of a list field (a system, a library, a rassegna…): how many events have a date still to
   * come or going on at `from`, and the start of the first such date. One pass over the rows, no query.
   */
  upcomingBy(field: ListField, from: number): Map<Key, { events: number; next: number }> {
    const table = this.table ?? this.buildTable()
    const seen = new Uint8Array(table.events.length)
    const counts = new Map<Key, { events: number; next: number }>()
    for (let i = 0; i < table.ids.length; i++) {
      const e = table.event[i] as number
      if (seen[e] === 1 || (table.end[i] as number) <= from) continue
      seen[e] = 1 // rows come by start: this is the event's first date still to come or going on
      const start = table.start[i] as number
      for (const value of (table.events[e] as EventEntry).fields[field]) {
        const known = counts.get(value)
        if (known) known.events++
        else counts.set(value, { events: 1, next: start })
      }
    }
    return counts
  }

  /**
   * The query's words corrected against the vocabulary ("Forse cercavi …", site/lib/search/suggest.ts), or
   * null when there is nothing to correct. Only words of events in the index count.
   */
  suggest(words: string[]): string[] | null {
    const { vocabulary, wordStems: stems } = this
    for (let id = stems.length; id < vocabulary.length; id++) stems.push(numberStem(vocabulary[id] as string))
    if (this.sortedWords.length !== vocabulary.length)
      this.sortedWords = Int32Array.from(vocabulary.keys()).sort((a, b) =>
        (vocabulary[a] as string) < (vocabulary[b] as string) ? -1 : 1,
      )
    return suggestWords(words, {
      words: vocabulary,
      sorted: this.sortedWords,
      stem: (id) => stems[id] as string,
      events: (id) => this.wordEvents[id] ?? 0,
    })
  }

  /** The key, title and library of the event at a position that forEachMatch reports. */
  eventAt(event: number): { key: Key; title: string; library: Key | null } {
    const table = this.table ?? this.buildTable()
    const entry = table.events[event] as EventEntry
    return { key: table.keys[event] as Key, title: entry.title, library: entry.fields.library[0] ?? null }
  }

  /** Every matching row, in agenda order (`event`: the event's position in this index, for counting). */
  forEachMatch(f: ResolvedFilters, visit: (id: Key, start: number, event: number, end: number) => void) {
    const table = this.table ?? this.buildTable()
    const pass = this.eventsMatching(table.events, f)
    const from = f.from.getTime()
    const to = f.to?.getTime() ?? Number.POSITIVE_INFINITY
    for (let i = 0; i < table.ids.length; i++) {
      const start = table.start[i] as number
      if (start >= to) break
      const end = table.end[i] as number
      if (end <= from || pass[table.event[i] as number] === 0) continue
      visit(table.ids[i] as Key, start, table.event[i] as number, end)
    }
  }

  private eventsMatching(events: EventEntry[], f: ResolvedFilters): Uint8Array {
    const lists = f.lists.map(({ field, values }) => ({ field, values: new Set(values.map(String)) }))
    const masks = f.words.map((word) => {
      const mask = new Uint8Array(this.vocabulary.length)
      for (let id = 0; id < this.vocabulary.length; id++) if (this.vocabulary[id]?.startsWith(word)) mask[id] = 1
      return mask
    })
    const anyWord = (words: Int32Array, mask: Uint8Array) => {
      for (let i = 0; i < words.length; i++) if (mask[words[i] as number] === 1) return true
      return false
    }
    const pass = new Uint8Array(events.length)
    events.forEach(({ fields, words }, i) => {
      if (lists.some(({ field, values }) => !fields[field].some((v) => values.has(v)))) return
      if (f.eta.length && !f.eta.some((age) => fields.ageMin <= age && fields.ageMax >= age)) return
      if (f.free && !fields.free) return
      if (!masks.every((mask) => anyWord(words, mask))) return
      pass[i] = 1
    })
    return pass
  }

  private buildTable(): Table {
    const events = [...this.entries.values()]
    const keys = [...this.entries.keys()]
    const rows = events.flatMap((entry, e) => entry.rows.map((r) => ({ ...r, e, order: idOrder(r.id) })))
    rows.sort((a, b) => a.start - b.start || (a.order < b.order ? -1 : a.order > b.order ? 1 : 0))
    this.table = {
      events,
      keys,
      start: Float64Array.from(rows, (r) => r.start),
      end: Float64Array.from(rows, (r) => r.end),
      event: Int32Array.from(rows, (r) => r.e),
      ids: rows.map((r) => r.id),
    }
    return this.table
  }

  private intern(text: string): Int32Array {
    const ids = new Set<number>()
    for (const word of text.split(' ')) {
      if (!word) continue
      let id = this.wordIds.get(word)
      if (id === undefined) {
        id = this.vocabulary.length
        this.vocabulary.push(word)
        this.wordEvents.push(0)
        this.wordIds.set(word, id)
      }
      ids.add(id)
    }
    for (const id of ids) this.wordEvents[id] = (this.wordEvents[id] as number) + 1
    return Int32Array.from(ids)
  }
}
