// The newsletter wing's public surface. Jobs (cms/jobs), endpoints (cms/endpoints) and the site
// (site/lib/newsletter) import from here only; everything else in this folder is internal.

export { dayLabel } from './campaigns/format'
export type { NewsletterDoc } from './campaigns/kinds'
export { handOver, leaseMs, runCampaignBatch } from './campaigns/runner'
export { countByStatus, countBySystem, type SystemCount } from './counts'
// Campaigns: the editorial tools of the admin, the weekly digest and the sending runner.
export { editorialAudienceCount, previewEditorial, type SendNowOutcome, sendNow, sendTestEditorial } from './editorial'
export { eraseSubscriber, exportSubscriber } from './gdpr'
export { LINK_ERRORS } from './link-errors'
// What the follow wing (cms/follow) shares with the newsletter: the subscriber identity, its links and tokens.
export { manageUrl, oneClickUrl, sitePageUrl, unsubscribeUrl } from './links'
export {
  type Choice,
  type ChoiceInput,
  type NewsletterOptions,
  PREFERENCE_FIELDS,
  type PreferenceField,
  readChoices,
} from './options'
export {
  AgendaAddressError,
  chosenEventLabels,
  type EventGroup,
  type EventOption,
  eventOptions,
  GROUP_LIMIT,
  type PickerResult,
} from './picker'
// What the public site's newsletter pages and actions do.
export {
  checkConfirmLink,
  checkUnsubscribeLink,
  choicesOf,
  confirm,
  type LinkPage,
  type LinkProblem,
  type LinkReason,
  leave,
  loadManage,
  type ManageView,
  maskEmail,
  newsletterOptions,
  PRIVACY_NOTICE_VERSION,
  parseAges,
  resolveChoices,
  savePreferences,
  subscribe,
  subscribeAllowed,
} from './site'
export { sendSubscriberMail, TemporaryMailError } from './subscriber-mail'
// Subscribers: sign-up, double opt-in, preferences, unsubscribe, bounces, retention.
export {
  type BounceType,
  findByEmail,
  findSubscriber,
  type LinkFailure,
  type PreferencesUpdate,
  purgeUnconfirmed,
  recordBounce,
  resolveToken,
  type SubscribeInput,
  type SubscriberMailKind,
  truncateIp,
  unsubscribe,
} from './subscribers'
export { CONFIRM_TTL_MS, newNonce, sameNonce, signToken, verifyToken } from './tokens'
