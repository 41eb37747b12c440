import { TZDate } from '@date-fns/tz'
import { TIME_ZONE } from '../../collections/enums'

/** Outlook and Exchange name zones the Windows way; the ones an Italian calendar is likely to carry. */
const WINDOWS_ZONES: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Rome',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'GTB Standard Time': 'Europe/Bucharest',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  UTC: 'UTC',
}

const known = new Map<string, boolean>()

/** Whether the runtime knows an IANA zone name (Node ships the full tz database). */
export const isZone = (name: string): boolean => {
  let ok = known.get(name)
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: name })
      ok = true
    } catch {
      ok = false
    }
    known.set(name, ok)
  }
  return ok
}

/**
 * An IANA zone for a TZID: the name itself, a Windows name, an Exchange display name with its city
 * ("(UTC+01:00) Amsterdam, Berlin, Bern, Rome…"), or null when nothing matches.
 */
export const ianaZone = (tzid: string | null | undefined): string | null => {
  if (!tzid) return null
  const name = tzid.replace(/^"|"$/g, '').replace(/^\/[^/]+\/[^/]+\//, '') // "/mozilla.org/20050126_1/Europe/Rome"
  if (isZone(name)) return name
  const windows = WINDOWS_ZONES[name]
  if (windows) return windows
  if (/\b(Rome|Roma|Berlin|Amsterdam|Vienna|Bern|Stockholm)\b/.test(name)) return TIME_ZONE
  return null
}

/** A fixed offset named in an Exchange display name ("(UTC-05:00) Eastern Time"): minutes east of UTC. */
export const displayOffset = (tzid: string): number | null => {
  const match = /\((?:UTC|GMT)\s*([+-])(\d{1,2}):?(\d{2})\)/.exec(tzid)
  if (!match) return null
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

export type Wall = { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The instant at which the clocks of `zone` show `wall`. */
export const instantIn = (wall: Wall, zone: string): Date =>
  new Date(new TZDate(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, zone).getTime())

/** Whether `zone` keeps the same clock as Rome all year (same offsets in winter and summer). */
export const sameClockAsRome = (zone: string, year: number): boolean =>
  [0, 6].every((month) => {
    const at = Date.UTC(year, month, 15, 12)
    return new TZDate(at, zone).getTimezoneOffset() === new TZDate(at, TIME_ZONE).getTimezoneOffset()
  })
