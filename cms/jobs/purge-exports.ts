import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { purgeExports as purge } from '../registrations'

/** Deletes generated files (lists of names are personal data) and their rows once expired (daily, 03:50). */
export const purgeExports: TaskConfig<'purgeExports'> = {
  slug: TASKS.purgeExports,
  label: 'Cancella i file generati scaduti',
  retries: 2,
  schedule: [{ cron: '50 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'deleted', type: 'number' }],
  handler: async ({ req }) => ({ output: { deleted: await purge(req.payload) } }),
}
