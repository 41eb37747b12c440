import { TIME_ZONE } from '../../collections/enums'
import { romeDay, toWall } from '../../collections/lib/recurrence'
import { strings } from './i18n'
import type { Locale } from './urls'

export type Instant = Date | string

const toDate = (value: Instant): Date => (value instanceof Date ? value : new Date(value))

/** ISO 8601 with the Europe/Rome offset and no milliseconds: 2026-12-05T10:30:00+01:00. */
export const isoWithOffset = (value: Instant): string => {
  const instant = toDate(value)
  const wall = toWall(instant)
  const minutes = Math.round((wall.getTime() - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${wall.toISOString().slice(0, 19)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** The Rome calendar day (YYYY-MM-DD) of an instant. */
export const romeDate = (value: Instant): string => romeDay(toDate(value))

/** The last Rome day an occurrence covers (all-day ends are exclusive midnights). */
export const lastDay = (o: { start: Instant; end: Instant; allDay?: boolean | null }): string => {
  const end = toDate(o.end)
  const start = toDate(o.start)
  if (end.getTime() <= start.getTime()) return romeDate(start)
  return romeDate(o.allDay ? new Date(end.getTime() - 1) : end)
}

const formatter = (locale: Locale, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(strings(locale).intlLocale, { timeZone: TIME_ZONE, ...options })

const cache = new Map<string, Intl.DateTimeFormat>()
const fmt = (locale: Locale, key: string, options: Intl.DateTimeFormatOptions) => {
  const id = `${locale}:${key}`
  let f = cache.get(id)
  if (!f) {
    f = formatter(locale, options)
    cache.set(id, f)
  }
  return f
}

const sameYear = (value: Date, now: Date) => romeDate(value).slice(0, 4) === romeDate(now).slice(0, 4)

/** "sabato 5 dicembre" (the year is added when it is not the current one). */
export const formatDay = (value: Instant, locale: Locale = 'it', now: Date = new Date()): string => {
  const date = toDate(value)
  return sameYear(date, now)
    ? fmt(locale, 'day', { weekday: 'long', day: 'numeric', month: 'long' }).format(date)
    : fmt(locale, 'dayYear', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date)
}

/** A YYYY-MM-DD calendar day, formatted like formatDay. */
export const formatIsoDay = (day: string, locale: Locale = 'it', now: Date = new Date()): string =>
  formatDay(new Date(`${day}T12:00:00Z`), locale, now)

/** "10:30" */
export const formatTime = (value: Instant, locale: Locale = 'it'): string =>
  fmt(locale, 'time', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(toDate(value))

/** "sabato 5 dicembre, 10:30" */
export const formatDateTime = (value: Instant, locale: Locale = 'it', now: Date = new Date()): string =>
  `${formatDay(value, locale, now)}, ${formatTime(value, locale)}`

/** "dicembre 2026" for "2026-12". */
export const formatMonth = (month: string, locale: Locale = 'it'): string =>
  fmt(locale, 'month', { month: 'long', year: 'numeric' }).format(new Date(`${month}-15T12:00:00Z`))

type Timed = { start: Instant; end: Instant; allDay?: boolean | null }

/** An occurrence's instants and its first and last Rome days, with the words of the locale. */
const span = (o: Timed, locale: Locale) => {
  const start = toDate(o.start)
  return { words: strings(locale).span, start, end: toDate(o.end), first: romeDate(start), last: lastDay(o) }
}

/** Only the time part of an occurrence for an agenda row: "10:30–11:30", "tutto il giorno", "fino a domenica 20 dicembre". */
export const formatTimeRange = (o: Timed, locale: Locale = 'it', now: Date = new Date()): string => {
  const { words, start, end, first, last } = span(o, locale)
  if (first !== last) return `${words.until} ${formatIsoDay(last, locale, now)}`
  if (o.allDay) return words.allDay
  if (end.getTime() <= start.getTime()) return formatTime(start, locale)
  return `${formatTime(start, locale)}–${formatTime(end, locale)}`
}

/** A full description of when an occurrence happens, for event pages. */
export const formatWhen = (o: Timed, locale: Locale = 'it', now: Date = new Date()): string => {
  const { words, start, end, first, last } = span(o, locale)
  if (first === last) return `${formatDay(start, locale, now)}, ${formatTimeRange(o, locale, now)}`
  if (o.allDay)
    return `${words.from} ${formatIsoDay(first, locale, now)} ${words.to} ${formatIsoDay(last, locale, now)}`
  return `${words.from} ${formatDateTime(start, locale, now)} ${words.to} ${formatDateTime(end, locale, now)}`
}
