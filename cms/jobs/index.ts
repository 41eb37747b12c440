import type { JobsConfig } from 'payload'
import { QUEUES } from '../../collections/slugs'
import { expireRegistrationOffers } from './expire-registration-offers'
import { extendOccurrences } from './extend-occurrences'
import { notifyReviewers } from './notify-reviewers'
import { promoteWaitingList } from './promote-waiting-list'
import { purgeExports } from './purge-exports'
import { purgeProposals } from './purge-proposals'
import { purgeRegistrations } from './purge-registrations'
import { purgeUnconfirmed } from './purge-unconfirmed'
import { remindAttendance } from './remind-attendance'
import { renderExport } from './render-export'
import { renderProgramme } from './render-programme'
import { resumeCampaigns } from './resume-campaigns'
import { scheduleCalendarSources } from './schedule-calendar-sources'
import { sendAttendanceReminder } from './send-attendance-reminder'
import { sendCampaignBatch } from './send-campaign-batch'
import { sendFollowDigests } from './send-follow-digests'
import { sendFollowMail } from './send-follow-mail'
import { sendFollowNotices } from './send-follow-notices'
import { sendProposalMail } from './send-proposal-mail'
import { sendRegistrationMail } from './send-registration-mail'
import { sendRegistrationNotices } from './send-registration-notices'
import { sendRegistrationReminders } from './send-registration-reminders'
import { sendStaffMail } from './send-staff-mail'
import { sendSubscriberMail } from './send-subscriber-mail'
import { settleProposal } from './settle-proposal'
import { startNewsletter } from './start-newsletter'
import { syncCalendarSource } from './sync-calendar-source'
import { weeklyDigest } from './weekly-digest'

const ALL_QUEUES = ['default', QUEUES.mail, QUEUES.newsletter] as const

/**
 * The queues this process runs (JOBS_QUEUES, comma-separated; all by default). `npm start` gives the CMS
 * `default,mail` and the newsletter worker (cms/jobs/worker.ts) `newsletter`.
 */
export const autorunQueues = (): string[] => {
  const wanted = (process.env.JOBS_QUEUES ?? ALL_QUEUES.join(','))
    .split(',')
    .map((q) => q.trim())
    .filter(Boolean)
  return ALL_QUEUES.filter((q) => wanted.includes(q))
}

const TICKS: Record<(typeof ALL_QUEUES)[number], { cron: string; limit: number }> = {
  default: { cron: '* * * * *', limit: 50 },
  // Life-cycle mails within seconds; campaign batches (and their schedules) on their own queue.
  [QUEUES.mail]: { cron: '*/5 * * * * *', limit: 20 },
  [QUEUES.newsletter]: { cron: '*/10 * * * * *', limit: 5 },
}

/** Jobs run only where JOBS_AUTORUN=1 (the CMS and the newsletter worker); the site process only queues. */
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
    sendStaffMail,
    sendRegistrationMail,
    sendRegistrationNotices,
    purgeRegistrations,
    promoteWaitingList,
    expireRegistrationOffers,
    sendRegistrationReminders,
    renderExport,
    renderProgramme,
    purgeExports,
    remindAttendance,
    sendAttendanceReminder,
    sendFollowMail,
    sendFollowNotices,
    sendFollowDigests,
    syncCalendarSource,
    scheduleCalendarSources,
    sendProposalMail,
    settleProposal,
    purgeProposals,
  ],
  autoRun:
    process.env.JOBS_AUTORUN === '1'
      ? autorunQueues().map((queue) => ({ queue, ...TICKS[queue as (typeof ALL_QUEUES)[number]] }))
      : [],
  shouldAutoRun: () => process.env.JOBS_AUTORUN === '1',
  jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
    ...defaultJobsCollection,
    admin: { ...defaultJobsCollection.admin, group: 'Amministrazione', hidden: false },
  }),
}
