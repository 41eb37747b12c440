import type { Event } from '../../cms/payload-types'
import type { EventStatus } from '../../collections/enums'
import { expandSchedule } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { payloadSecret } from '../../shared/env'
import { checkPreview } from '../../shared/preview-token'
import { type EventDateView, type EventView, eventView } from './events'
import { formatWhen, isoWithOffset } from './format'
import { strings } from './i18n'
import { getPayload } from './payload'

const MAX_DATES = 200

/** The draft's own dates: occurrence rows exist only for the published version, a draft has its schedule. */
const draftDates = (event: Event, now: Date): EventDateView[] => {
  if (!event.start) return []
  const t = strings('it')
  const { occurrences } = expandSchedule(
    {
      start: event.start,
      end: event.end,
      allDay: event.allDay,
      recurrence: event.recurrence,
      changedDates: event.changedDates,
    },
    now,
  )
  const upcoming = occurrences.filter((o) => o.end.getTime() > now.getTime())
  const shown = upcoming.length ? upcoming : occurrences.slice(-1)
  return shown.slice(0, MAX_DATES).map((o, i) => {
    const status = (o.status ?? event.status ?? 'scheduled') as EventStatus
    return {
      id: -(i + 1),
      startIso: isoWithOffset(o.start),
      endIso: isoWithOffset(o.end),
      label: formatWhen({ start: o.start, end: o.end, allDay: event.allDay }, 'it', now),
      status,
      statusLabel: status === 'scheduled' || status === event.status ? null : t.statusLabels[status],
      note: o.note ?? '',
      past: upcoming.length === 0,
      chosen: false,
    }
  })
}

/**
 * An event's latest draft as its page will show it, for whoever holds a valid preview link signed by the
 * admin (shared/preview-token.ts); null (the page answers 404) for a malformed, forged or expired token and an
 * unknown event. The token is checked before anything is read. The public never reaches a draft otherwise:
 * every other page reads as the public.
 */
export const previewEvent = async (
  id: string | undefined,
  token: string | null,
  now: Date = new Date(),
): Promise<{ view: EventView; event: Event } | null> => {
  if (!id || !/^\d{1,12}$/.test(id)) return null
  if (!checkPreview(payloadSecret(), SLUGS.events, id, token, now).ok) return null
  const payload = await getPayload()
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id,
    draft: true,
    depth: 1,
    disableErrors: true,
    overrideAccess: true, // the signed token is the permission: the admin gives it to those who may read drafts
  })) as Event | null
  if (!event) return null
  const view = await eventView(event, 'it', now)
  const dates = draftDates(event, now)
  return { view: { ...view, dates, hasUpcoming: dates.some((d) => !d.past) }, event }
}
