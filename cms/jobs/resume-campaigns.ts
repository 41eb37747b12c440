import type { Payload, TaskConfig } from 'payload'
import { SYSTEM_CONTEXT } from '../../collections/Newsletters/hooks/guardStatus'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { queueFirstBatch } from './start-newsletter'

/** A scheduled newsletter this late has lost its start job (the process was down at its time). */
const START_GRACE_MS = 5 * 60 * 1000

/**
 * The watchdog: a campaign in `sending` whose lease has expired belongs to a run that died (killed,
 * crashed, redeployed). A new batch takes over; it puts the dead run's unsettled rows back in the
 * queue. Scheduled newsletters whose time passed long ago are started the same way.
 */
export const resumeStalled = async (payload: Payload, now: Date = new Date()) => {
  const stalled = await payload.find({
    collection: SLUGS.newsletters,
    where: {
      and: [
        { status: { equals: 'sending' } },
        { or: [{ lockedUntil: { exists: false } }, { lockedUntil: { less_than: now.toISOString() } }] },
      ],
    },
    limit: 50,
    depth: 0,
    overrideAccess: true, // a system job
    select: { status: true },
  })
  for (const doc of stalled.docs) await queueFirstBatch(payload, doc.id)
  const late = await payload.find({
    collection: SLUGS.newsletters,
    where: {
      and: [
        { status: { equals: 'scheduled' } },
        { scheduledAt: { less_than: new Date(now.getTime() - START_GRACE_MS).toISOString() } },
      ],
    },
    limit: 50,
    depth: 0,
    overrideAccess: true,
    select: { status: true },
  })
  for (const doc of late.docs) {
    await payload.update({
      collection: SLUGS.newsletters,
      id: doc.id,
      data: { status: 'sending', progress: { startedAt: now.toISOString() } },
      context: { [SYSTEM_CONTEXT]: true },
      overrideAccess: true,
    })
    await queueFirstBatch(payload, doc.id)
  }
  return { resumed: stalled.docs.length, started: late.docs.length }
}

export const resumeCampaigns: TaskConfig<'resumeCampaigns'> = {
  slug: TASKS.resumeCampaigns,
  label: 'Riprende gli invii interrotti',
  retries: 1,
  schedule: [{ cron: '* * * * *', queue: QUEUES.newsletter }],
  handler: async ({ req }) => ({ output: await resumeStalled(req.payload) }),
}
