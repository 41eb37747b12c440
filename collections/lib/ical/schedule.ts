import * as rruleModule from 'rrule'
import { TIME_ZONE, WEEKDAYS } from '../../enums'
import { expandSchedule, type Occurrence, type ScheduleInput } from '../recurrence'

// rrule ships UMD for Node (named exports invisible to ESM) and ESM for bundlers: accept both shapes.
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule

const HOUR = 3_600_000
const DAY = 86_400_000

const offsets = new Map<number, number>()
const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'longOffset' })

/**
 * Rome's wall clock of an instant, as a floating date (UTC fields), like recurrence.ts `toWall` but
 * memoised per UTC hour (Rome changes offset only on the hour): a feed converts thousands of dates,
 * and each Intl-based conversion costs tens of microseconds.
 */
export const wallOf = (instant: Date): Date => {
  const hour = Math.floor(instant.getTime() / HOUR)
  let offset = offsets.get(hour)
  if (offset === undefined) {
    const [, sign, hh, mm] = offsetFormat.format(hour * HOUR).match(/GMT([+-])(\d\d):(\d\d)/) ?? []
    offset = sign ? (sign === '-' ? -1 : 1) * (Number(hh) * HOUR + Number(mm) * 60_000) : 0
    if (offsets.size > 100_000) offsets.clear()
    offsets.set(hour, offset)
  }
  return new Date(Math.floor(instant.getTime() / 1000) * 1000 + offset)
}

/**
 * An event's dates in iCalendar terms. The dates are the site's own (occurrence rows, or what
 * `expandSchedule` yields for them), never re-derived from the rule alone: the rule is anchored on its
 * first instance among them (a DTSTART off the rule is undefined behaviour in RFC 5545, and clients
 * disagree on it) and closed with COUNT at the last; every rule instance the site does not list becomes
 * an EXDATE, every other date the site lists an RDATE, and every changed date a RECURRENCE-ID override.
 * Clients expanding these lines get the site's dates, whatever cut them (excluded days, the 1,000-date
 * cap, the materialisation window, the feed's own horizon). Times are Rome wall clock (floating dates).
 */
export type Series =
  | { kind: 'single'; occurrence: Occurrence }
  | {
      kind: 'series'
      /** The master VEVENT's DTSTART and DTEND, as Rome wall-clock times. */
      start: Date
      end: Date
      /** `RRULE`, `RDATE` and `EXDATE` lines, unfolded, without line ends. */
      lines: string[]
      /** Dates that differ from the master (moved, cancelled, full, annotated). */
      overrides: Occurrence[]
    }

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** `YYYYMMDD` of a floating wall-clock date. */
const dayValue = (wall: Date) =>
  `${pad(wall.getUTCFullYear(), 4)}${pad(wall.getUTCMonth() + 1)}${pad(wall.getUTCDate())}`

/** `YYYYMMDDTHHMMSS` of a floating wall-clock date. */
const localValue = (wall: Date) =>
  `${dayValue(wall)}T${pad(wall.getUTCHours())}${pad(wall.getUTCMinutes())}${pad(wall.getUTCSeconds())}`

/** A DATE or a Rome DATE-TIME list of wall-clock values, as RDATE/EXDATE/RECURRENCE-ID need it. */
export const dateProperty = (name: string, walls: Date[], allDay: boolean): string =>
  allDay
    ? `${name};VALUE=DATE:${walls.map(dayValue).join(',')}`
    : `${name};TZID=${TIME_ZONE}:${walls.map(localValue).join(',')}`

export const midnight = (wall: Date) => new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()))

const FREQ = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY } as const
const FREQ_NAME = { daily: 'DAILY', weekly: 'WEEKLY', monthly: 'MONTHLY' } as const
const WEEKDAY_INDEX = Object.fromEntries(WEEKDAYS.map((d, i) => [d, i])) as Record<(typeof WEEKDAYS)[number], number>

type Rule = { frequency: keyof typeof FREQ; interval: number; byWeekday: (typeof WEEKDAYS)[number][] }

const ruleOf = (input: ScheduleInput): Rule | null => {
  const rec = input.recurrence
  if (!rec?.frequency || rec.frequency === 'none') return null
  return {
    frequency: rec.frequency,
    interval: Math.max(1, rec.interval ?? 1),
    byWeekday: rec.frequency === 'weekly' ? WEEKDAYS.filter((d) => rec.byWeekday?.includes(d)) : [],
  }
}

/** The event's first date as Rome wall clock (midnight for all-day events), as recurrence.ts anchors rules. */
const anchorOf = (input: ScheduleInput) => {
  const wall = wallOf(new Date(input.start))
  return input.allDay ? midnight(wall) : wall
}

