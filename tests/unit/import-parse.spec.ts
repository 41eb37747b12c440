// The calendar import's reader (cms/import): iCalendar → the agenda's items, in Rome time and the Events
// recurrence model, on the repository's real-world fixtures (tests/fixtures/ics) and small hand-written calendars.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCalendar } from '../../cms/import'

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/ics', name), 'utf8')
const calendar = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...lines, 'END:VCALENDAR'].join('\r\n')
const NOW = new Date('2027-01-01T00:00:00Z')

describe('reading calendars into the agenda', () => {
  it('reads floating times in X-WR-TIMEZONE, and in Rome without it', () => {
    const event = ['BEGIN:VEVENT', 'UID:a', 'SUMMARY:A', 'DTSTART:20270115T103000', 'END:VEVENT']
    expect(parseCalendar(calendar('X-WR-TIMEZONE:Europe/London', ...event), NOW).items[0]?.start.toISOString()).toBe(
      '2027-01-15T10:30:00.000Z',
    )
    expect(parseCalendar(calendar(...event), NOW).items[0]?.start.toISOString()).toBe('2027-01-15T09:30:00.000Z')
  })

  it('reads Windows zone names as their IANA zone', () => {
    const parsed = parseCalendar(
      calendar(
        'BEGIN:VEVENT',
        'UID:w',
        'SUMMARY:W',
        'DTSTART;TZID=W. Europe Standard Time:20270715T103000',
        'END:VEVENT',
      ),
      NOW,
    )
    expect(parsed.items[0]?.start.toISOString()).toBe('2027-07-15T08:30:00.000Z')
    expect(parsed.notes).toEqual([])
  })

  it('says when a zone is unknown and reads it as Rome', () => {
    const parsed = parseCalendar(
      calendar('BEGIN:VEVENT', 'UID:u', 'SUMMARY:U', 'DTSTART;TZID=Atlantide:20270715T103000', 'END:VEVENT'),
      NOW,
    )
    expect(parsed.items[0]?.start.toISOString()).toBe('2027-07-15T08:30:00.000Z')
    expect(parsed.notes).toEqual(['Fuso orario «Atlantide» sconosciuto: orari letti come ora italiana.'])
  })

  it('keeps a Rome weekly rule with its weekdays, EXDATE as an excluded day and RDATE as an extra date', () => {
    const [item] = parseCalendar(
      calendar(
        'BEGIN:VEVENT',
        'UID:r',
        'SUMMARY:R',
        'DTSTART;TZID=Europe/Rome:20270105T170000',
        'DTEND;TZID=Europe/Rome:20270105T180000',
        'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH;UNTIL=20270301T160000Z',
        'EXDATE;TZID=Europe/Rome:20270119T170000',
        'RDATE;TZID=Europe/Rome:20270310T170000',
        'END:VEVENT',
      ),
      NOW,
    ).items
    expect(item?.recurrence).toMatchObject({ frequency: 'weekly', interval: 2, byWeekday: ['TU', 'TH'] })
    // UNTIL 16:00Z on 1 March is 17:00 in Rome: the 17:00 date of that day is the last one.
    expect(item?.recurrence?.until?.toString().slice(0, 10)).toBe('2027-03-01')
    expect(item?.recurrence?.excludedDates?.map((d) => d.date?.toString().slice(0, 10))).toEqual(['2027-01-19'])
    expect(item?.recurrence?.extraDates).toEqual([{ start: '2027-03-10T16:00:00.000Z' }])
    expect(item?.notes).toEqual([])
  })

  it('expands what the agenda cannot say (a yearly rule) within its horizon, and notes it', () => {
    const [item] = parseCalendar(
      fixture('node-ical/test__fixtures__exchange_whole_day_moved_recurrence.ics'),
      NOW,
    ).items
    expect(item?.recurrence?.frequency).toBe('weekly')
    const [yearly] = parseCalendar(
      calendar('BEGIN:VEVENT', 'UID:y', 'SUMMARY:Y', 'DTSTART;VALUE=DATE:20270601', 'RRULE:FREQ=YEARLY', 'END:VEVENT'),
      NOW,
    ).items
    expect(yearly?.recurrence?.frequency).toBe('none')
    expect(yearly?.recurrence?.extraDates).toHaveLength(2)
    expect(yearly?.notes[0]).toMatch(/«FREQ=YEARLY».*espansa in 3 date/)
  })

  it('gives events without UID an identity from title, start and place (Outlook exports)', () => {
    const { items } = parseCalendar(fixture('node-ical/test__fixtures__Office-2012-owa.ics'), NOW)
    expect(items.map((i) => i.key)).toEqual([
      'senza-uid|test syd|2020-10-28T03:30|',
      'senza-uid|test|2020-10-28T18:30|',
      'senza-uid|test 3|2020-11-02T18:30|',
      'senza-uid|test2|2020-11-02T18:30|',
    ])
  })

  it('refuses a text that is not a calendar, in Italian', () => {
    expect(() => parseCalendar('<html>Pagina non trovata</html>', NOW)).toThrow(/non è un calendario iCalendar/)
  })
})
