import type { Event } from '../../cms/payload-types'
import { refId } from '../access/roles'
import type { NoticeKind } from '../enums'
import { expandSchedule, type Occurrence, romeDay, type ScheduleInput } from './recurrence'

type Id = number | string

/**
 * The published values that decide when, where and whether a booked date happens: what a change notice
 * compares. Small and plain (ids, ISO strings), so it travels in a job's input.
 */
export type DatesSnapshot = {
  start: string
  end: string | null
  allDay: boolean
  recurrence: ScheduleInput['recurrence']
  changedDates: ScheduleInput['changedDates']
  status: string
  library: Id | null
  venue: Id | null
  placeNotes: string | null
  onlineUrl: string | null
}

const iso = (value: unknown): string | null => {
  if (!value) return null
  const d = new Date(value as string)
  return Number.isNaN(d.getTime()) ? null : d.toISOString()
}

type SnapshotSource = Pick<
  Event,
  | 'start'
  | 'end'
  | 'allDay'
  | 'recurrence'
  | 'changedDates'
  | 'status'
  | 'library'
  | 'venue'
  | 'placeNotes'
  | 'onlineUrl'
>

export const datesSnapshot = (event: SnapshotSource): DatesSnapshot => {
  const rec = event.recurrence
  return {
    start: iso(event.start) ?? String(event.start),
    end: iso(event.end),
    allDay: !!event.allDay,
    recurrence: rec
      ? {
          frequency: rec.frequency ?? 'none',
          interval: rec.interval ?? null,
          byWeekday: rec.byWeekday ?? null,
          until: iso(rec.until),
          count: rec.count ?? null,
          excludedDates: (rec.excludedDates ?? []).map((x) => ({ date: iso(x.date) })),
          extraDates: (rec.extraDates ?? []).map((x) => ({ start: iso(x.start) })),
        }
      : null,
    changedDates: (event.changedDates ?? []).map((c) => ({
      originalStart: iso(c.originalStart),
      start: iso(c.start),
      end: iso(c.end),
      status: c.status ?? null,
    })),
    status: event.status ?? 'scheduled',
    library: refId(event.library),
    venue: refId(event.venue),
    placeNotes: event.placeNotes?.trim() || null,
    onlineUrl: event.onlineUrl?.trim() || null,
  }
}

/** One booked date as a snapshot shows it. */
export type DateState = { start: Date; end: Date; status: string }

export type DateChange = {
  /** The date as it was: its bookings are on `before.start`. */
  before: DateState
  /** The date as it is now; null when it left the schedule (treated as cancelled). */
  after: DateState | null
  kind: NoticeKind
  time: boolean
  place: boolean
  status: boolean
}

/** `full`: "Esaurito" and its reopening count as status changes (for followers; people with a place ignore them). */
export type DateChangeOptions = { full?: boolean }

const effective = (o: Occurrence, event: DatesSnapshot, options: DateChangeOptions) => {
  const s = o.status ?? event.status ?? 'scheduled'
  return s === 'full' && !options.full ? 'scheduled' : s
}

// Venue and library ids are numbered apart: venue 1 is not library 1.
const placeKey = (s: DatesSnapshot) =>
  JSON.stringify([s.venue != null ? `venue:${s.venue}` : `library:${s.library}`, s.placeNotes, s.onlineUrl])

const repeats = (s: DatesSnapshot) =>
  (!!s.recurrence?.frequency && s.recurrence.frequency !== 'none') || (s.recurrence?.extraDates?.length ?? 0) > 0

/**
 * The coming dates of an event whose time, place or status differ between two snapshots, each paired with
 * what it became. Dates are paired by their original start (a moved date of a series keeps it), then by the
 * Rome day of the original start (the series' time changed), then a one-off event with itself; a coming date
 * with no partner left the schedule. A date that was already cancelled has nothing more to tell.
 */
export const dateChanges = (
  before: DatesSnapshot,
  after: DatesSnapshot,
  now = new Date(),
  options: DateChangeOptions = {},
): DateChange[] => {
  const prev = expandSchedule(before, now).occurrences.filter((o) => o.start.getTime() > now.getTime())
  if (!prev.length) return []
  const next = expandSchedule(after, now).occurrences
  const pairs = new Map<Occurrence, Occurrence | null>()
  const taken = new Set<Occurrence>()
  const byOriginal = new Map(next.map((o) => [o.originalStart.getTime(), o]))
  for (const p of prev) {
    const n = byOriginal.get(p.originalStart.getTime())
    if (n && !taken.has(n)) {
      pairs.set(p, n)
      taken.add(n)
    }
  }
  const byDay = new Map<string, Occurrence[]>()
  for (const n of next) {
    if (taken.has(n)) continue
    const day = romeDay(n.originalStart)
    byDay.set(day, [...(byDay.get(day) ?? []), n])
  }
  for (const p of prev) {
    if (pairs.has(p)) continue
    const n = byDay.get(romeDay(p.originalStart))?.shift()
    if (n) {
      pairs.set(p, n)
      taken.add(n)
    }
  }
  const lonely = prev.filter((p) => !pairs.has(p))
  const free = next.filter((n) => !taken.has(n))
  if (!repeats(before) && !repeats(after) && lonely.length === 1 && free.length === 1)
    pairs.set(lonely[0] as Occurrence, free[0] as Occurrence)

  const placeChanged = placeKey(before) !== placeKey(after)
  const changes: DateChange[] = []
  for (const p of prev) {
    const was = effective(p, before, options)
    if (was === 'cancelled') continue
    const n = pairs.get(p) ?? null
    const is = n ? effective(n, after, options) : 'cancelled'
    const cancelled = is === 'cancelled'
    const time = !cancelled && !!n && (n.start.getTime() !== p.start.getTime() || n.end.getTime() !== p.end.getTime())
    const place = !cancelled && placeChanged
    const status = is !== was
    if (!time && !place && !status) continue
    const kind: NoticeKind = cancelled
      ? 'cancelled'
      : is === 'postponed' && status
        ? 'postponed'
        : time
          ? 'moved'
          : place
            ? 'place'
            : 'status'
    changes.push({
      before: { start: p.start, end: p.end, status: was },
      after: n ? { start: n.start, end: n.end, status: is } : null,
      kind,
      time,
      place,
      status,
    })
  }
  return changes
}
