// Shared value sets. Values are stable identifiers (stored, used in URLs and feeds); labels are Italian. Labels the
// site also shows in English come from the strings catalogue.
import { catalogue } from '../shared/strings'

const IT = catalogue('it').site

const options = <T extends string>(labels: Record<T, string>) =>
  (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }))

export const ROLE_LABELS = {
  'network-admin': 'Amministrazione di rete',
  'network-editor': 'Redazione di rete',
  'system-editor': 'Redazione di sistema',
  'library-contributor': 'Collaborazione di biblioteca',
  partner: 'Organizzazione partner',
} as const
export type Role = keyof typeof ROLE_LABELS
export const ROLES = Object.keys(ROLE_LABELS) as Role[]
/** The roles of library staff: a partner's account is not staff (no internal agenda, notes or bookings). */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'partner')
export const ROLE_OPTIONS = options(ROLE_LABELS)

/** schema.org EventStatusType values (plus `full`, which schema.org expresses through offers). */
export const EVENT_STATUS_LABELS = IT.statusLabels
export type EventStatus = keyof typeof EVENT_STATUS_LABELS
export const EVENT_STATUSES = Object.keys(EVENT_STATUS_LABELS) as EventStatus[]
export const EVENT_STATUS_OPTIONS = options(EVENT_STATUS_LABELS)

export const FREQUENCY_LABELS = {
  none: 'Nessuna (data singola)',
  daily: 'Ogni giorno',
  weekly: 'Ogni settimana',
  monthly: 'Ogni mese',
} as const
export type Frequency = keyof typeof FREQUENCY_LABELS
export const FREQUENCY_OPTIONS = options(FREQUENCY_LABELS)

export const WEEKDAY_LABELS = {
  MO: 'Lunedì',
  TU: 'Martedì',
  WE: 'Mercoledì',
  TH: 'Giovedì',
  FR: 'Venerdì',
  SA: 'Sabato',
  SU: 'Domenica',
} as const
export type Weekday = keyof typeof WEEKDAY_LABELS
export const WEEKDAYS = Object.keys(WEEKDAY_LABELS) as Weekday[]
export const WEEKDAY_OPTIONS = options(WEEKDAY_LABELS)

export const BOOKING_LABELS = IT.bookingModes
export type Booking = keyof typeof BOOKING_LABELS
export const BOOKING_OPTIONS = options(BOOKING_LABELS)

export const ACCESSIBILITY_LABELS = {
  'step-free': 'Accesso senza barriere',
  'induction-loop': 'Anello a induzione magnetica',
  lis: 'Interprete LIS',
  'easy-to-read': 'Testi ad alta leggibilità / CAA',
  'sensory-friendly': 'Ambiente a bassa stimolazione sensoriale',
  'accessible-toilet': 'Servizi igienici accessibili',
} as const
export type Accessibility = keyof typeof ACCESSIBILITY_LABELS
export const ACCESSIBILITY_OPTIONS = options(ACCESSIBILITY_LABELS)

export const LANGUAGE_LABELS = {
  it: 'Italiano',
  en: 'Inglese',
  fr: 'Francese',
  es: 'Spagnolo',
  de: 'Tedesco',
  ar: 'Arabo',
  zh: 'Cinese',
  ro: 'Rumeno',
  sq: 'Albanese',
  lis: 'LIS (Lingua dei segni italiana)',
} as const
export const LANGUAGE_OPTIONS = options(LANGUAGE_LABELS)

export const VENUE_KIND_LABELS = {
  teatro: 'Teatro',
  piazza: 'Piazza',
  scuola: 'Scuola',
  parco: 'Parco',
  museo: 'Museo',
  auditorium: 'Auditorium',
  altro: 'Altro',
} as const
export const VENUE_KIND_OPTIONS = options(VENUE_KIND_LABELS)

export const REVIEW_LABELS = {
  none: 'In lavorazione',
  requested: 'Inviato per revisione',
} as const
export type Review = keyof typeof REVIEW_LABELS
export const REVIEW_OPTIONS = options(REVIEW_LABELS)

