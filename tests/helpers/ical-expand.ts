/**
 * What a calendar client shows for an .ics text, computed by ical.js (Mozilla's parser, used by
 * Thunderbird): every VEVENT expanded with its RRULE/RDATE/EXDATE and RECURRENCE-ID overrides.
 * Timed dates come back as UTC ISO instants, all-day dates as YYYY-MM-DD.
 */
import ICAL from 'ical.js'

export type Expanded = { uid: string; start: string; end: string; status: string | null; summary: string }

const value = (time: ICAL.Time) => (time.isDate ? time.toString() : new Date(time.toUnixTime() * 1000).toISOString())

export const parseCalendar = (ics: string) => {
  const calendar = new ICAL.Component(ICAL.parse(ics))
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return calendar
}

/** All dates of all events, ordered by start then UID (at most `limit` per event). */
export const expandIcs = (ics: string, limit = 5000): Expanded[] => {
  const calendar = parseCalendar(ics)
  const vevents = calendar.getAllSubcomponents('vevent')
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'))
  const out: Expanded[] = []
  for (const master of masters) {
    const uid = String(master.getFirstPropertyValue('uid'))
    const event = new ICAL.Event(master, {
      strictExceptions: true,
      exceptions: vevents.filter((v) => v.hasProperty('recurrence-id') && v.getFirstPropertyValue('uid') === uid),
    })
    const push = (item: ICAL.Event, start: ICAL.Time, end: ICAL.Time) =>
      out.push({
        uid,
        start: value(start),
        end: value(end),
        status: (item.component.getFirstPropertyValue('status') as string | null) ?? null,
        summary: item.summary,
      })
    if (!event.isRecurring()) {
      push(event, event.startDate, event.endDate)
      continue
    }
    const iterator = event.iterator()
    for (let next = iterator.next(), n = 0; next && n < limit; next = iterator.next(), n++) {
      const details = event.getOccurrenceDetails(next)
      push(details.item, details.startDate, details.endDate)
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start) || a.uid.localeCompare(b.uid))
}
