import type { Payload, Where } from 'payload'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import type { Registration, System } from '../payload-types'
import { inTransaction } from './places'

export const DEFAULT_REMINDER_HOURS = 24
const HOUR = 3_600_000

/** A system's reminder lead time in hours: its own figure (0: no reminders), 24 when unset. */
const hoursOf = (value: number | null | undefined) =>
  typeof value === 'number' && value >= 0 ? value : DEFAULT_REMINDER_HOURS

/**
 * The reminders due now: confirmed bookings with an address whose date starts within their system's
 * `registrationReminderHours` (and has not started). Each is marked `remindedAt` by one conditional update
 * (only while it is still empty and the booking still confirmed) in the same transaction that queues its mail,
 * so two runs, in one process or two, never remind a booking twice. A booking made (or offered its place) after
 * its reminder would have gone out is not reminded: its confirmation has just arrived. Returns how many were
 * queued.
 */
export const sendReminders = async (payload: Payload, now = new Date()): Promise<number> => {
  const { docs: systems } = await payload.find({
    collection: SLUGS.systems,
    select: { registrationReminderHours: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const scopes: { where: Where; hours: number }[] = [
    ...(systems as Pick<System, 'id' | 'registrationReminderHours'>[]).map((s) => ({
      where: { system: { equals: s.id } },
      hours: hoursOf(s.registrationReminderHours),
    })),
    { where: { system: { exists: false } }, hours: DEFAULT_REMINDER_HOURS },
  ]
  let reminded = 0
  for (const { where, hours } of scopes) {
    if (hours <= 0) continue
    const { docs } = await payload.find({
      collection: SLUGS.registrations,
      where: {
        and: [
          where,
          { status: { equals: 'confirmed' } },
          { start: { greater_than: now.toISOString() } },
          { start: { less_than_equal: new Date(now.getTime() + hours * HOUR).toISOString() } },
          { remindedAt: { exists: false } },
          { email: { exists: true } },
          { purgedAt: { exists: false } },
        ],
      },
      select: { start: true, createdAt: true, offeredAt: true },
      sort: 'start',
      limit: 1000,
      depth: 0,
      overrideAccess: true,
    })
    for (const reg of docs as Pick<Registration, 'id' | 'start' | 'createdAt' | 'offeredAt'>[]) {
      const due = new Date(reg.start).getTime() - hours * HOUR
      const booked = Math.max(new Date(reg.createdAt).getTime(), reg.offeredAt ? new Date(reg.offeredAt).getTime() : 0)
      if (booked > due) continue
      const marked = await inTransaction(payload, async (req) => {
        const updated = await payload.db.updateOne({
          collection: SLUGS.registrations,
          where: {
            and: [{ id: { equals: reg.id } }, { remindedAt: { exists: false } }, { status: { equals: 'confirmed' } }],
          },
          data: { remindedAt: now.toISOString() },
          options: { atomic: true },
          returning: true,
          req,
        })
        if (!updated) return false
        await payload.jobs.queue({
          task: TASKS.sendRegistrationMail,
          input: { registrationId: String(reg.id), kind: 'reminder' },
          queue: QUEUES.mail,
          req,
        })
        return true
      })
      if (marked) reminded++
    }
  }
  if (reminded) payload.logger.info({ reminded }, 'registrations: reminders queued')
  return reminded
}
