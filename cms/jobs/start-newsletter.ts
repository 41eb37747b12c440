import { randomUUID } from 'node:crypto'
import type { TaskConfig } from 'payload'
import { SYSTEM_CONTEXT } from '../../collections/Newsletters/hooks/guardStatus'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { type handOver, leaseMs } from '../newsletter'

/**
 * Starts a scheduled editorial newsletter at its time. Rescheduled or cancelled newsletters are left
 * alone: the job acts only if the newsletter is still scheduled for the time it was queued for.
 */
export const startNewsletter: TaskConfig<'startNewsletter'> = {
  slug: TASKS.startNewsletter,
  label: 'Avvia l’invio di una newsletter programmata',
  retries: 3,
  inputSchema: [
    { name: 'newsletterId', type: 'text', required: true },
    { name: 'scheduledAt', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    const doc = await req.payload.findByID({
      collection: SLUGS.newsletters,
      id: input.newsletterId,
      depth: 0,
      disableErrors: true,
      overrideAccess: true, // a system job, not a person's request
      req,
    })
    const due = doc?.scheduledAt && new Date(doc.scheduledAt).toISOString() === input.scheduledAt
    if (doc?.status !== 'scheduled' || !due) return { output: { started: false } }
    await req.payload.update({
      collection: SLUGS.newsletters,
      id: doc.id,
      data: { status: 'sending', progress: { startedAt: new Date().toISOString() } },
      context: { [SYSTEM_CONTEXT]: true },
      overrideAccess: true,
      req,
    })
    await queueFirstBatch(req.payload, doc.id, req)
    return { output: { started: true } }
  },
}

/** Queues the first batch of a campaign that has just entered `sending`, reserving the lease for it. */
export const queueFirstBatch = async (
  payload: Parameters<typeof handOver>[0],
  newsletterId: number | string,
  req?: Parameters<Parameters<typeof handOver>[0]['jobs']['queue']>[0]['req'],
) => {
  const runId = randomUUID()
  await payload.db.updateOne({
    collection: SLUGS.newsletters,
    id: newsletterId,
    data: { lockedBy: runId, lockedUntil: new Date(Date.now() + leaseMs()).toISOString() },
    returning: false,
    ...(req ? { req } : {}),
  })
  await payload.jobs.queue({
    task: TASKS.sendCampaignBatch as never,
    queue: QUEUES.newsletter,
    input: { newsletterId: String(newsletterId), runId } as never,
    ...(req ? { req } : {}),
  })
}
