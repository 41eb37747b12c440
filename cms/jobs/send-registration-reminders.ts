import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendReminders } from '../registrations'

/** Queues the reminder mail of bookings whose date is near (each system sets how near; every 15 minutes). */
export const sendRegistrationReminders: TaskConfig<'sendRegistrationReminders'> = {
  slug: TASKS.sendRegistrationReminders,
  label: 'Invia i promemoria alle persone iscritte',
  retries: 2,
  schedule: [{ cron: '*/15 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'reminded', type: 'number' }],
  handler: async ({ req }) => ({ output: { reminded: await sendReminders(req.payload) } }),
}
