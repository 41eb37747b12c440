import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { refId } from '../../access/roles'
import { comuneByIstat } from '../../fields/comune'
import { lexicalToPlainText } from '../../lib/lexical-text'
import { expandSchedule, romeDay } from '../../lib/recurrence'
import { foldText } from '../../lib/slugify'
import { SLUGS } from '../../slugs'

type Id = number | string
type EventDoc = Record<string, any> & { id: Id }

const ids = (value: unknown): Id[] =>
  Array.isArray(value) ? value.map((v) => refId(v)).filter((v): v is Id => v != null) : []

/** Everything the occurrence rows of one event share: owner, place, classification and search text. */
export const occurrenceBase = async (event: EventDoc, req: PayloadRequest) => {
  const find = async (collection: 'libraries' | 'venues', id: Id | null) =>
    id == null
      ? null
      : req.payload.findByID({ collection, id, depth: 0, disableErrors: true, overrideAccess: true, req })
  const library = await find(SLUGS.libraries, refId(event.library))
  const venue = await find(SLUGS.venues, refId(event.venue))
  const categoryIds = ids(event.categories)
  const audienceIds = ids(event.audiences)
  const [categories, audiences] = await Promise.all([
    categoryIds.length
      ? req.payload.find({
          collection: SLUGS.categories,
          where: { id: { in: categoryIds } },
          depth: 0,
          limit: 100,
          overrideAccess: true,
          req,
        })
      : null,
    audienceIds.length
      ? req.payload.find({
          collection: SLUGS.audiences,
          where: { id: { in: audienceIds } },
          depth: 0,
          limit: 100,
          overrideAccess: true,
          req,
        })
      : null,
  ])
  const comune = (library?.comune ?? venue?.comune) as string | undefined
  const audienceMins = audiences?.docs.map((a) => a.minAge ?? 0) ?? []
  const audienceMaxs = audiences?.docs.map((a) => a.maxAge ?? 120) ?? []
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
      ...(categories?.docs.map((c) => c.name) ?? []),
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
    ageMin,
    ageMax,
    free: !!event.free,
    featured: !!event.featured,
    searchText: ` ${searchText} `,
  }
}

/** Replaces an event's occurrence rows with those of its published version (none if it is not published). */
export const syncOccurrences = async (eventId: Id, req: PayloadRequest) => {
  await req.payload.delete({
    collection: SLUGS.occurrences,
    where: { event: { equals: eventId } },
    overrideAccess: true,
    req,
  })
  const published = await req.payload.find({
    collection: SLUGS.events,
    where: { and: [{ id: { equals: eventId } }, { _status: { equals: 'published' } }] },
    depth: 0,
    limit: 1,
    draft: false,
    overrideAccess: true, // the published version is what the public sees, whoever saved it
    req,
  })
  const event = published.docs[0] as EventDoc | undefined
  if (!event) return 0
  const base = await occurrenceBase(event, req)
  const { occurrences } = expandSchedule(event as never)
  for (const o of occurrences) {
    await req.payload.create({
      collection: SLUGS.occurrences,
      data: {
        ...base,
        start: o.start.toISOString(),
        end: o.end.toISOString(),
        originalStart: o.originalStart.toISOString(),
        day: romeDay(o.start),
        allDay: !!event.allDay,
        status: (o.status ?? event.status) as never,
        note: o.note ?? null,
      } as never,
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
  return occurrences.length
}

export const materializeOccurrences: CollectionAfterChangeHook = async ({ doc, req, context }) => {
  if (context.skipOccurrences) return doc
  await syncOccurrences(doc.id, req)
  return doc
}

export const removeOccurrences: CollectionAfterDeleteHook = async ({ id, req }) => {
  await req.payload.delete({
    collection: SLUGS.occurrences,
    where: { event: { equals: id } },
    overrideAccess: true,
    req,
  })
}
