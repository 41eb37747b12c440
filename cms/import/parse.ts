import ICAL from 'ical.js'
import { MAX_OCCURRENCES, RECURRENCE_HORIZON_DAYS, TIME_ZONE, WEEKDAYS, type Weekday } from '../../collections/enums'
import { type ChangedDate, fromWall, type RecurrenceInput, romeDay, toWall } from '../../collections/lib/recurrence'
import { foldText } from '../../collections/lib/slugify'
import { catalogue } from '../../shared/strings'
import { displayOffset, ianaZone, instantIn, sameClockAsRome, type Wall } from './zones'

const T = catalogue('it').imports.parse
const DAY = 86_400_000

/** One event of a calendar, in the agenda's terms (Rome time, the Events recurrence model). */
export type CalendarItem = {
  /** Identity within the source: UID, plus RECURRENCE-ID for a changed date given without its series. */
  key: string
  uid: string
  /** Title, start and place, folded: catches changed UIDs and duplicates. */
  secondKey: string
  title: string
  description: string
  location: string
  url: string | null
  start: Date
  end: Date | null
  allDay: boolean
  cancelled: boolean
  recurrence: RecurrenceInput | null
  changedDates: ChangedDate[]
  notes: string[]
}

export type ParsedCalendar = {
  items: CalendarItem[]
  /** Items that cannot become events, with the reason. */
  refused: { uid: string; title: string; reason: string }[]
  notes: string[]
}

type Component = ICAL.Component
type Time = ICAL.Time

const text = (component: Component, name: string): string => {
  const value = component.getFirstPropertyValue(name)
  return value == null ? '' : String(value).trim()
}

const wallOf = (time: Time): Wall => ({
  year: time.year,
  month: time.month,
  day: time.day,
  hour: time.isDate ? 0 : time.hour,
  minute: time.isDate ? 0 : time.minute,
  second: time.isDate ? 0 : time.second,
})

/** Midday in Rome of a calendar day: what the agenda stores for "a day" (excluded dates, "until"). */
const romeNoon = (day: string) => fromWall(new Date(`${day}T12:00:00.000Z`))
const dayOf = (wall: Wall) =>
  `${String(wall.year).padStart(4, '0')}-${String(wall.month).padStart(2, '0')}-${String(wall.day).padStart(2, '0')}`

/**
 * Turns a calendar's times into instants. TZID: an IANA zone, a Windows or Exchange name, a VTIMEZONE of the
 * file, else Rome (noted once). Floating times: X-WR-TIMEZONE, else Rome. UTC stays UTC.
 */
class Clock {
  private readonly fileZones = new Map<string, ICAL.Timezone>()
  readonly notes = new Set<string>()
  readonly defaultZone: string

  constructor(calendar: Component) {
    for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
      const id = text(vtz, 'tzid')
      if (id) this.fileZones.set(id, new ICAL.Timezone(vtz))
    }
    const declared = text(calendar, 'x-wr-timezone')
    this.defaultZone = ianaZone(declared) ?? TIME_ZONE
  }

  /** The zone a property's times are in: an IANA name, or null with a file VTIMEZONE / fixed offset to use. */
  zoneOf(tzid: string | null): string | null {
    if (!tzid) return this.defaultZone
    const iana = ianaZone(tzid)
    if (iana) return iana
    return null
  }

  instant(time: Time, tzid: string | null): Date {
    const wall = wallOf(time)
    if (time.isDate) return fromWall(new Date(Date.UTC(wall.year, wall.month - 1, wall.day)))
    if (time.zone === ICAL.Timezone.utcTimezone)
      return new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second))
    const zone = this.zoneOf(tzid)
    if (zone) return instantIn(wall, zone)
    const fileZone = tzid ? this.fileZones.get(tzid) : undefined
    if (fileZone) {
      const local = time.clone()
      local.zone = fileZone
      return new Date(local.toUnixTime() * 1000)
    }
    const offset = tzid ? displayOffset(tzid) : null
    if (offset != null)
      return new Date(
        Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - offset * 60_000,
      )
    this.notes.add(T.unknownZone(tzid ?? ''))
    return instantIn(wall, TIME_ZONE)
  }
}

