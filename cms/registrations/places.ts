import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  type Payload,
  type PayloadRequest,
  type Where,
} from 'payload'
import { HOLDS_PLACE } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { PlaceCounter, Registration } from '../payload-types'

type Id = number | string

/** One date of one event: the unit places are counted on. */
export type DateKey = { event: Id; start: Date }

/**
 * How places are kept from being given twice:
 * - `count` (SQLite): the places taken are summed from the date's bookings and the write happens in the same
 *   write transaction, which on SQLite is `BEGIN IMMEDIATE` and serialises writers of every process.
 * - `counter` (adapter-neutral, MongoDB): a `place-counters` document per date is increased by one atomic
 *   conditional update (`taken + n <= capacity`: `findOneAndUpdate` on MongoDB, `UPDATE … WHERE … RETURNING`
 *   on SQLite); the booking is written only after the places were won, and they are given back if it fails.
 *   It needs no transaction isolation, which MongoDB's snapshot transactions do not give (write skew).
 * REGISTRATION_PLACES=counter|count forces one (tests run both here).
 */
export type PlacesPath = 'count' | 'counter'

export const placesPath = (payload: Payload): PlacesPath => {
  const forced = process.env.REGISTRATION_PLACES
  if (forced === 'counter' || forced === 'count') return forced
  return payload.db.name === 'sqlite' ? 'count' : 'counter'
}

const keyWhere = (key: DateKey): { and: Where[] } => ({
  and: [{ event: { equals: key.event } }, { start: { equals: key.start.toISOString() } }],
})

/** Places held on a date by its bookings (confirmed, attended, and offers not yet answered). */
export const sumHeld = async (payload: Payload, key: DateKey, req?: PayloadRequest) => {
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: { and: [...keyWhere(key).and, { status: { in: HOLDS_PLACE } }] },
    select: { people: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs.reduce((sum, d) => sum + ((d as Registration).people ?? 0), 0)
}

/** The date's counter, created from its bookings the first time (a unique index makes a racing create fail). */
const counterOf = async (payload: Payload, key: DateKey): Promise<PlaceCounter> => {
  for (let attempt = 0; attempt < 5; attempt++) {
    const found = (await payload.db.findOne({
      collection: SLUGS.placeCounters,
      where: keyWhere(key),
    })) as PlaceCounter | null
    if (found) return found
    try {
      return (await payload.db.create({
        collection: SLUGS.placeCounters,
        data: { event: key.event, start: key.start.toISOString(), taken: await sumHeld(payload, key) },
      })) as PlaceCounter
    } catch {
      // Another process created it first: read it on the next turn.
    }
  }
  throw new Error(`registrations: no place counter for event ${key.event} at ${key.start.toISOString()}`)
}

/** Atomically adds `n` to a date's counter, only while the result stays within `capacity` (null: no limit). */
const bump = async (payload: Payload, key: DateKey, n: number, capacity: number | null): Promise<boolean> => {
  await counterOf(payload, key)
  const guard: Where[] = capacity == null || n <= 0 ? [] : [{ taken: { less_than_equal: capacity - n } }]
  const updated = await payload.db.updateOne({
    collection: SLUGS.placeCounters,
    where: { and: [...keyWhere(key).and, ...guard] },
    data: { taken: { $inc: n } } as never,
    options: { atomic: true },
    returning: true,
  })
  return updated != null
}

export type Held<T> = { ok: true; value: T } | { ok: false }

/**
 * Takes `n` places on a date, then runs `write` (which changes the booking so that it holds them); nothing is
 * written when the places are not there. `capacity` null means no limit; `force` takes them even beyond it
 * (staff moving someone off the waiting list on purpose).
 */
export const withPlaces = async <T>(
  payload: Payload,
  key: DateKey,
  n: number,
  capacity: number | null,
  write: (req: PayloadRequest) => Promise<T>,
  force = false,
): Promise<Held<T>> => {
  const limit = force ? null : capacity
  if (placesPath(payload) === 'counter') {
    if (n > 0 && !(await bump(payload, key, n, limit))) return { ok: false }
    try {
      return { ok: true, value: await inTransaction(payload, write) }
    } catch (error) {
      if (n > 0) await bump(payload, key, -n, null)
      throw error
    }
  }
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    if (limit != null && n > 0 && (await sumHeld(payload, key, req)) + n > limit) {
      await killTransaction(req)
      return { ok: false }
    }
    const value = await write(req)
    if (shouldCommit) await commitTransaction(req)
    return { ok: true, value }
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}

/**
 * Runs `write` (which makes a booking stop holding `n` places) and gives the places back. On the counter path
 * a crash between the two leaves the counter too high: a date can look fuller than it is, never overbooked;
 * `reconcileCounter` repairs it (the waiting-list job calls it).
 */
export const releasing = async <T>(
  payload: Payload,
  key: DateKey,
  n: number,
  write: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const value = await inTransaction(payload, write)
  if (n > 0 && placesPath(payload) === 'counter') await bump(payload, key, -n, null)
  return value
}

/** Sets a date's counter to what its bookings hold (counter path only; a no-op on the count path). */
export const reconcileCounter = async (payload: Payload, key: DateKey) => {
  if (placesPath(payload) !== 'counter') return
  const counter = await counterOf(payload, key)
  const held = await sumHeld(payload, key)
  if (counter.taken !== held)
    await payload.db.updateOne({ collection: SLUGS.placeCounters, id: counter.id, data: { taken: held } })
}

/** Runs `write` in one transaction of its own (the booking, its job and its side rows commit together). */
export const inTransaction = async <T>(payload: Payload, write: (req: PayloadRequest) => Promise<T>): Promise<T> => {
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    const value = await write(req)
    if (shouldCommit) await commitTransaction(req)
    return value
  } catch (error) {
    await killTransaction(req)
    throw error
  }
}
