import { readFileSync } from 'node:fs'
import { parseCalendar } from './cms/import/parse'

const F = '/work/shared/data/ics-fixtures/'
for (const f of [
  'node-ical/test__fixtures__google-calendar-kiev-tz.ics',
  'node-ical/test__fixtures__Office-2012-owa.ics',
  'node-ical/test__fixtures__daily-count-exdate-recurrence-id.ics',
  'node-ical/test__fixtures__google-recurrence-order.ics',
  'libical/Rome.ics',
  'ical.js/samples__rdate_exdate.ics',
  'node-ical/test__fixtures__yearly-party.ics',
]) {
  const r = parseCalendar(readFileSync(F + f, 'utf8'))
  console.log('==', f, r.notes, r.refused)
  for (const i of r.items)
    console.log(
      JSON.stringify({
        key: i.key.slice(0, 40),
        t: i.title,
        s: i.start,
        e: i.end,
        ad: i.allDay,
        c: i.cancelled,
        r: i.recurrence,
        ch: i.changedDates,
        n: i.notes,
      }).slice(0, 600),
    )
}
