import { isoWithOffset, lastDay, romeDate } from './format'
import { strings } from './i18n'
import type { Locale } from './urls'

/** A physical place as the event page and structured data describe it. */
export type Place = { name: string; address: string; comune: string; lat: number | null; lng: number | null }

export const osmLink = (place: Place): string =>
  place.lat != null && place.lng != null
    ? `https://www.openstreetmap.org/?mlat=${place.lat}&mlon=${place.lng}#map=18/${place.lat}/${place.lng}`
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent([place.address, place.comune, 'BG', 'Italia'].filter(Boolean).join(', '))}`

const utcStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
const compactDay = (day: string) => day.replace(/-/g, '')
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)

type CalendarInput = { title: string; details: string; location: string; start: string; end: string; allDay: boolean }

/** "Add to Google Calendar" for one date: all-day events use exclusive end dates. */
export const googleCalendarUrl = (c: CalendarInput): string => {
  const dates = c.allDay
    ? `${compactDay(romeDate(c.start))}/${compactDay(nextDay(lastDay(c)))}`
    : `${utcStamp(new Date(c.start))}/${utcStamp(new Date(c.end))}`
  const q = new URLSearchParams({ action: 'TEMPLATE', text: c.title, dates, details: c.details, location: c.location })
  q.set('ctz', 'Europe/Rome')
  return `https://calendar.google.com/calendar/render?${q}`
}

export const outlookCalendarUrl = (c: CalendarInput): string => {
  const q = new URLSearchParams({
    rru: 'addevent',
    subject: c.title,
    startdt: c.allDay ? romeDate(c.start) : isoWithOffset(c.start),
    enddt: c.allDay ? nextDay(lastDay(c)) : isoWithOffset(c.end),
    body: c.details,
    location: c.location,
  })
  if (c.allDay) q.set('allday', 'true')
  return `https://outlook.live.com/calendar/0/action/compose?${q}`
}

export const shareLinks = (url: string, title: string, locale: Locale) => {
  const text = `${title} ${url}`
  return [
    {
      label: strings(locale).shareEmail,
      href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}`,
    },
    { label: 'WhatsApp', href: `https://wa.me/?text=${encodeURIComponent(text)}` },
    {
      label: 'Telegram',
      href: `https://t.me/share/url?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`,
    },
    { label: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}` },
    { label: 'X', href: `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}` },
  ]
}
