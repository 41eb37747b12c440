/**
 * Prints every golden calendar as JSON ({ name: ics }), so a test can render them in child processes
 * with different TZ values: `TZ=UTC node --import tsx tests/helpers/ical-render-goldens.ts`.
 */
import { buildCalendar } from '../../collections/lib/ical/build'
import { CASES, calendarOf } from '../fixtures/ical/events'

const out = Object.fromEntries(Object.keys(CASES).map((name) => [name, buildCalendar(calendarOf(name))]))
process.stdout.write(JSON.stringify(out))