const tzidOf = (component: Component, name: string): string | null => {
  const value = component.getFirstProperty(name)?.getParameter('tzid')
  return value == null ? null : String(value)
}

const WEEKDAY_SET = new Set<string>(WEEKDAYS)

/**
 * The agenda's recurrence for an RRULE, or null when the agenda cannot say it: DAILY, WEEKLY (on plain
 * weekdays) and MONTHLY (on the start's day of the month), with INTERVAL, COUNT and UNTIL. Anything else
 * (yearly, "the second Tuesday", BYSETPOS, several rules…) is expanded into dates by the caller.
 */
const ruleOf = (rule: ICAL.Recur, start: Wall, untilDay: (until: Time) => string): RecurrenceInput | null => {
  const freq = String(rule.freq).toLowerCase()
  if (freq !== 'daily' && freq !== 'weekly' && freq !== 'monthly') return null
  const parts = (rule.parts ?? {}) as Record<string, unknown[]>
  const interval = rule.interval ?? 1
  if (interval < 1 || interval > 52) return null
  let byWeekday: Weekday[] | undefined
  for (const [part, values] of Object.entries(parts)) {
    if (!values?.length) continue
    if (part === 'BYDAY' && freq === 'weekly' && values.every((v) => WEEKDAY_SET.has(String(v)))) {
      byWeekday = values.map((v) => String(v) as Weekday)
      continue
    }
    if (part === 'BYMONTHDAY' && freq === 'monthly' && values.length === 1 && Number(values[0]) === start.day) continue
    return null
  }
  // The agenda's weeks start on Monday; another week start changes which weeks an every-other-week rule keeps.
  if (byWeekday && byWeekday.length > 1 && interval > 1 && rule.wkst !== undefined && rule.wkst !== ICAL.Time.MONDAY)
    return null
  if (rule.count != null && (rule.count < 1 || rule.count > MAX_OCCURRENCES)) return null
  return {
    frequency: freq,
    interval,
    ...(byWeekday ? { byWeekday } : {}),
    ...(rule.count ? { count: rule.count } : {}),
    ...(rule.until ? { until: romeNoon(untilDay(rule.until)).toISOString() } : {}),
  }
}

const limit = (value: string, max: number) => (value.length > max ? `${value.slice(0, max - 1).trimEnd()}…` : value)

export const secondKeyOf = (title: string, start: Date, location: string) =>
  `${foldText(title)}|${start.toISOString().slice(0, 16)}|${foldText(location)}`

/** A changed date of a series: a RECURRENCE-ID component that moves, cancels or retitles one date. */
const changeOf = (clock: Clock, override: Component, masterTitle: string): ChangedDate | null => {
  const recurrenceId = override.getFirstPropertyValue('recurrence-id') as Time | null
  const dtstart = override.getFirstPropertyValue('dtstart') as Time | null
  if (!recurrenceId) return null
  const originalStart = clock.instant(recurrenceId, tzidOf(override, 'recurrence-id'))
  const change: ChangedDate = { originalStart: originalStart.toISOString() }
  if (dtstart) {
    const start = clock.instant(dtstart, tzidOf(override, 'dtstart'))
    if (start.getTime() !== originalStart.getTime()) change.start = start.toISOString()
    const dtend = override.getFirstPropertyValue('dtend') as Time | null
    const duration = override.getFirstPropertyValue('duration') as ICAL.Duration | null
    const end = dtend
      ? clock.instant(dtend, tzidOf(override, 'dtend'))
      : duration
        ? new Date(start.getTime() + duration.toSeconds() * 1000)
        : null
    if (end && end.getTime() > start.getTime()) {
      change.start = start.toISOString()
      change.end = end.toISOString()
    }
  }
  if (text(override, 'status').toUpperCase() === 'CANCELLED') change.status = 'cancelled'
  const title = text(override, 'summary')
  if (title && title !== masterTitle) change.note = limit(T.instanceTitle(title), 200)
  return change
}

