import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { libraryYears } from './annual'
import { byIds, type Id } from './read'

/** A published count: the number, or "<5" when it is under 5 (small-number suppression). */
export type Published = number | '<5'
export const SUPPRESSED = '<5' as const
export const SMALL = 5

export type FigureRow = { name: string; events: Published; dates: Published; attendance: Published }
export type NetworkFigures = {
  year: number
  total: FigureRow
  bySystem: FigureRow[]
  byCategory: FigureRow[]
  byAudience: FigureRow[]
}

type Raw = { name: string; events: number; dates: number; attendance: number }
const MEASURES = ['events', 'dates', 'attendance'] as const

/**
 * Small-number suppression of one breakdown (the rows of a table, one measure at a time): every count under 5
 * (0 included) is published as "<5". When a single cell of a measure is suppressed, the smallest other cell of
 * that measure is suppressed too, so that the published total minus the other cells never gives the hidden one
 * back. (The breakdowns by category and audience overlap, a date counting under each of its categories, so
 * their sum is not the total; the same rule is applied to them all the same.) The total itself is published
 * as counted, itself suppressed when under 5.
 */
export const suppress = (rows: Raw[]): FigureRow[] => {
  const out: FigureRow[] = rows.map((r) => ({ ...r }))
  for (const m of MEASURES) {
    const small = rows.flatMap((r, i) => (r[m] < SMALL ? [i] : []))
    for (const i of small) (out[i] as FigureRow)[m] = SUPPRESSED
    if (small.length === 1) {
      const next = rows
        .map((r, i) => ({ value: r[m], i }))
        .filter(({ i }) => i !== small[0])
        .sort((a, b) => a.value - b.value)[0]
      if (next) (out[next.i] as FigureRow)[m] = SUPPRESSED
    }
  }
  return out
}

const publish = (n: number): Published => (n < SMALL ? SUPPRESSED : n)

/**
 * The network's public figures of a year: public dates held (not staff-only, not cancelled or postponed), the
 * events they belong to and their attendance, in total, by system, by category and by audience, with
 * small-number suppression (`suppress`). Built on `libraryYears` (the per-library summary's scan), summed.
 * An event counts under the library of its dates, so a system's events are its libraries' events.
 */
export const networkFigures = async (payload: Payload, year: number): Promise<NetworkFigures> => {
  const years = await libraryYears(payload, { kind: 'network' }, year)
  const sum = (pick: (y: (typeof years)[number]) => number) => years.reduce((n, y) => n + pick(y), 0)
  const systems = await byIds<{ id: Id; name: string }>(
    payload,
    SLUGS.systems,
    years.map((y) => y.system),
    { name: true },
  )
  const bySystem = new Map<string, Raw>()
  for (const y of years) {
    const name = systems.get(String(y.system))?.name ?? ''
    const r = bySystem.get(name) ?? { name, events: 0, dates: 0, attendance: 0 }
    r.events += y.events
    r.dates += y.dates
    r.attendance += y.attendance
    bySystem.set(name, r)
  }
  const breakdown = async (prefix: 'cat:' | 'aud:', collection: 'categories' | 'audiences') => {
    const keys = [...new Set(years.flatMap((y) => Object.keys(y.datesBy).filter((k) => k.startsWith(prefix))))]
    const names = await byIds<{ id: Id; name: string }>(
      payload,
      collection,
      keys.map((k) => k.slice(prefix.length)),
      { name: true },
    )
    return keys.map((k) => ({
      name: names.get(k.slice(prefix.length))?.name ?? '',
      events: sum((y) => y.eventsBy[k] ?? 0),
      dates: sum((y) => y.datesBy[k] ?? 0),
      attendance: sum((y) => y.attendanceBy[k] ?? 0),
    }))
  }
  const byName = (a: Raw, b: Raw) => a.name.localeCompare(b.name, 'it')
  const total = { events: sum((y) => y.events), dates: sum((y) => y.dates), attendance: sum((y) => y.attendance) }
  return {
    year,
    total: {
      name: '',
      events: publish(total.events),
      dates: publish(total.dates),
      attendance: publish(total.attendance),
    },
    bySystem: suppress([...bySystem.values()].sort(byName)),
    byCategory: suppress((await breakdown('cat:', SLUGS.categories)).sort(byName)),
    byAudience: suppress((await breakdown('aud:', SLUGS.audiences)).sort(byName)),
  }
}