export const TIME_ZONE = 'Europe/Rome'

/**
 * The window in which recurring rules are materialised (a year back, two years ahead of today; the daily
 * extendOccurrences job rolls it forward) and the most occurrences one event may have.
 */
export const RECURRENCE_HORIZON_DAYS = 731
export const RECURRENCE_PAST_DAYS = 366
export const MAX_OCCURRENCES = 1000

const REG = catalogue('it').registrations

/** Age bands of children in a registration (issue 14): declared once, here; labels from the catalogue. */
export const AGE_BAND_LABELS = REG.ageBands
export type AgeBand = keyof typeof AGE_BAND_LABELS
export const AGE_BANDS = Object.keys(AGE_BAND_LABELS) as AgeBand[]
export const AGE_BAND_OPTIONS = options(AGE_BAND_LABELS)

export const REGISTRATION_MODE_LABELS = REG.modes
export type RegistrationMode = keyof typeof REGISTRATION_MODE_LABELS
export const REGISTRATION_MODE_OPTIONS = options(REGISTRATION_MODE_LABELS)

export const REGISTRATION_STATUS_LABELS = REG.statuses
export type RegistrationStatus = keyof typeof REGISTRATION_STATUS_LABELS
export const REGISTRATION_STATUSES = Object.keys(REGISTRATION_STATUS_LABELS) as RegistrationStatus[]
export const REGISTRATION_STATUS_OPTIONS = options(REGISTRATION_STATUS_LABELS)
/** Statuses that hold places on a date (an offer holds its place until it is accepted or expires). */
export const HOLDS_PLACE: RegistrationStatus[] = ['confirmed', 'attended', 'offered']

export const REGISTRATION_SOURCE_LABELS = REG.sources
export type RegistrationSource = keyof typeof REGISTRATION_SOURCE_LABELS
export const REGISTRATION_SOURCE_OPTIONS = options(REGISTRATION_SOURCE_LABELS)

/** How an activity took place (attendance records, issue 14/15). */
export const ATTENDANCE_FORMAT_LABELS = { presence: 'In presenza', online: 'Online', outdoor: 'All’aperto' } as const
export type AttendanceFormat = keyof typeof ATTENDANCE_FORMAT_LABELS
export const ATTENDANCE_FORMAT_OPTIONS = options(ATTENDANCE_FORMAT_LABELS)

/** What changed on a date, as told to the people booked on it (notices). */
export const NOTICE_KIND_LABELS = {
  cancelled: 'Data annullata',
  postponed: 'Data rinviata',
  moved: 'Data o orario cambiati',
  place: 'Luogo cambiato',
  status: 'Stato dell’evento cambiato',
} as const
export type NoticeKind = keyof typeof NOTICE_KIND_LABELS
export const NOTICE_KIND_OPTIONS = options(NOTICE_KIND_LABELS)

export const EXPORT_STATUS_LABELS = { queued: 'In preparazione', ready: 'Pronto', failed: 'Non riuscito' } as const
export type ExportStatus = keyof typeof EXPORT_STATUS_LABELS
export const EXPORT_STATUS_OPTIONS = options(EXPORT_STATUS_LABELS)

const ATT = catalogue('it').attendance

/** How a date went, recorded with its attendance (issue 15). */
export const ATTENDANCE_OUTCOME_LABELS = ATT.outcomes
export type AttendanceOutcome = keyof typeof ATTENDANCE_OUTCOME_LABELS
export const ATTENDANCE_OUTCOME_OPTIONS = options(ATTENDANCE_OUTCOME_LABELS)

/**
 * The age bands of attendance a network starts with. The bands themselves are data (`attendance-bands`, edited
 * by network admins), so these are only the first rows; `maxAge` null is open-ended. Each band is an age range,
 * like an audience, so audiences and the registrations' finer children bands map onto them by age.
 */