/**
 * Reads an iCalendar text into the agenda's items. Events with one UID are one item: the master with its
 * rule (RRULE, EXDATE, RDATE) and its changed dates (RECURRENCE-ID components); a rule the agenda cannot
 * say is expanded into dates within the agenda's horizon, and the item says so. Throws on a text that is
 * not a calendar at all (the reason in Italian).
 */
export const parseCalendar = (ics: string, now: Date = new Date()): ParsedCalendar => {
  if (!/BEGIN:VCALENDAR/i.test(ics)) throw new Error(T.notCalendar)
  let calendar: Component
  try {
    const parsed = ICAL.parse(ics)
    // A file may hold several VCALENDARs: the first is read (Google and Outlook write one).
    const first = (Array.isArray(parsed[0]) ? parsed[0] : parsed) as unknown[]
    calendar = new ICAL.Component(first as never)
  } catch (error) {
    throw new Error(T.invalid((error as Error).message.split('\n')[0] ?? ''))
  }
  const clock = new Clock(calendar)
  const refused: ParsedCalendar['refused'] = []
  const byUid = new Map<string, { masters: Component[]; overrides: Component[] }>()
  let anonymous = 0
  for (const vevent of calendar.getAllSubcomponents('vevent')) {
    // No UID (some Outlook exports): the second key is its identity.
    const uid = text(vevent, 'uid') || `senza-uid-${anonymous++}`
    const group = byUid.get(uid) ?? { masters: [], overrides: [] }
    byUid.set(uid, group)
    if (vevent.hasProperty('recurrence-id')) group.overrides.push(vevent)
    else group.masters.push(vevent)
  }

  const items: CalendarItem[] = []
  for (const [uid, group] of byUid) {
    // The same UID twice without RECURRENCE-ID: the highest SEQUENCE is the current version.
    const master = group.masters
      .sort(
        (a, b) => Number(a.getFirstPropertyValue('sequence') ?? 0) - Number(b.getFirstPropertyValue('sequence') ?? 0),
      )
      .at(-1)
    if (!master) {
      for (const orphan of group.overrides) {
        const item = itemOf(clock, orphan, uid, [], now, refused)
        if (!item) continue
        const recurrenceId = clock.instant(
          orphan.getFirstPropertyValue('recurrence-id') as Time,
          tzidOf(orphan, 'recurrence-id'),
        )
        item.key = `${uid}|${recurrenceId.toISOString()}`
        item.notes.push(T.orphanInstance)
        items.push(item)
      }
      continue
    }
    const item = itemOf(clock, master, uid, group.overrides, now, refused)
    if (item) items.push(item)
  }
  return { items, refused, notes: [...clock.notes] }
}

