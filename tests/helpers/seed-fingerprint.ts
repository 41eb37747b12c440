import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'

type Row = Record<string, any>
const name = (value: unknown) => (value && typeof value === 'object' ? ((value as Row).name ?? '') : '')

/** The seed's events, one line each in creation order: what a visitor sees of them, and their occurrence count. */
export const seedFingerprint = async (payload: Payload): Promise<string[]> => {
  const events = await payload.find({
    collection: SLUGS.events,
    sort: 'id',
    pagination: false,
    depth: 1,
    draft: true,
    overrideAccess: true, // the fingerprint covers drafts too
  })
  const occurrences = await payload.find({
    collection: SLUGS.occurrences,
    select: { event: true },
    pagination: false,
    depth: 0,
    overrideAccess: true, // derived rows, read only to count them
  })
  const perEvent = new Map<unknown, number>()
  for (const o of occurrences.docs as Row[]) perEvent.set(o.event, (perEvent.get(o.event) ?? 0) + 1)
  return (events.docs as Row[]).map((e) =>
    [
      e.slug,
      e.title,
      e.start,
      e.end,
      e.allDay ? 'all-day' : '',
      e.status,
      e._status,
      name(e.system),
      name(e.library),
      name(e.venue),
      (e.categories as Row[]).map(name).join('+'),
      e.recurrence?.frequency,
      e.featured ? 'featured' : '',
      perEvent.get(e.id) ?? 0,
    ].join(' | '),
  )
}
