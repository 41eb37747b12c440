import type { JobsConfig } from 'payload'
import { QUEUES } from '../../collections/slugs'
import { extendOccurrences } from './extend-occurrences'
import { notifyReviewers } from './notify-reviewers'
import { purgeUnconfirmed } from './purge-unconfirmed'
import { resumeCampaigns } from './resume-campaigns'
import { sendCampaignBatch } from './send-campaign-batch'
import { sendSubscriberMail } from './send-subscriber-mail'
import { startNewsletter } from './start-newsletter'
import { weeklyDigest } from './weekly-digest'

/** Jobs run only in the CMS process (JOBS_AUTORUN=1 there); the site process only queues. */
export const jobs: JobsConfig = {
  tasks: [
    notifyReviewers,
    extendOccurrences,
    sendSubscriberMail,
    sendCampaignBatch,
    startNewsletter,
    weeklyDigest,
    purgeUnconfirmed,
    resumeCampaigns,
  ],
  autoRun:
    process.env.JOBS_AUTORUN === '1'
      ? [
          { cron: '* * * * *', queue: 'default', limit: 50 },
          // Newsletter mail: life-cycle mails within seconds; campaign batches (and their schedules) beside them.
          { cron: '*/5 * * * * *', queue: QUEUES.mail, limit: 20 },
          { cron: '*/10 * * * * *', queue: QUEUES.newsletter, limit: 5 },
        ]
      : [],
  shouldAutoRun: () => process.env.JOBS_AUTORUN === '1',
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    admin: { ...defaultJobsCollection.admin, group: 'Amministrazione', hidden: false },
  }),
}
