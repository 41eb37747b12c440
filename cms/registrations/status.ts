import type { Payload, PayloadRequest, Where } from 'payload'
import { HOLDS_PLACE, type RegistrationStatus } from '../../collections/enums'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Event, Registration } from '../payload-types'
import { releasing, withPlaces } from './places'
import { capacityOf, occurrenceAt, queuePromotion, settingsOf } from './settings'

type Id = number | string

/** The changes a booking's status may go through; anything else is refused with its reason. */
const ALLOWED: Record<RegistrationStatus, RegistrationStatus[]> = {
  confirmed: ['cancelled', 'attended'],
  attended: ['confirmed'],
  waiting: ['confirmed', 'offered', 'cancelled'],
  offered: ['confirmed', 'cancelled'],
  cancelled: [],
}

/** The mails a registration receives (the `sendRegistrationMail` job's kinds). */
export const MAIL_KINDS = ['confirmation', 'offer', 'offerExpired', 'reminder', 'updated', 'cancelled'] as const
export type MailKind = (typeof MAIL_KINDS)[number]

export const STATUS_ERRORS = catalogue('it').registrations.statusErrors
const LABELS = catalogue('it').registrations.statuses

export type StatusResult =
  | { ok: true; registration: Registration; from: RegistrationStatus }
  | { ok: false; code: 'notFound' | 'notAllowed' | 'changed' | 'full'; message: string }

export type StatusOptions = {
  now?: Date
  /** Take places even beyond the date's limit (staff moving someone off the waiting list on purpose). */
  force?: boolean
  /** Only from these statuses (e.g. accepting an offer needs `offered`). */
  from?: RegistrationStatus[]
  /** Further conditions the row must still meet when it is written (e.g. the nonce of a single-use link). */
  expect?: Record<string, string | number | null>
  /** Other fields written with the status. */
  data?: Partial<Registration>
  /** A mail to queue in the same transaction. */
  mail?: MailKind
}

class Changed extends Error {}

const fail = (code: Exclude<StatusResult, { ok: true }>['code'], message: string): StatusResult => ({
  ok: false,
  code,
  message,
})

/**
 * Changes a booking's status, keeping the date's places right: a change into a status that holds places
 * (confirmed, attended, offered) takes them first (refused when they are not there, unless `force`); a change
 * out of one gives them back and queues the offer of the freed places to the waiting list. The row is updated
 * only if it still has the status it was read with, so two staff members (or a staff member and the family's
 * link) can never both act on one booking.
 */
export const changeStatus = async (
  payload: Payload,
  id: Id,
  to: RegistrationStatus,
  options: StatusOptions = {},
): Promise<StatusResult> => {
  const now = options.now ?? new Date()
  const reg = (await payload.db.findOne({
    collection: SLUGS.registrations,
    where: { id: { equals: id } },
  })) as Registration | null
  if (!reg || reg.purgedAt) return fail('notFound', STATUS_ERRORS.notFound)
  const from = reg.status as RegistrationStatus
  if ((options.from && !options.from.includes(from)) || !ALLOWED[from]?.includes(to))
    return fail('notAllowed', STATUS_ERRORS.notAllowed(LABELS[from] ?? from, LABELS[to] ?? to))

  const eventId = typeof reg.event === 'object' ? reg.event.id : reg.event
  const key = { event: eventId, start: new Date(reg.start) }
  const people = reg.people ?? 0
  const stamps: Partial<Registration> =
    to === 'cancelled'
      ? { cancelledAt: now.toISOString(), offerExpiresAt: null }
      : to === 'attended'
        ? { checkedInAt: now.toISOString() }
        : to === 'offered'
          ? { offeredAt: now.toISOString() }
          : from === 'attended'
            ? { checkedInAt: null }
            : from === 'offered'
              ? { offerExpiresAt: null }
              : {}
  const takes = !HOLDS_PLACE.includes(from) && HOLDS_PLACE.includes(to)
  const releases = HOLDS_PLACE.includes(from) && !HOLDS_PLACE.includes(to)
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id: eventId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Event | null
  const settings = event ? settingsOf(event) : null

  const conditions: Where[] = [
    { id: { equals: id } },
    { status: { equals: from } },
    ...Object.entries(options.expect ?? {}).map(([field, value]): Where => ({ [field]: { equals: value } })),
  ]
  const write = async (req: PayloadRequest) => {
    const { docs } = await payload.update({
      collection: SLUGS.registrations,
      where: { and: conditions },
      data: { status: to, ...stamps, ...options.data },
      overrideAccess: true,
      depth: 0,
      req,
    })
    if (docs.length === 0) throw new Changed()
    if (options.mail)
      await payload.jobs.queue({
        task: TASKS.sendRegistrationMail,
        input: { registrationId: String(id), kind: options.mail },
        queue: QUEUES.mail,
        req,
      })
    if (releases && settings?.waitingList) await queuePromotion(payload, key, req)
    return docs[0] as Registration
  }

  try {
    if (takes) {
      const capacity = settings ? capacityOf(settings, await occurrenceAt(payload, eventId, key.start)) : null
      const held = await withPlaces(payload, key, people, capacity, write, options.force)
      return held.ok ? { ok: true, registration: held.value, from } : fail('full', STATUS_ERRORS.full)
    }
    const registration = await releasing(payload, key, releases ? people : 0, write)
    return { ok: true, registration, from }
  } catch (error) {
    if (error instanceof Changed) return fail('changed', STATUS_ERRORS.changed)
    throw error
  }
}
