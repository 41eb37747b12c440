import type { CollectionAfterChangeHook, CollectionBeforeDeleteHook, PayloadRequest } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { refId } from '../../access/roles'
import { comuneByIstat } from '../../fields/comune'
import { lexicalToPlainText } from '../../lib/lexical-text'
import { lookup } from '../../lib/lookup'
import { expandSchedule, romeDay } from '../../lib/recurrence'
import { foldText } from '../../lib/slugify'
import { SLUGS } from '../../slugs'

type Id = number | string
const known = <T>(rows: (T | null)[]) => rows.filter((r): r is T => r != null)

const ids = (value: unknown): Id[] =>
  Array.isArray(value) ? value.map((v) => refId(v)).filter((v): v is Id => v != null) : []

/** Everything the occurrence rows of one event share: owner, place, classification and search text. */
export const occurrenceBase = async (event: Event, req: PayloadRequest) => {
  const categoryIds = ids(event.categories)
  const audienceIds = ids(event.audiences)
  const [library, venue, categories, audiences] = await Promise.all([
    lookup(req, SLUGS.libraries, refId(event.library)),
    lookup(req, SLUGS.venues, refId(event.venue)),
    Promise.all(categoryIds.map((id) => lookup(req, SLUGS.categories, id))),
    Promise.all(audienceIds.map((id) => lookup(req, SLUGS.audiences, id))),
  ])
  const comune = (library?.comune ?? venue?.comune) as string | undefined
  const audienceMins = known(audiences).map((a) => (a.minAge as number | null) ?? 0)
  const audienceMaxs = known(audiences).map((a) => (a.maxAge as number | null) ?? 120)
  const ageMin = event.minAge ?? (audienceMins.length ? Math.min(...audienceMins) : 0)
  const ageMax = event.maxAge ?? (audienceMaxs.length ? Math.max(...audienceMaxs) : 120)
  const searchText = foldText(
    [
      event.title,
      event.summary,
      lexicalToPlainText(event.description),
      library?.name,
      venue?.name,
      comune ? comuneByIstat.get(comune)?.name : '',
      ...known(categories).map((c) => c.name),
    ]
      .filter(Boolean)
      .join(' '),
  )
  return {
    event: event.id,
    title: event.title,
    system: refId(event.system),
    library: refId(event.library),
    venue: refId(event.venue),
    comune: comune ?? null,
    categories: categoryIds,
    audiences: audienceIds,
    campaigns: ids(event.campaigns),
    accessibility: event.accessibility ?? [],
    series: refId(event.series),
    festival: refId(event.festival),
    organiser: refId(event.organiser),
    ageMin,
    ageMax,
    free: !!event.free,
    featured: !!event.featured,
    staffOnly: !!event.staffOnly,
    searchText: ` ${searchText} `,
  }
}

/**
 * Replaces an event's occurrence rows with those of its published version (none if it is not published).
 * Rows are derived data with no hooks of their own, so they are written through the database adapter
 * (any adapter), inside the caller's transaction when `req` carries one.
 */
export const syncOccurrences = async (eventId: Id, req: PayloadRequest, fresh = false) => {
  if (!fresh)
    await req.payload.db.deleteMany({ collection: SLUGS.occurrences, where: { event: { equals: eventId } }, req })
  const published = await req.payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: eventId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    pagination: false,
    draft: false,
    overrideAccess: true, // the published version is what the public sees, whoever saved it
    req,
  })
  const event = published.docs[0] as Event | undefined
  if (!event) return 0
  const base = await occurrenceBase(event, req)
  const { occurrences } = expandSchedule(event)
  for (const o of occurrences) {
    await req.payload.db.create({
      collection: SLUGS.occurrences,
      data: {
        ...base,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        originalStart: o.originalStart.toISOString(),
        day: romeDay(o.start),
        allDay: !!event.allDay,
        status: o.status ?? event.status,
        note: o.note ?? null,
        places: o.places ?? null,
        noRegistration: !!o.noRegistration,
      },
      returning: false,
      req,
    })
  }
  return occurrences.length
}

export const materializeOccurrences: CollectionAfterChangeHook<Event> = async ({ doc, req, context, operation }) => {
  if (context.skipOccurrences) return doc
  await syncOccurrences(doc.id, req, operation === 'create')
  return doc
}

/** Before the event row goes (same transaction): occurrence rows reference it and cannot be orphaned. */
export const removeOccurrences: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: SLUGS.occurrences, where: { event: { equals: id } }, req })
}
