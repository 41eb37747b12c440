import type { Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import { SLUGS } from '../../collections/slugs'
import type { Library, Occurrence } from '../payload-types'
import { type AttendanceScope, within } from './scope'

type Id = number | string

/**
 * How far back a date waits for its attendance: older dates can still be recorded (or corrected) in the
 * collection, but no list or mail asks for them any more.
 */
export const WAITING_DAYS = 90
const DAY = 86_400_000

export type WaitingDate = {
  event: Id
  title: string
  start: string
  end: string
  library: Id | null
  libraryName: string | null
  system: Id
}

/** Statuses announced before the date: nothing to count. */
const NOT_HELD = ['cancelled', 'postponed']

const key = (event: unknown, start: string) => `${String(refId(event))}|${new Date(start).toISOString()}`

/**
 * The past dates of published events within `scope` that have no attendance yet, newest first: dates that
 * ended within the last `WAITING_DAYS` days and were not cancelled or postponed beforehand. Two indexed reads
 * (the window's dates, the window's attendance rows: keys only) and their difference.
 */
const openDates = async (payload: Payload, scope: AttendanceScope, now: Date): Promise<Occurrence[]> => {
  const since = new Date(now.getTime() - WAITING_DAYS * DAY).toISOString()
  const window: Where[] = [{ start: { greater_than_equal: since } }, { start: { less_than: now.toISOString() } }]
  const [dates, recorded] = await Promise.all([
    payload.find({
      collection: SLUGS.occurrences,
      where: within(scope, [
        ...window,
        { end: { less_than_equal: now.toISOString() } },
        { or: [{ status: { exists: false } }, { status: { not_in: NOT_HELD } }] },
      ]),
      sort: ['-start', 'id'],
      pagination: false,
      depth: 0,
      select: { event: true, title: true, start: true, end: true, library: true, system: true },
      overrideAccess: true, // scoped above, with the attendance collection's own rule
    }),
    payload.find({
      collection: SLUGS.attendance,
      where: within(scope, window),
      pagination: false,
      depth: 0,
      select: { event: true, start: true },
      overrideAccess: true,
    }),
  ])
  const done = new Set(recorded.docs.map((r) => key(r.event, r.start)))
  return (dates.docs as Occurrence[]).filter((d) => !done.has(key(d.event, d.start)))
}

export const waitingDates = async (
  payload: Payload,
  scope: AttendanceScope,
  now: Date = new Date(),
): Promise<WaitingDate[]> => {
  const open = await openDates(payload, scope, now)
  const names = await libraryNames(
    payload,
    open.map((d) => refId(d.library)),
  )
  return open.map((d) => ({
    event: refId(d.event) as Id,
    title: d.title,
    start: new Date(d.start).toISOString(),
    end: d.end,
    library: refId(d.library),
    libraryName: names.get(String(refId(d.library))) ?? null,
    system: refId(d.system) as Id,
  }))
}

/** How many dates wait (the dashboard's figure). */
export const countWaiting = async (payload: Payload, scope: AttendanceScope, now: Date = new Date()) =>
  (await openDates(payload, scope, now)).length

const libraryNames = async (payload: Payload, ids: (Id | null)[]) => {
  const wanted = [...new Set(ids.filter((id): id is Id => id != null).map(String))]
  if (!wanted.length) return new Map<string, string>()
  const { docs } = await payload.find({
    collection: SLUGS.libraries,
    where: { id: { in: wanted } },
    pagination: false,
    depth: 0,
    select: { name: true },
    overrideAccess: true, // public names
  })
  return new Map((docs as Library[]).map((l) => [String(l.id), l.name]))
}
