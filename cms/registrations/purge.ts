import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import type { System } from '../payload-types'

const DAY_MS = 24 * 60 * 60 * 1000
export const DEFAULT_RETENTION_DAYS = 30

/**
 * Privacy: N days after a date (per system, `registrationRetentionDays`, default 30) the name, email and phone
 * (and the answer to the event's question) of its registrations are deleted; the row stays with its status, adults and age bands, so counts by band
 * and attendance survive. Returns how many registrations were emptied.
 */
export const purgeRegistrations = async (payload: Payload, now = new Date()): Promise<number> => {
  const { docs: systems } = await payload.find({
    collection: SLUGS.systems,
    select: { registrationRetentionDays: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const cutoff = (days: number | null | undefined) =>
    new Date(now.getTime() - (days && days > 0 ? days : DEFAULT_RETENTION_DAYS) * DAY_MS).toISOString()
  const empty = { name: null, email: null, phone: null, answer: null, tokenNonce: null, purgedAt: now.toISOString() }
  const scopes = [
    ...(systems as Pick<System, 'id' | 'registrationRetentionDays'>[]).map((s) => ({
      system: { equals: s.id },
      start: { less_than: cutoff(s.registrationRetentionDays) },
    })),
    { system: { exists: false }, start: { less_than: cutoff(null) } },
  ]
  let purged = 0
  for (const scope of scopes) {
    const { docs } = await payload.update({
      collection: SLUGS.registrations,
      where: { and: [scope, { purgedAt: { exists: false } }] },
      data: empty,
      overrideAccess: true,
      depth: 0,
      select: { purgedAt: true },
    })
    purged += docs.length
  }
  if (purged) payload.logger.info({ purged }, 'registrations: personal data deleted after the retention period')
  return purged
}
