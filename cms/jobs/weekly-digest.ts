import type { Payload, TaskConfig } from 'payload'
import { fromWall, romeDay, toWall } from '../../collections/lib/recurrence'
import { SYSTEM_CONTEXT } from '../../collections/Newsletters/hooks/guardStatus'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { dayLabel } from '../newsletter'
import { queueFirstBatch } from './start-newsletter'

/** Thursday (4) at 07:00 on Rome's clocks. */
export const DIGEST_WEEKDAY = 4
export const DIGEST_HOUR = 7

/** The next digest time strictly after `now`, on the Rome calendar (so it stays 07:00 across DST changes). */
export const nextDigestRun = (now: Date): Date => {
  const wall = toWall(now)
  for (let offset = 0; offset <= 7; offset++) {
    const day = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + offset, DIGEST_HOUR))
    const at = fromWall(day)
    if (day.getUTCDay() === DIGEST_WEEKDAY && at.getTime() > now.getTime()) return at
  }
  throw new Error('unreachable: a Thursday falls within 8 days')
}

/**
 * Creates this week's digest run (one per Rome day, by a unique key, so a second trigger the same
 * day finds it and adds nothing) and queues its first batch.
 */
export const startDigest = async (payload: Payload, now: Date = new Date()) => {
  const digestKey = `digest:${romeDay(now)}`
  const existing = await payload.find({
    collection: SLUGS.newsletters,
    where: { digestKey: { equals: digestKey } },
    limit: 1,
    depth: 0,
    overrideAccess: true, // a system job
  })
  if (existing.docs[0]) return { created: false, id: existing.docs[0].id }
  const doc = await payload.create({
    collection: SLUGS.newsletters,
    data: {
      kind: 'digest',
      digestKey,
      subject: `Newsletter settimanale di ${dayLabel(now, 'it').toLowerCase()}`,
      status: 'sending',
      scheduledAt: now.toISOString(),
      system: null,
      progress: { startedAt: now.toISOString() },
    },
    context: { [SYSTEM_CONTEXT]: true },
    overrideAccess: true,
  })
  await queueFirstBatch(payload, doc.id)
  return { created: true, id: doc.id }
}

/** The weekly digest: every Thursday at 07:00 (Europe/Rome) the events of the next 10 days, per preferences. */
export const weeklyDigest: TaskConfig<'weeklyDigest'> = {
  slug: TASKS.weeklyDigest,
  label: 'Newsletter settimanale (giovedì 7:00)',
  retries: 2,
  schedule: [
    {
      cron: '0 7 * * 4',
      queue: QUEUES.newsletter,
      hooks: {
        // Payload evaluates crons in the server's time zone; the digest follows Rome's clocks.
        beforeSchedule: async (args) => {
          const base = await args.defaultBeforeSchedule(args)
          return { ...base, waitUntil: nextDigestRun(new Date()) }
        },
      },
    },
  ],
  handler: async ({ req }) => {
    const { created, id } = await startDigest(req.payload)
    return { output: { created, newsletterId: String(id) } }
  },
}
