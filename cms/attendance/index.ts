// The attendance wing's public surface (issue 15): recording who came to each past date. Jobs (cms/jobs), the
// admin views (cms/components/attendance), the dashboard and the config import from here only.

export { ADULT_AGE, type Band, bandForAge, ensureAttendanceBands, listBands } from './bands'
export { type Prefill, prefillKey, prefillOf } from './prefill'
export {
  MAIL_DATES,
  nextReminderRun,
  queueAttendanceReminders,
  type ReminderOutcome,
  sendAttendanceReminder,
} from './reminders'
export { type AttendanceScope, attendanceScope } from './scope'
export { countWaiting, WAITING_DAYS, type WaitingDate, waitingDates } from './waiting'
