import type { Locale } from '../../../shared/strings'

const TZ = 'Europe/Rome'
const locale = (language: Locale) => (language === 'en' ? 'en-GB' : 'it-IT')

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

const romeYear = (date: Date) => new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: TZ }).format(date)

/** The year is written only when it is not the current one (Rome calendar). */
const yearUnlessCurrent = (date: Date, now: Date): Intl.DateTimeFormatOptions =>
  romeYear(date) === romeYear(now) ? {} : { year: 'numeric' }

/** "Sabato 28 novembre", or "Sabato 8 maggio 2027" when the date is not in the current year (Rome calendar). */
export const dayLabel = (date: Date, language: Locale, now = new Date()) =>
  capitalise(
    new Intl.DateTimeFormat(locale(language), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      ...yearUnlessCurrent(date, now),
      timeZone: TZ,
    }).format(date),
  )

const hm = (date: Date, language: Locale) =>
  new Intl.DateTimeFormat(locale(language), { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: TZ }).format(
    date,
  )

/** "10:30–11:30", or "tutto il giorno". */
export const timeLabel = (start: Date, end: Date | null, allDay: boolean, language: Locale) => {
  if (allDay) return language === 'en' ? 'all day' : 'tutto il giorno'
  return end && end.getTime() > start.getTime() ? `${hm(start, language)}–${hm(end, language)}` : hm(start, language)
}

const dm = (date: Date, language: Locale, now: Date) =>
  new Intl.DateTimeFormat(locale(language), {
    day: 'numeric',
    month: 'long',
    ...yearUnlessCurrent(date, now),
    timeZone: TZ,
  }).format(date)

/** "26 novembre al 5 dicembre" / "26 November to 5 December" (the last day inclusive; years as in dayLabel). */
export const rangeLabel = (from: Date, lastDay: Date, language: Locale, now = from) =>
  `${dm(from, language, now)} ${language === 'en' ? 'to' : 'al'} ${dm(lastDay, language, now)}`
