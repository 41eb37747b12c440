import { randomUUID } from 'node:crypto'
import type { TaskConfig } from 'payload'
import { QUEUES, TASKS } from '../../collections/slugs'
import { handOver, leaseMs, runCampaignBatch } from '../newsletter'

/**
 * One batch of a newsletter or digest. When work is left it hands its lease to the next batch and
 * queues it, so a campaign is a chain of short jobs: progress shows in the admin between batches and a
 * cancellation stops the chain.
 */
export const sendCampaignBatch: TaskConfig<'sendCampaignBatch'> = {
  slug: TASKS.sendCampaignBatch,
  label: 'Invia un lotto di una newsletter',
  retries: 2,
  inputSchema: [
    { name: 'newsletterId', type: 'text', required: true },
    { name: 'runId', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const result = await runCampaignBatch(req.payload, input.newsletterId, { runId: input.runId ?? undefined })
    if (result.status === 'more') {
      const next = randomUUID()
      const waitUntil = result.waitUntil
      await handOver(
        req.payload,
        input.newsletterId,
        result.runId,
        next,
        leaseMs() + (waitUntil ? waitUntil.getTime() - Date.now() : 0),
      )
      await req.payload.jobs.queue({
        task: TASKS.sendCampaignBatch as never,
        queue: QUEUES.newsletter,
        input: { newsletterId: input.newsletterId, runId: next } as never,
        ...(waitUntil ? { waitUntil } : {}),
        req,
      })
    }
    const { runId: _run, waitUntil: _wait, ...output } = result
    return { output }
  },
}
