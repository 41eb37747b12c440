import { TZDate } from '@date-fns/tz'
import * as rruleModule from 'rrule'
import {
  type Frequency,
  MAX_OCCURRENCES,
  RECURRENCE_HORIZON_DAYS,
  RECURRENCE_PAST_DAYS,
  TIME_ZONE,
  type Weekday,
} from '../enums'

// rrule ships UMD for Node (named exports invisible to ESM) and ESM for bundlers: accept both shapes.
const RRule: typeof rruleModule.RRule =
  rruleModule.RRule ?? (rruleModule as unknown as { default: typeof rruleModule }).default.RRule

export type RecurrenceInput = {
  frequency?: Frequency | null
  interval?: number | null
  byWeekday?: Weekday[] | null
  until?: string | Date | null
  count?: number | null
  excludedDates?: { date?: string | Date | null }[] | null
  extraDates?: { start?: string | Date | null }[] | null
}

export type ChangedDate = {
  originalStart?: string | Date | null
  start?: string | Date | null
  end?: string | Date | null
  status?: string | null
  note?: string | null
  /** Places of this one date, when it takes registrations with a figure of its own. */
  places?: number | null
  /** This date takes no registrations although the event does. */
  noRegistration?: boolean | null
}

export type ScheduleInput = {
  start: string | Date
  end?: string | Date | null
  allDay?: boolean | null
  recurrence?: RecurrenceInput | null
  changedDates?: ChangedDate[] | null
}

export type Occurrence = {
  start: Date
  end: Date
  originalStart: Date
  status?: string
  note?: string
  places?: number
  noRegistration?: boolean
}

const DAY = 86_400_000

/** Wall-clock fields of an instant in Rome, as a "floating" UTC date (the form rrule computes in). */
export const toWall = (instant: Date): Date => {
  const z = new TZDate(instant.getTime(), TIME_ZONE)
  return new Date(Date.UTC(z.getFullYear(), z.getMonth(), z.getDate(), z.getHours(), z.getMinutes(), z.getSeconds()))
}

/** The instant at which Rome's clocks show the given floating wall-clock time. */
export const fromWall = (wall: Date): Date =>
  new Date(
    new TZDate(
      wall.getUTCFullYear(),
      wall.getUTCMonth(),
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
      wall.getUTCSeconds(),
      TIME_ZONE,
    ).getTime(),
  )

/** The calendar day (YYYY-MM-DD) of an instant in Rome. */
export const romeDay = (instant: Date): string => toWall(instant).toISOString().slice(0, 10)

/** Midnight in Rome at the start of the Rome day that contains `instant`. */
export const startOfRomeDay = (instant: Date): Date => {
  const wall = toWall(instant)
  return fromWall(new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())))
}

const WEEKDAY_INDEX: Record<Weekday, number> = { MO: 0, TU: 1, WE: 2, TH: 3, FR: 4, SA: 5, SU: 6 }

export type Expansion = { occurrences: Occurrence[]; truncated: false | 'count' | 'horizon' }

/** Safety net for rules that begin long before the window (validation keeps starts after 2000). */
const MAX_ITERATIONS = 200_000

/**
 * Expands an event's schedule into concrete occurrences. Rules are evaluated on Rome wall-clock time,
 * so a weekly reading at 10:30 stays at 10:30 across DST changes. A rule yields only the dates between
 * RECURRENCE_PAST_DAYS before `now` and RECURRENCE_HORIZON_DAYS after max(now, start), and never more
 * than MAX_OCCURRENCES in all, whatever it says; `truncated` tells which bound cut it short.
 * The first date and extra dates are explicit, so they are always kept.
 */
