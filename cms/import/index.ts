/**
 * The calendar import wing (issue 16): calendar sources read on a schedule and on demand, their events
 * created, updated and cancelled through the Local API as the source's creator, and the run log.
 * Guarantees: README.md beside this file.
 */
export { isPublicAddress } from './addresses'
export { FETCH_LIMITS, type FetchOptions, type FetchResult, fetchCalendar } from './fetch'
export { type CalendarItem, type ParsedCalendar, parseCalendar } from './parse'
export { queueDueSyncs, requestSync, type SyncRequest } from './requests'
export { type ReviewNotice, reviewNoticeOfRun } from './review'
export { type SyncOptions, type SyncResult, summaryOf, syncSource } from './sync'
