// Collection slugs are part of the REST contract (/api/<slug>): never rename one.
export const SLUGS = {
  systems: 'systems',
  libraries: 'libraries',
  venues: 'venues',
  categories: 'categories',
  audiences: 'audiences',
  events: 'events',
  occurrences: 'occurrences',
  series: 'series',
  festivals: 'festivals',
  campaigns: 'campaigns',
  media: 'media',
  users: 'users',
  subscribers: 'subscribers',
  newsletters: 'newsletters',
  deliveries: 'deliveries',
  registrations: 'registrations',
  attendance: 'attendance',
  attendanceBands: 'attendance-age-bands',
  notices: 'notices',
  noticeDeliveries: 'notice-deliveries',
  exports: 'exports',
  placeCounters: 'place-counters',
  funders: 'funders',
  partners: 'partners',
  follows: 'follows',
  followNotices: 'follow-notices',
} as const

export type CollectionSlug = (typeof SLUGS)[keyof typeof SLUGS]

/** Job task slugs (cms/jobs): hooks queue them by name. */
export const TASKS = {
  notifyReviewers: 'notifyReviewers',
  extendOccurrences: 'extendOccurrences',
  sendSubscriberMail: 'sendSubscriberMail',
  sendCampaignBatch: 'sendCampaignBatch',
  startNewsletter: 'startNewsletter',
  weeklyDigest: 'weeklyDigest',
  purgeUnconfirmed: 'purgeUnconfirmed',
  resumeCampaigns: 'resumeCampaigns',
  sendStaffMail: 'sendStaffMail',
  sendRegistrationMail: 'sendRegistrationMail',
  purgeRegistrations: 'purgeRegistrations',
  promoteWaitingList: 'promoteWaitingList',
  expireRegistrationOffers: 'expireRegistrationOffers',
  sendRegistrationReminders: 'sendRegistrationReminders',
  sendRegistrationNotices: 'sendRegistrationNotices',
  renderExport: 'renderExport',
  purgeExports: 'purgeExports',
  renderProgramme: 'renderProgramme',
  remindAttendance: 'remindAttendance',
  sendAttendanceReminder: 'sendAttendanceReminder',
  sendFollowMail: 'sendFollowMail',
  sendFollowNotices: 'sendFollowNotices',
  sendFollowDigests: 'sendFollowDigests',
} as const

/** Job queues: transactional mail must not wait behind a campaign batch (autoRun ticks never overlap). */
export const QUEUES = { mail: 'mail', newsletter: 'newsletter' } as const
