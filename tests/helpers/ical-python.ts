import { execFileSync } from 'node:child_process'
import path from 'node:path'

export type PythonView = {
  events: number
  timezones: string[]
  name: string
  dates: { uid: string; start: string; end: string; status: string | null; summary: string }[]
}

/**
 * Parses a feed with Debian's python3-icalendar and expands it with python3-recurring-ical-events
 * (tests/helpers/ical-expand.py): the dates overlapping [from, to), as a second, independent client.
 */
export const pythonExpand = (ics: string, from: Date, to: Date): PythonView =>
  JSON.parse(
    execFileSync(
      '/usr/bin/python3',
      [path.join(process.cwd(), 'tests/helpers/ical-expand.py'), from.toISOString(), to.toISOString()],
      {
        input: ics,
        maxBuffer: 50_000_000,
      },
    ).toString('utf8'),
  )
