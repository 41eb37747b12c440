import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { purgeRegistrations as purge } from '../registrations'

/** Deletes the personal data of registrations past their system's retention period (daily, 03:45). */
export const purgeRegistrations: TaskConfig<'purgeRegistrations'> = {
  slug: TASKS.purgeRegistrations,
  label: 'Cancella i dati personali delle iscrizioni passate',
  retries: 2,
  schedule: [{ cron: '45 3 * * *', queue: 'default' }],
  outputSchema: [{ name: 'purged', type: 'number' }],
  handler: async ({ req }) => ({ output: { purged: await purge(req.payload) } }),
}
