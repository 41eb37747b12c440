import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { queueDueSyncs } from '../import'

/** Every quarter of an hour: queues a sync of each enabled calendar source whose interval has passed. */
export const scheduleCalendarSources: TaskConfig<'scheduleCalendarSources'> = {
  slug: TASKS.scheduleCalendarSources,
  label: 'Programma le sincronizzazioni dei calendari importati',
  retries: 1,
  schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ req }) => ({ output: { queued: await queueDueSyncs(req.payload) } }),
}
