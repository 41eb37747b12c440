import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { purgeProposals as purge } from '../proposals'

/** Deletes proposals never confirmed within 7 days and the proposer's contact 90 days after a decision (daily, 03:40). */
export const purgeProposals: TaskConfig<'purgeProposals'> = {
  slug: TASKS.purgeProposals,
  label: 'Cancella le proposte non confermate e i contatti di chi ha proposto',
  retries: 2,
  schedule: [{ cron: '40 3 * * *', queue: 'default' }],
  handler: async ({ req }) => ({ output: await purge(req.payload) }),
}
