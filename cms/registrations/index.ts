// The registrations wing's public surface (issue 14). Jobs (cms/jobs), endpoints and the site
// (site/lib/registrations) import from here only; everything else in this folder is internal.

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
  csvCell,
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
export { bookingCalendar, bookingUid } from './ics'
export { cancelUrl, checkInUrl, manageUrl, peopleOf, sendRegistrationMail } from './mail'
export { deskMessage, noticeFrom, noticeQuery } from './messages'
export { acceptOffer, checkOffer, expireOffers, OFFER_ERRORS, type OfferResult, promoteWaitingList } from './offers'
export { type DateKey, placesPath, reconcileCounter, sumHeld } from './places'
export { DEFAULT_RETENTION_DAYS, purgeRegistrations } from './purge'
export {
  DESK_ERRORS,
  type DeskNotice,
  type DeskScope,
  deskScope,
  parseId,
  type Refusal,
} from './scope'
export { capacityOf, type RegistrationSettings, settingsOf } from './settings'
export { bookAllowed } from './site'
export { changeStatus, MAIL_KINDS, type MailKind, STATUS_ERRORS, type StatusOptions, type StatusResult } from './status'
