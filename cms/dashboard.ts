import type { Payload, Where } from 'payload'
import { hasRole, isNetwork, refId, type Staff } from '../collections/access/roles'
import type { EventStatus } from '../collections/enums'
import { SLUGS } from '../collections/slugs'
import { attendanceScope, countWaiting } from './attendance'
import type { Event, Library, Newsletter, Occurrence } from './payload-types'

/** How far ahead "my next events" looks, and how many lines each list of the dashboard shows. */
export const NEXT_DAYS = 14
export const LIST_SIZE = 6

export type DayEvent = { id: number; title: string; library: string | null; updatedAt?: string }
export type DayDate = { eventId: number; title: string; start: string; library: string | null }
export type DayChange = {
  eventId: number
  title: string
  originalStart: string
  start: string | null
  status: EventStatus | null
  note: string | null
}
export type LibrarianDay = {
  /** Whose day: the user's library, system, or the whole network. */
  scope: { kind: 'library' | 'system' | 'network' | 'partner'; name: string | null }
  toReview: DayEvent[]
  next: DayDate[]
  drafts: DayEvent[]
  changes: DayChange[]
  newsletter: Pick<Newsletter, 'id' | 'subject' | 'status' | 'scheduledAt' | 'updatedAt'> | null
  canWriteNewsletters: boolean
  /**
   * Past dates of the user's library or system still waiting for attendance; null for those who do not record
   * it, and for network admins (the whole network's list is the view's, not a figure to read on every visit).
   */
  attendanceWaiting: number | null
}

const nameOf = (value: unknown): string | null =>
  value && typeof value === 'object' ? ((value as Library).name ?? null) : null

/**
 * What the dashboard shows a member of staff at the start of the day, within their own reach: their library
 * (contributors), their system (editors), or the network. Every read goes through the user's access rules.
 */
export const librarianDay = async (payload: Payload, user: Staff, now: Date = new Date()): Promise<LibrarianDay> => {
  const asUser = { overrideAccess: false, user: user as never }
  const library = refId(user.library)
  const system = refId(user.system)
  const partner = refId(user.partner)
  const kind = isNetwork(user)
    ? 'network'
    : hasRole(user, 'library-contributor') && library != null
      ? 'library'
      : hasRole(user, 'partner') && !hasRole(user, 'system-editor')
        ? 'partner'
        : 'system'
  // A partner's account: the events its organisation organises (events and their dates both carry `organiser`).
  const scope: Where =
    kind === 'network'
      ? {}
      : kind === 'library'
        ? { library: { equals: library ?? '__none__' } }
        : kind === 'partner'
          ? { organiser: { equals: partner ?? -1 } }
          : { system: { equals: system ?? '__none__' } }
  const scopeName =
    kind === 'network'
      ? null
      : ((
          (await payload.findByID({
            collection: kind === 'library' ? SLUGS.libraries : kind === 'partner' ? SLUGS.partners : SLUGS.systems,
            id: (kind === 'library' ? library : kind === 'partner' ? partner : system) as number,
            depth: 0,
            disableErrors: true,
            ...asUser,
          })) as { name?: string } | null
        )?.name ?? null)

  const events = (where: Where[], sort: string) =>
    payload.find({
      collection: SLUGS.events,
      where: { and: [scope, ...where] },
      draft: true,
      sort,
      limit: LIST_SIZE,
      depth: 1,
      select: { title: true, library: true, updatedAt: true },
      ...asUser,
    })
  const asDayEvent = (e: Pick<Event, 'id' | 'title' | 'library' | 'updatedAt'>): DayEvent => ({
    id: e.id,
    title: e.title,
    library: nameOf(e.library),
    updatedAt: e.updatedAt,
  })

  const [toReview, drafts, next, changed] = await Promise.all([
    events([{ review: { equals: 'requested' } }, { _status: { equals: 'draft' } }], 'updatedAt'),
    events([{ _status: { equals: 'draft' } }], '-updatedAt'),
    payload.find({
      collection: SLUGS.occurrences,
      where: {
        and: [
          scope,
          { end: { greater_than: now.toISOString() } },
          { start: { less_than: new Date(now.getTime() + NEXT_DAYS * 86_400_000).toISOString() } },
        ],
      },
      sort: ['start', 'id'],
      limit: LIST_SIZE,
      depth: 1,
      select: { event: true, title: true, start: true, library: true },
      ...asUser,
    }),
    payload.find({
      collection: SLUGS.events,
      where: {
        and: [
          scope,
          { 'changedDates.originalStart': { exists: true } },
          { lastEnd: { greater_than_equal: now.toISOString() } },
        ],
      },
      sort: 'start',
      limit: 50,
      depth: 0,
      select: { title: true, changedDates: true },
      ...asUser,
    }),
  ])

  const changes = (changed.docs as Pick<Event, 'id' | 'title' | 'changedDates'>[])
    .flatMap((e) =>
      (e.changedDates ?? []).map(
        (c): DayChange => ({
          eventId: e.id,
          title: e.title,
          originalStart: c.originalStart,
          start: c.start ?? null,
          status: (c.status as EventStatus | null | undefined) ?? null,
          note: c.note ?? null,
        }),
      ),
    )
    .filter((c) => Date.parse(c.start ?? c.originalStart) >= now.getTime())
    .sort((a, b) => Date.parse(a.start ?? a.originalStart) - Date.parse(b.start ?? b.originalStart))
    .slice(0, LIST_SIZE)

  const canReadNewsletters = isNetwork(user) || hasRole(user, 'system-editor')
  const newsletter = canReadNewsletters
    ? (((
        await payload.find({
          collection: SLUGS.newsletters,
          where: kind === 'network' ? {} : { system: { equals: system ?? '__none__' } },
          sort: '-updatedAt',
          limit: 1,
          depth: 0,
          select: { subject: true, status: true, scheduledAt: true, updatedAt: true },
          ...asUser,
        })
      ).docs[0] as LibrarianDay['newsletter'] | undefined) ?? null)
    : null

  const attendance = attendanceScope(user)
  return {
    scope: { kind, name: scopeName },
    toReview: (toReview.docs as Event[]).map(asDayEvent),
    drafts: (drafts.docs as Event[]).map(asDayEvent),
    next: (next.docs as Occurrence[]).map((o) => ({
      eventId: refId(o.event) as number,
      title: o.title,
      start: o.start,
      library: nameOf(o.library),
    })),
    changes,
    newsletter,
    canWriteNewsletters: hasRole(user, 'network-admin', 'system-editor'),
    attendanceWaiting:
      attendance && attendance.kind !== 'network' ? await countWaiting(payload, attendance, now) : null,
  }
}
