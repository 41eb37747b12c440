import type { TaskConfig } from 'payload'
import { QUEUES, TASKS } from '../../collections/slugs'
import { purgeUnconfirmed as purge } from '../newsletter'

/** Deletes subscription requests never confirmed within 7 days (daily, 03:30). */
export const purgeUnconfirmed: TaskConfig<'purgeUnconfirmed'> = {
  slug: TASKS.purgeUnconfirmed,
  label: 'Cancella le iscrizioni non confermate scadute',
  retries: 2,
  schedule: [{ cron: '30 3 * * *', queue: QUEUES.newsletter }],
  handler: async ({ req }) => ({ output: { deleted: await purge(req.payload) } }),
}