export const DEFAULT_ATTENDANCE_BANDS: { key: keyof typeof ATT.defaultBands; minAge: number; maxAge: number | null }[] =
  [
    { key: '0-5', minAge: 0, maxAge: 5 },
    { key: '6-11', minAge: 6, maxAge: 11 },
    { key: '12-17', minAge: 12, maxAge: 17 },
    { key: 'adults', minAge: 18, maxAge: 64 },
    { key: 'elders', minAge: 65, maxAge: null },
  ]
export const DEFAULT_ATTENDANCE_BAND_NAMES = ATT.defaultBands

/** The youngest age of a registration's children band ('3-5' → 3): how a booked child is placed in an attendance band. */
export const ageBandMin = (band: AgeBand): number => Number.parseInt(band, 10)
const FUND = catalogue('it').funders

/** What a funder or supporter is (issue 15): declared once, here; labels from the catalogue. */
export const FUNDER_KIND_LABELS = FUND.kinds
export type FunderKind = keyof typeof FUNDER_KIND_LABELS
export const FUNDER_KIND_OPTIONS = options(FUNDER_KIND_LABELS)

/** How a funder stands behind an activity; the order is the credits' order on the public pages. */
export const SUPPORT_ROLE_LABELS = FUND.roles
export type SupportRole = keyof typeof SUPPORT_ROLE_LABELS
export const SUPPORT_ROLES = Object.keys(SUPPORT_ROLE_LABELS) as SupportRole[]
export const SUPPORT_ROLE_OPTIONS = options(SUPPORT_ROLE_LABELS)

const PART = catalogue('it').partners

/** What a partner organisation is (issue 16): declared once, here; labels from the catalogue. */
export const PARTNER_KIND_LABELS = PART.kinds
export type PartnerKind = keyof typeof PARTNER_KIND_LABELS
export const PARTNER_KIND_OPTIONS = options(PARTNER_KIND_LABELS)

const IMP = catalogue('it').imports

/** Calendar import (issue 16): who wins when an imported event changes in both places. */
export const IMPORT_AUTHORITY_LABELS = IMP.authority
export type ImportAuthority = keyof typeof IMPORT_AUTHORITY_LABELS
export const IMPORT_AUTHORITY_OPTIONS = options(IMPORT_AUTHORITY_LABELS)

/** What becomes of an imported event that is no longer in its calendar. */
export const IMPORT_VANISHED_LABELS = IMP.vanished
export type ImportVanished = keyof typeof IMPORT_VANISHED_LABELS
export const IMPORT_VANISHED_OPTIONS = options(IMPORT_VANISHED_LABELS)

/** What a run did with one item of the calendar. */
export const IMPORT_OUTCOME_LABELS = IMP.outcomes
export type ImportOutcome = keyof typeof IMPORT_OUTCOME_LABELS
export const IMPORT_OUTCOMES = Object.keys(IMPORT_OUTCOME_LABELS) as ImportOutcome[]
export const IMPORT_OUTCOME_OPTIONS = options(IMPORT_OUTCOME_LABELS)

export const IMPORT_TRIGGER_OPTIONS = options(IMP.triggers)
export type ImportTrigger = keyof typeof IMP.triggers
export const IMPORT_RUN_STATUS_OPTIONS = options(IMP.runStatus)

/** How often a source is read, in hours (default 6). */
export const IMPORT_INTERVAL_OPTIONS = [1, 3, 6, 12, 24].map((h) => ({
  value: String(h),
  label: h === 1 ? 'Ogni ora' : h === 24 ? 'Una volta al giorno' : `Ogni ${h} ore`,
}))
/** A public event proposal's state (issue 16): declared once, here; labels from the catalogue. */
export const PROPOSAL_STATE_LABELS = catalogue('it').proposals.states
export type ProposalState = keyof typeof PROPOSAL_STATE_LABELS
export const PROPOSAL_STATE_OPTIONS = options(PROPOSAL_STATE_LABELS)