/**
 * The wall-clock dates the bare rule yields in [low, high], bounded by its own UNTIL day and COUNT so
 * that a late extra date does not drag the rule along (rule dates are wall clock, as in recurrence.ts).
 */
const ruleWalls = (input: ScheduleInput, rule: Rule, low: Date, high: Date): Date[] => {
  const rec = input.recurrence ?? {}
  const until = rec.until ? new Date(midnight(wallOf(new Date(rec.until))).getTime() + DAY - 1000) : null
  return new RRule({
    freq: FREQ[rule.frequency],
    interval: rule.interval,
    dtstart: anchorOf(input),
    wkst: 0,
    ...(rule.byWeekday.length ? { byweekday: rule.byWeekday.map((d) => WEEKDAY_INDEX[d]) } : {}),
    ...(until ? { until } : {}),
    ...(rec.count ? { count: rec.count } : {}),
  }).between(low, high, true)
}

const ruleLine = (rule: Rule, count: number): string => {
  const parts = [`FREQ=${FREQ_NAME[rule.frequency]}`]
  if (rule.interval > 1) parts.push(`INTERVAL=${rule.interval}`)
  if (rule.byWeekday.length) parts.push(`BYDAY=${rule.byWeekday.join(',')}`)
  // COUNT rather than UNTIL: a UTC UNTIL meets instances computed across a DST change, and some
  // expanders (python-dateutil with pytz zones) compute them an hour off and drop the last one.
  parts.push(`COUNT=${count}`)
  if (rule.frequency === 'weekly') parts.push('WKST=MO')
  return `RRULE:${parts.join(';')}`
}

/** Wall-clock length of one date, as `expandSchedule` measures it (all-day: whole days, end inclusive). */
const durationOf = (input: ScheduleInput): number => {
  const start = wallOf(new Date(input.start))
  const end = input.end ? wallOf(new Date(input.end)) : start
  if (!input.allDay) return Math.max(0, end.getTime() - start.getTime())
  return Math.max(0, midnight(end).getTime() - midnight(start).getTime()) + DAY
}

/**
 * The site's dates of an event that overlap [from, until), computed as the Events hook does: what the
 * feeds read from the occurrence rows instead. Overlap is the agenda's test: end > from, start < until.
 */
export const occurrencesOf = (input: ScheduleInput, options: { now: Date; from?: Date; until?: Date }) => {
  const from = options.from?.getTime() ?? Number.NEGATIVE_INFINITY
  const until = options.until?.getTime() ?? Number.POSITIVE_INFINITY
  return expandSchedule(input, options.now).occurrences.filter(
    (o) => o.end.getTime() > from && o.start.getTime() < until,
  )
}

/**
 * The dates `kept` of an event with this schedule and status, as one VEVENT plus overrides; null if
 * none. A date's own status (a row's, or a changed date's) matters only where it differs.
 */
export const seriesOf = (input: ScheduleInput, kept: Occurrence[], status: string): Series | null => {
  if (kept.length === 0) return null
  const rule = ruleOf(input)
  const extras = !!input.recurrence?.extraDates?.length
  if (kept.length === 1 && !rule && !extras) return { kind: 'single', occurrence: kept[0] as Occurrence }

  const allDay = !!input.allDay
  const listed = kept.map((o) => wallOf(o.originalStart)).sort((a, b) => a.getTime() - b.getTime())
  const first = listed[0] as Date
  const instances = rule ? ruleWalls(input, rule, first, listed.at(-1) as Date) : []
  const anchor = instances[0] ?? first
  const inRule = new Set(instances.map((d) => d.getTime()))
  const isListed = new Set(listed.map((d) => d.getTime()))

  // Without rule instances the set is DTSTART plus RDATEs; the one-date rule is there because ical.js
  // (Thunderbird) drops DTSTART from a set made only of RDATEs.
  const lines = [rule && instances.length ? ruleLine(rule, instances.length) : 'RRULE:FREQ=DAILY;COUNT=1']
  const rdates = listed.filter((d) => !inRule.has(d.getTime()) && d.getTime() !== anchor.getTime())
  if (rdates.length) lines.push(dateProperty('RDATE', rdates, allDay))
  const exdates = instances.filter((d) => !isListed.has(d.getTime()))
  if (exdates.length) lines.push(dateProperty('EXDATE', exdates, allDay))

  const duration = durationOf(input)
  return {
    kind: 'series',
    start: anchor,
    end: new Date(anchor.getTime() + duration),
    lines,
    overrides: kept.filter(
      (o) =>
        o.start.getTime() !== o.originalStart.getTime() ||
        wallOf(o.end).getTime() - wallOf(o.originalStart).getTime() !== duration ||
        (o.status ?? status) !== status ||
        !!o.note,
    ),
  }
}
