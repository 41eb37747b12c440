import { fromWall, toWall } from '../../../collections/lib/recurrence'
import type { Locale } from '../../../shared/strings'

const intl = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'it-IT')
const at = (locale: Locale, iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat(intl(locale), { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))

/** "sab 14 mar 2026, 10:30" */
export const shortWhen = (locale: Locale, iso: string) =>
  at(locale, iso, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })

/** "sabato 14 marzo 2026" */
export const longDay = (locale: Locale, iso: string) =>
  at(locale, iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })

/** "10:30" */
export const hour = (locale: Locale, iso: string) => at(locale, iso, { hour: '2-digit', minute: '2-digit' })

/** "14/03/2026 10:30" */
export const stamp = (locale: Locale, iso: string) =>
  at(locale, iso, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/** The Rome calendar day of an instant, as a date input writes it ("2026-03-14"). */
export const romeDay = (date: Date) => toWall(date).toISOString().slice(0, 10)

/** The instant a Rome calendar day starts ("2026-03-14" → 2026-03-13T23:00Z); null if it is not a date. */
export const dayStart = (value: unknown): Date | null => {
  if (typeof value !== 'string' || !/^\d{4}-\d\d-\d\d$/.test(value)) return null
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const wall = new Date(Date.UTC(y, m - 1, d))
  if (wall.getUTCMonth() !== m - 1) return null
  return fromWall(wall)
}