export const expandSchedule = (input: ScheduleInput, now: Date = new Date()): Expansion => {
  const start = new Date(input.start)
  const end = input.end ? new Date(input.end) : start
  const allDay = !!input.allDay
  const wallStart = allDay ? new Date(Date.UTC(...ymd(toWall(start)))) : toWall(start)
  const wallEnd = allDay ? new Date(Date.UTC(...ymd(toWall(end))) + DAY) : toWall(end)
  const wallDuration = Math.max(0, wallEnd.getTime() - wallStart.getTime())
  const wallHorizon = toWall(new Date(Math.max(now.getTime(), start.getTime()) + RECURRENCE_HORIZON_DAYS * DAY))
  const wallPast = toWall(new Date(now.getTime() - RECURRENCE_PAST_DAYS * DAY))
  const rec = input.recurrence
  let truncated = false as Expansion['truncated']

  const wallStarts: Date[] = [wallStart]
  if (rec?.frequency && rec.frequency !== 'none') {
    const freq = { daily: RRule.DAILY, weekly: RRule.WEEKLY, monthly: RRule.MONTHLY }[rec.frequency]
    const untilWall = rec.until ? new Date(Date.UTC(...ymd(toWall(new Date(rec.until)))) + DAY - 1000) : null
    const rule = new RRule({
      freq,
      interval: Math.max(1, rec.interval ?? 1),
      dtstart: wallStart,
      ...(rec.byWeekday?.length && rec.frequency === 'weekly'
        ? { byweekday: rec.byWeekday.map((d) => WEEKDAY_INDEX[d]) }
        : {}),
      ...(untilWall ? { until: untilWall } : {}),
      ...(rec.count ? { count: rec.count } : {}),
    })
    let iterations = 0
    // RFC 5545: DTSTART is the first occurrence and counts towards COUNT even when the rule skips it.
    let ruleLimit = Number.POSITIVE_INFINITY
    wallStarts.length = 0
    rule.all((date) => {
      if (iterations === 0 && date.getTime() !== wallStart.getTime() && rec.count) ruleLimit = rec.count - 1
      if (iterations >= ruleLimit) return false
      if (date > wallHorizon || ++iterations > MAX_ITERATIONS) {
        truncated = 'horizon'
        return false
      }
      if (date < wallPast && date.getTime() !== wallStart.getTime()) return true
      if (wallStarts.length > MAX_OCCURRENCES) {
        truncated = 'count'
        return false
      }
      wallStarts.push(date)
      return true
    })
    // A weekly rule on other weekdays does not yield its own first date; the event still happens then.
    if (wallStarts[0]?.getTime() !== wallStart.getTime()) wallStarts.unshift(wallStart)
  }

  const excluded = new Set((rec?.excludedDates ?? []).flatMap((x) => (x.date ? [romeDay(new Date(x.date))] : [])))
  const extra = (rec?.extraDates ?? []).flatMap((x) => (x.start ? [toWall(new Date(x.start))] : []))
  const seen = new Set<number>()
  const changes = new Map(
    (input.changedDates ?? []).flatMap((c) => (c.originalStart ? [[new Date(c.originalStart).getTime(), c]] : [])),
  )

  const occurrences: Occurrence[] = []
  for (const wall of [...wallStarts, ...extra].sort((a, b) => a.getTime() - b.getTime())) {
    if (seen.has(wall.getTime())) continue
    seen.add(wall.getTime())
    if (excluded.has(wall.toISOString().slice(0, 10))) continue
    if (occurrences.length >= MAX_OCCURRENCES) {
      truncated = 'count'
      break
    }
    const originalStart = fromWall(wall)
    const occurrence: Occurrence = {
      originalStart,
      start: originalStart,
      end: fromWall(new Date(wall.getTime() + wallDuration)),
    }
    const change = changes.get(originalStart.getTime())
    if (change) {
      if (change.start) occurrence.start = new Date(change.start)
      if (change.end) occurrence.end = new Date(change.end)
      else if (change.start)
        occurrence.end = new Date(occurrence.start.getTime() + (occurrence.end.getTime() - originalStart.getTime()))
      if (change.status) occurrence.status = change.status
      if (change.note) occurrence.note = change.note
      if (typeof change.places === 'number' && change.places > 0) occurrence.places = change.places
      if (change.noRegistration) occurrence.noRegistration = true
    }
    occurrences.push(occurrence)
  }
  return { occurrences, truncated }
}

function ymd(d: Date): [number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()]
}
