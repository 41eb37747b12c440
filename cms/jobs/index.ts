import type { JobsConfig } from 'payload'
import { notifyReviewers } from './notify-reviewers'

/** Jobs run only in the CMS process (JOBS_AUTORUN=1 there); the site process only queues. */
export const jobs: JobsConfig = {
  tasks: [notifyReviewers],
  autoRun: process.env.JOBS_AUTORUN === '1' ? [{ cron: '* * * * *', queue: 'default', limit: 50 }] : [],
  shouldAutoRun: () => process.env.JOBS_AUTORUN === '1',
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    admin: { ...defaultJobsCollection.admin, group: 'Amministrazione', hidden: false },
  }),
}
