import type { Payload } from 'payload'
import { catalogue, type Locale } from '../../shared/strings'
import type { DateChange, DatesSnapshot } from './date-changes'

// What a change of a date says to a reader (before → after, the date and the place as they are now), shared
// by the notices to booked people (cms/registrations) and to followers (cms/follow).

type Id = number | string

export type DateValues = { start: string; end: string; status: string }
export type Place = Pick<DatesSnapshot, 'library' | 'venue' | 'placeNotes' | 'onlineUrl'>

/** Everything a notice's mail is built from, kept with the notice so a later run writes the same mail. */
export type NoticeDetail = {
  allDay: boolean
  before: DateValues
  after: DateValues | null
  time: boolean
  place: boolean
  status: boolean
  placeBefore: Place
  placeAfter: Place
}

export const rangeOf = (values: DateValues, allDay: boolean, language: Locale) => {
  const locale = language === 'en' ? 'en-GB' : 'it-IT'
  const fmt = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))
  const day = fmt(values.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  if (allDay) return day
  const time = { hour: '2-digit', minute: '2-digit' } as const
  return `${day}, ${fmt(values.start, time)}–${fmt(values.end, time)}`
}

export const shortDate = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))

export type Names = (collection: 'venues' | 'libraries', id: Id | null) => Promise<string | null>

export const namesFrom = (payload: Payload): Names => {
  const cache = new Map<string, Promise<string | null>>()
  return (collection, id) => {
    if (id == null) return Promise.resolve(null)
    const key = `${collection}:${id}`
    if (!cache.has(key))
      cache.set(
        key,
        payload
          .findByID({ collection, id, depth: 0, overrideAccess: true, disableErrors: true })
          .then((doc) => (doc as { name?: string } | null)?.name ?? null),
      )
    return cache.get(key) as Promise<string | null>
  }
}

export const placeText = async (place: Place, names: Names, language: Locale) => {
  const t = catalogue(language).bookingNotices
  const named = (await names('venues', place.venue)) ?? (await names('libraries', place.library))
  const parts = [named, place.placeNotes, place.onlineUrl ? `${t.online}: ${place.onlineUrl}` : null].filter(Boolean)
  return parts.join(', ') || t.noPlace
}

/** The notice in a reader's words: what changed (before → after), the date as it is now, the place. */
export const wordsOf = async (detail: NoticeDetail, names: Names, language: Locale) => {
  const t = catalogue(language).bookingNotices
  const statuses = catalogue(language).site.statusLabels as Record<string, string>
  const changes: { label: string; before: string; after: string }[] = []
  if (detail.time && detail.after)
    changes.push({
      label: t.fields.time,
      before: rangeOf(detail.before, detail.allDay, language),
      after: rangeOf(detail.after, detail.allDay, language),
    })
  if (detail.place)
    changes.push({
      label: t.fields.place,
      before: await placeText(detail.placeBefore, names, language),
      after: await placeText(detail.placeAfter, names, language),
    })
  if (detail.status) {
    const after = detail.after?.status ?? 'cancelled'
    changes.push({
      label: t.fields.status,
      before: statuses[detail.before.status] ?? detail.before.status,
      after: statuses[after] ?? after,
    })
  }
  return {
    changes,
    when: rangeOf(detail.after ?? detail.before, detail.allDay, language),
    place: await placeText(detail.placeAfter, names, language),
  }
}

export const placeOf = (s: DatesSnapshot): Place => ({
  library: s.library,
  venue: s.venue,
  placeNotes: s.placeNotes,
  onlineUrl: s.onlineUrl,
})

export const valuesOf = (d: DateChange['before']): DateValues => ({
  start: d.start.toISOString(),
  end: d.end.toISOString(),
  status: d.status,
})

/** The detail of one date's change, as both wings keep it with their notice. */
export const detailOf = (change: DateChange, before: DatesSnapshot, after: DatesSnapshot): NoticeDetail => ({
  allDay: after.allDay,
  before: valuesOf(change.before),
  after: change.after ? valuesOf(change.after) : null,
  time: change.time,
  place: change.place,
  status: change.status,
  placeBefore: placeOf(before),
  placeAfter: placeOf(after),
})
