import type { Payload, PayloadRequest } from 'payload'
import { AGE_BANDS, type AgeBand } from '../../collections/enums'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import type { Event, Occurrence, Registration } from '../payload-types'
import type { DateKey } from './places'

type Id = number | string

export type RegistrationSettings = {
  mode: 'off' | 'required' | 'optional'
  places: number | null
  maxPerBooking: number
  closesHoursBefore: number
  ageBands: AgeBand[]
  waitingList: boolean
  /** Booking opens this many days before a date (null: as soon as the event is published). */
  opensDaysBefore: number | null
  /** Hours a waiting party has to accept a freed place. */
  offerHours: number
  question: string | null
}

export const settingsOf = (event: Pick<Event, 'registration'>): RegistrationSettings => {
  const r = event.registration ?? {}
  return {
    mode: (r.mode as RegistrationSettings['mode']) ?? 'off',
    places: typeof r.places === 'number' && r.places > 0 ? r.places : null,
    maxPerBooking: typeof r.maxPerBooking === 'number' && r.maxPerBooking > 0 ? r.maxPerBooking : 6,
    closesHoursBefore: typeof r.closesHoursBefore === 'number' ? Math.max(0, r.closesHoursBefore) : 0,
    ageBands: (r.ageBands ?? []).filter((b): b is AgeBand => (AGE_BANDS as string[]).includes(b)),
    waitingList: r.waitingList !== false,
    opensDaysBefore: typeof r.opensDaysBefore === 'number' && r.opensDaysBefore > 0 ? r.opensDaysBefore : null,
    offerHours: typeof r.offerHours === 'number' && r.offerHours > 0 ? r.offerHours : 24,
    question: r.question?.trim() || null,
  }
}

/** When booking a date opens (null: already open). */
export const opensAt = (settings: RegistrationSettings, start: Date) =>
  settings.opensDaysBefore == null ? null : new Date(start.getTime() - settings.opensDaysBefore * 86_400_000)

/** The places of one date: its own figure (a changed date's), else the event's; null: no limit. */
export const capacityOf = (settings: RegistrationSettings, occurrence: Pick<Occurrence, 'places'> | null) =>
  typeof occurrence?.places === 'number' && occurrence.places > 0 ? occurrence.places : settings.places

/** When booking a date closes: its start, less the event's `closesHoursBefore`. */
export const closesAt = (settings: RegistrationSettings, start: Date) =>
  new Date(start.getTime() - settings.closesHoursBefore * 3_600_000)

export const publishedEvent = async (payload: Payload, id: Id) => {
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: id } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as Event | undefined) ?? null
}

export const occurrenceAt = async (payload: Payload, event: Id, start: Date) => {
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where: { and: [{ event: { equals: event } }, { start: { equals: start.toISOString() } }] },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  return (docs[0] as Occurrence | undefined) ?? null
}

export const dateClosed = (event: Pick<Event, 'status'>, occurrence: Pick<Occurrence, 'status'>) =>
  occurrence.status === 'cancelled' ||
  occurrence.status === 'postponed' ||
  event.status === 'cancelled' ||
  event.status === 'postponed'

/** The waiting parties of a date, first come first. */
export const waitingOn = async (payload: Payload, key: DateKey, req?: PayloadRequest) =>
  (
    await payload.find({
      collection: SLUGS.registrations,
      where: {
        and: [
          { event: { equals: key.event } },
          { start: { equals: key.start.toISOString() } },
          { status: { equals: 'waiting' } },
        ],
      },
      sort: 'createdAt',
      select: { people: true, createdAt: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      req,
    })
  ).docs as Pick<Registration, 'id' | 'people' | 'createdAt'>[]

/** Queues the offer of freed places to the waiting list of a date (the `promoteWaitingList` job). */
export const queuePromotion = (payload: Payload, key: DateKey, req?: PayloadRequest) =>
  payload.jobs.queue({
    task: TASKS.promoteWaitingList,
    input: { event: String(key.event), start: key.start.toISOString() },
    queue: QUEUES.mail,
    req,
  })
