// The registrations wing's public surface (issue 14). Jobs (cms/jobs), endpoints and the site
// (site/lib/registrations) import from here only; everything else in this folder is internal.

export { csvCell } from '../tables'
export { type HeadcountInput, type HeadcountResult, recordHeadcount } from './attendance'
export {
  availability,
  BOOK_ERRORS,
  type BookErrorCode,
  type BookField,
  type BookInput,
  type BookOptions,
  type BookResult,
  book,
  bookErrorText,
  CANCEL_ERRORS,
  type CancelResult,
  type ChangeResult,
  cancel,
  changePeople,
  checkCancelLink,
  type DateAvailability,
  placesLeft,
} from './bookings'
export { type CheckInBooking, type CheckInLookup, type CheckInResult, checkIn, checkInLookup } from './checkin'
export {
  type ArrivalsResult,
  type BandCounts,
  type DateCounts,
  type DateSheet,
  DESK_ACTIONS,
  DESK_PAGE_SIZE,
  DESK_SOURCES,
  type DeskAction,
  type DeskBookInput,
  type DeskBooking,
  type DeskBookResult,
  type DeskChangeResult,
  type DeskDateRow,
  type DeskDatesQuery,
  dateSheet,
  deskArrivals,
  deskBook,
  deskChange,
  deskDates,
  deskLibraries,
} from './desk'
export {
  dateCsv,
  EXPORT_HOURS,
  exportFile,
  LIST_PDF,
  listExports,
  purgeExports,
  renderExport,
  requestListPdf,
  sheetCsv,
} from './exports'
export {
  type BookingView,
  type CancelBookingResult,
  cancelBooking,
  declineOffer,
  type FamilyBooking,
  type LinkProblem,
  listBookings,
  type MyBooking,
  type MyBookings,
  type OfferView,
  PAST_DAYS,
  viewBooking,
  viewOffer,
} from './family'
export { bookingCalendar, bookingUid } from './ics'
export { bookingUrl, cancelUrl, checkInUrl, manageUrl, offerUrl, peopleOf, sendRegistrationMail, whenOf } from './mail'
export { deskMessage, noticeFrom, noticeQuery } from './messages'
export { type NoticeJobInput, type NoticesResult, sendRegistrationNotices } from './notices'
export { acceptOffer, checkOffer, expireOffers, OFFER_ERRORS, type OfferResult, promoteWaitingList } from './offers'
export { type DateKey, placesPath, reconcileCounter, sumHeld } from './places'
export { DEFAULT_RETENTION_DAYS, purgeRegistrations } from './purge'
export { DEFAULT_REMINDER_HOURS, sendReminders } from './reminders'
export { DESK_ERRORS, type DeskNotice, type DeskScope, deskScope, parseId, type Refusal } from './scope'
export { capacityOf, type RegistrationSettings, settingsOf } from './settings'
export { bookAllowed } from './site'
export {
  bookAsStaff,
  cancelAsStaff,
  type StaffBookInput,
  type StaffDate,
  type StaffErrorCode,
  type StaffRefusal,
  type StaffUser,
  staffAgenda,
} from './staff'
export { changeStatus, MAIL_KINDS, type MailKind, STATUS_ERRORS, type StatusOptions, type StatusResult } from './status'
