import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { expireOffers } from '../registrations'

/** Offers of a freed place nobody accepted in time pass to the next party on the list (every 5 minutes). */
export const expireRegistrationOffers: TaskConfig<'expireRegistrationOffers'> = {
  slug: TASKS.expireRegistrationOffers,
  label: 'Fai scadere le offerte di posti non accettate',
  retries: 2,
  schedule: [{ cron: '*/5 * * * *', queue: 'default' }],
  outputSchema: [{ name: 'expired', type: 'number' }],
  handler: async ({ req }) => ({ output: { expired: await expireOffers(req.payload) } }),
}
