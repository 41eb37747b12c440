// The registrations wing's public surface (issue 14). Jobs (cms/jobs), endpoints and the site
// (site/lib/registrations) import from here only; everything else in this folder is internal.

export {
  availability,
  BOOK_ERRORS,
  type BookErrorCode,
  type BookField,
  type BookInput,
  type BookResult,
  book,
  bookErrorText,
  CANCEL_ERRORS,
  type CancelResult,
  cancel,
  checkCancelLink,
  type DateAvailability,
  placesLeft,
  type RegistrationSettings,
  settingsOf,
} from './bookings'
export { bookingCalendar, bookingUid } from './ics'
export { cancelUrl, checkInUrl, manageUrl, peopleOf, sendRegistrationMail } from './mail'
export { type NoticeJobInput, type NoticesResult, sendRegistrationNotices } from './notices'
export { DEFAULT_RETENTION_DAYS, purgeRegistrations } from './purge'
export { bookAllowed } from './site'