const itemOf = (
  clock: Clock,
  vevent: Component,
  uid: string,
  overrides: Component[],
  now: Date,
  refused: ParsedCalendar['refused'],
): CalendarItem | null => {
  const title = limit(text(vevent, 'summary').replace(/\s+/g, ' '), 200)
  const dtstart = vevent.getFirstPropertyValue('dtstart') as Time | null
  if (!dtstart) {
    refused.push({ uid, title, reason: T.noStart })
    return null
  }
  if (!title) {
    refused.push({ uid, title: '', reason: T.noTitle })
    return null
  }
  const startTzid = tzidOf(vevent, 'dtstart')
  const allDay = dtstart.isDate
  const start = clock.instant(dtstart, startTzid)
  const dtend = vevent.getFirstPropertyValue('dtend') as Time | null
  const duration = vevent.getFirstPropertyValue('duration') as ICAL.Duration | null
  let end: Date | null = null
  if (allDay) {
    // DTEND of an all-day event is the day after the last one; the agenda keeps the last day.
    const last = dtend
      ? clock.instant(dtend, null).getTime() - DAY
      : duration
        ? start.getTime() + duration.toSeconds() * 1000 - DAY
        : start.getTime()
    end = last > start.getTime() + 3_600_000 ? fromWall(new Date(`${romeDay(new Date(last))}T00:00:00.000Z`)) : null
  } else if (dtend) end = clock.instant(dtend, tzidOf(vevent, 'dtend'))
  else if (duration) end = new Date(start.getTime() + duration.toSeconds() * 1000)
  if (end && end.getTime() <= start.getTime()) end = null

  const location = limit(text(vevent, 'location').replace(/\s+/g, ' '), 300)
  const rawUrl = text(vevent, 'url')
  const url = /^https?:\/\/\S+$/i.test(rawUrl) && rawUrl.length <= 2000 ? rawUrl : null
  const notes: string[] = []
  const changedDates = overrides.flatMap((o) => changeOf(clock, o, title) ?? [])

  let recurrence: RecurrenceInput | null = null
  const rules = vevent.getAllProperties('rrule')
  const rdates = vevent.getAllProperties('rdate')
  const exdates = vevent.getAllProperties('exdate')
  if (rules.length || rdates.length) {
    const zone = clock.zoneOf(startTzid)
    const startWall = wallOf(dtstart)
    const startClock = toWall(start).toISOString().slice(11, 19)
    const untilDay = (until: Time) => {
      if (until.isDate) return dayOf(wallOf(until))
      // All-day dates float: compared with a UTC UNTIL as dates, as calendar clients do (Exchange writes
      // the end of the last day in UTC, 22:00Z in summer).
      if (allDay) return dayOf(wallOf(until))
      // UNTIL is an instant: the last day whose occurrence starts at or before it.
      const instant = clock.instant(until, until.zone === ICAL.Timezone.utcTimezone ? null : startTzid)
      const day = romeDay(instant)
      const that = fromWall(new Date(`${day}T${startClock}.000Z`))
      return that.getTime() > instant.getTime() ? romeDay(new Date(instant.getTime() - DAY)) : day
    }
    const sameClock = allDay || (zone != null && sameClockAsRome(zone, startWall.year))
    const rule =
      rules.length === 1 && sameClock ? ruleOf(rules[0]?.getFirstValue() as ICAL.Recur, startWall, untilDay) : null
    if (rule || (rules.length === 0 && sameClock)) {
      recurrence = {
        frequency: rule?.frequency ?? 'none',
        ...(rule ?? {}),
        excludedDates: exdates.flatMap((p) =>
          (p.getValues() as Time[]).map((t) => ({
            date: romeNoon(
              t.isDate ? dayOf(wallOf(t)) : romeDay(clock.instant(t, tzidOf(vevent, 'exdate'))),
            ).toISOString(),
          })),
        ),
        extraDates: rdates.flatMap((p) =>
          (p.getValues() as (Time | ICAL.Period)[]).map((v) => {
            const time = v instanceof ICAL.Period ? v.start : v
            return { start: clock.instant(time, String(p.getParameter('tzid') ?? '') || null).toISOString() }
          }),
        ),
      }
    } else {
      // Expanded by ical.js (RRULEs, RDATEs and EXDATEs together) up to the agenda's horizon.
      const horizon = Math.max(now.getTime(), start.getTime()) + RECURRENCE_HORIZON_DAYS * DAY
      const event = new ICAL.Event(vevent)
      const iterator = event.iterator()
      const dates: string[] = []
      for (let next = iterator.next(); next && dates.length < MAX_OCCURRENCES; next = iterator.next()) {
        const at = clock.instant(next, startTzid)
        if (at.getTime() > horizon) break
        if (at.getTime() !== start.getTime()) dates.push(at.toISOString())
      }
      const ruleText = rules.map((p) => p.getFirstValue()?.toString()).join(' + ') || 'RDATE'
      notes.push(T.expanded(dates.length + 1, ruleText))
      recurrence = { frequency: 'none', extraDates: dates.map((d) => ({ start: d })) }
    }
  }

  const description = text(vevent, 'description')
  return {
    key: uid.startsWith('senza-uid-') ? `senza-uid|${secondKeyOf(title, start, location)}` : uid,
    uid: uid.startsWith('senza-uid-') ? '' : uid,
    secondKey: secondKeyOf(title, start, location),
    title,
    description,
    location,
    url,
    start,
    end,
    allDay,
    cancelled: text(vevent, 'status').toUpperCase() === 'CANCELLED',
    recurrence,
    changedDates,
    notes,
  }
}
