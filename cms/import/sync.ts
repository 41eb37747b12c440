import { createHash } from 'node:crypto'
import type { Payload, Where } from 'payload'
import type { CalendarSource, Event, ImportItem, User } from '../../cms/payload-types'
import { hasRole, refId } from '../../collections/access/roles'
import { isStaff } from '../../collections/access/staff-only'
import { IMPORT_OUTCOMES, type ImportOutcome, type ImportTrigger } from '../../collections/enums'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { SLUGS, TASKS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { type FetchOptions, fetchCalendar } from './fetch'
import { type CalendarItem, type ParsedCalendar, parseCalendar } from './parse'

const T = catalogue('it').imports

type Id = number | string
export type LogLine = {
  outcome: ImportOutcome
  title: string
  start?: string | null
  uid?: string
  event?: Id | null
  reason?: string
}
export type Counts = Record<ImportOutcome, number>
export type SyncResult = {
  run: Id
  status: 'done' | 'failed'
  counts: Counts
  lines: LogLine[]
  message?: string
}
export type SyncOptions = {
  trigger?: ImportTrigger
  /** The calendar's text, for the demo seed (a file bundled in the repository): no request is made. */
  ics?: string
  fetch?: FetchOptions
  now?: Date
}

const MAX_REASON = 500
const RUN_STALE_MS = 15 * 60_000
/**
 * Lines a run keeps (SQLite binds at most 32,766 values in one statement, and a librarian reads no more): what
 * needs a look (refused, duplicates, left alone) first, then cancellations, removals, updates and new events.
 */
const MAX_LINES = 1000
const PRIORITY: ImportOutcome[] = [
  'refused',
  'duplicate',
  'kept',
  'cancelled',
  'removed',
  'updated',
  'created',
  'unchanged',
]
const keptLines = (lines: LogLine[]) =>
  lines.length <= MAX_LINES
    ? lines
    : [...lines].sort((a, b) => PRIORITY.indexOf(a.outcome) - PRIORITY.indexOf(b.outcome)).slice(0, MAX_LINES)
const limit = (value: string, max = MAX_REASON) => (value.length > max ? `${value.slice(0, max - 1)}…` : value)

/** The Italian message of a refused save: the field errors Payload collected, else the error's own message. */
export const reasonOf = (error: unknown): string => {
  const data = (error as { data?: { errors?: { message?: string; path?: string }[] } }).data
  const fields = (data?.errors ?? []).map((e) => e.message).filter(Boolean)
  return limit(fields.length ? fields.join(' ') : ((error as Error).message ?? String(error)))
}

/** The event a calendar item becomes, with the source's place, categories and system. */
export const eventDataOf = (item: CalendarItem, source: CalendarSource, asDraft: boolean) => {
  const description = item.description.trim()
  return {
    title: item.title,
    summary: description ? limit(description.replace(/\s+/g, ' '), 400) : null,
    description: description ? plainTextToLexical(description) : null,
    start: item.start.toISOString(),
    end: item.end?.toISOString() ?? null,
    allDay: item.allDay,
    recurrence: {
      frequency: 'none' as const,
      interval: 1,
      byWeekday: [],
      until: null,
      count: null,
      excludedDates: [],
      extraDates: [],
      ...(item.recurrence ?? {}),
    },
    changedDates: item.changedDates,
    system: refId(source.system),
    library: refId(source.library),
    venue: refId(source.venue),
    categories: (source.categories ?? []).map((c) => refId(c)),
    placeNotes: item.location || null,
    onlineUrl: item.url,
    status: item.cancelled ? ('cancelled' as const) : ('scheduled' as const),
    _status: asDraft ? ('draft' as const) : ('published' as const),
  }
}

const hashOf = (data: unknown) => createHash('sha256').update(JSON.stringify(data)).digest('base64url')

const emptyCounts = (): Counts => Object.fromEntries(IMPORT_OUTCOMES.map((o) => [o, 0])) as Counts

/** "3 nuovi, 1 aggiornato…": the run's line in lists, in the order of the outcomes. */
export const summaryOf = (counts: Counts): string =>
  IMPORT_OUTCOMES.filter((o) => counts[o] > 0)
    .map((o) => `${T.outcomes[o]}: ${counts[o]}`)
    .join(', ') || T.outcomes.unchanged

type Actor = User & { collection: 'users' }

/**
 * The person a source imports as: its creator, while still staff who may write events of the source's
 * library or system. Null means nobody may: the run fails and writes no event.
 */
const actorOf = async (payload: Payload, source: CalendarSource): Promise<Actor | null> => {
  const id = refId(source.runAs)
  if (id == null) return null
  const user = (await payload
    .findByID({ collection: SLUGS.users, id, depth: 0, overrideAccess: true })
    .catch(() => null)) as User | null
  if (!user || !isStaff(user as never)) return null
  return { ...user, collection: 'users' }
}

/**
 * One sync of a calendar source: fetch (or the given text), parse, then for each item create, update or leave
 * its event, as the source's creator through the Local API with access on (the same validation, rights and
 * workflow as a typed event), and cancel or remove the events that left the calendar. An item whose content
 * hash did not change is not written at all. Everything it did is in one `import-runs` row.
 */
export const syncSource = async (payload: Payload, sourceId: Id, options: SyncOptions = {}): Promise<SyncResult> => {
  const now = options.now ?? new Date()
  const source = (await payload.findByID({
    collection: SLUGS.calendarSources,
    id: sourceId,
    depth: 0,
    overrideAccess: true,
  })) as CalendarSource
  // A run of this source still going (a scheduled one and "Sincronizza ora" a moment apart) would create the same
  // events twice; a run that died is taken as over after RUN_STALE_MS.
  const busy = await payload.count({
    collection: SLUGS.importRuns,
    where: {
      and: [
        { source: { equals: source.id } },
        { status: { equals: 'running' } },
        { startedAt: { greater_than: new Date(now.getTime() - RUN_STALE_MS).toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  const run = await payload.create({
    collection: SLUGS.importRuns,
    data: {
      title: `${source.name} · ${now.toISOString().slice(0, 16).replace('T', ' ')}`,
      source: source.id,
      system: refId(source.system) as number,
      library: refId(source.library) as number | null,
      trigger: options.trigger ?? 'schedule',
      status: 'running',
      startedAt: now.toISOString(),
    },
    depth: 0,
    overrideAccess: true,
  })
  const counts = emptyCounts()
  const lines: LogLine[] = []
  /** Drafts this run sent for review: the system's editors get one notice for all of them. */
  let submitted = 0
  const finish = async (status: 'done' | 'failed', message?: string, parsedNotes: string[] = []) => {
    const summary = status === 'failed' ? (message ?? '') : summaryOf(counts)
    const listed = keptLines(lines)
    const notes =
      lines.length > listed.length ? [...parsedNotes, T.sync.moreLines(lines.length - listed.length)] : parsedNotes
    await payload.update({
      collection: SLUGS.importRuns,
      id: run.id,
      data: {
        status,
        finishedAt: new Date().toISOString(),
        summary: limit(summary, 300),
        message: message ?? null,
        notes: notes.length ? notes.join('\n') : null,
        counts,
        items: listed.map((line) => ({
          outcome: line.outcome,
          title: line.title,
          start: line.start ?? null,
          uid: line.uid ?? null,
          event: line.event == null ? null : (line.event as number),
          reason: line.reason ? limit(line.reason) : null,
        })),
      },
      depth: 0,
      overrideAccess: true,
    })
    await payload.update({
      collection: SLUGS.calendarSources,
      id: source.id,
      data: { lastRunAt: new Date().toISOString(), lastOutcome: limit(summary, 300) },
      depth: 0,
      overrideAccess: true,
      context: { importRun: true },
    })
    if (submitted > 0)
      await payload.jobs.queue({
        task: TASKS.notifyReviewers,
        input: { runId: String(run.id), submitted },
      })
    return { run: run.id, status, counts, lines, message }
  }

  if (busy.totalDocs > 0) return finish('failed', T.sync.busy)
  if (!source.enabled && options.trigger !== 'seed') return finish('failed', T.sync.disabled)
  const actor = await actorOf(payload, source)
  if (!actor) return finish('failed', T.sync.noUser)
  let text = options.ics
  if (text === undefined) {
    const fetched = await fetchCalendar(source.url, options.fetch)
    if (!fetched.ok) return finish('failed', fetched.reason)
    text = fetched.body
  }
  let parsed: ParsedCalendar
  try {
    parsed = parseCalendar(text, now)
  } catch (error) {
    return finish('failed', (error as Error).message)
  }

  // Straight from the adapter (no access, hooks or population): a re-sync of thousands of unchanged items is
  // mostly this read and the parse.
  const known = (
    await payload.db.find({
      collection: SLUGS.importItems,
      where: { source: { equals: source.id } },
      pagination: false,
      limit: 0,
    })
  ).docs as ImportItem[]
  const active = known.filter((k) => k.state !== 'vanished')
  // An empty answer from a calendar that had events is more often an outage than an emptied calendar.
  if (parsed.items.length === 0 && active.length > 0) return finish('failed', T.sync.empty, parsed.notes)

  const asDraft = !hasRole(actor as never, 'network-admin', 'system-editor')
  // `calendarImport` keeps the events' hooks from sending one review notice per draft: the run sends one (below).
  const as = {
    user: actor,
    overrideAccess: false,
    depth: 0,
    draft: asDraft,
    context: { calendarImport: true },
  } as const
  const byKey = new Map(known.map((k) => [k.key, k]))
  const bySecond = new Map(known.filter((k) => k.secondKey).map((k) => [k.secondKey as string, k]))
  const current = new Set(parsed.items.map((i) => i.key))
  const seen = new Set<string>()
  const seenSecond = new Map<string, string>()

  const remember = (item: CalendarItem, event: Event, hash: string, row?: ImportItem) => {
    const data = {
      source: source.id,
      system: refId(source.system) as number,
      library: refId(source.library) as number | null,
      key: item.key,
      secondKey: item.secondKey,
      title: item.title,
      event: event.id,
      hash,
      eventUpdatedAt: event.updatedAt,
      state: 'active' as const,
    }
    return row
      ? payload.update({ collection: SLUGS.importItems, id: row.id, data, depth: 0, overrideAccess: true })
      : payload.create({ collection: SLUGS.importItems, data, depth: 0, overrideAccess: true })
  }
  const log = (
    outcome: ImportOutcome,
    item: { title: string; start?: Date | null; uid?: string },
    rest: Partial<LogLine> = {},
  ) => {
    counts[outcome]++
    if (outcome !== 'unchanged')
      lines.push({ outcome, title: item.title, start: item.start?.toISOString() ?? null, uid: item.uid, ...rest })
  }

  for (const item of parsed.items) {
    if (seen.has(item.key)) continue
    seen.add(item.key)
    const data = eventDataOf(item, source, asDraft)
    const hash = hashOf(data)
    const notes = item.notes.join(' ')
    let row = byKey.get(item.key)
    let prefix = ''
    if (!row) {
      const twin = bySecond.get(item.secondKey)
      const earlier = seenSecond.get(item.secondKey)
      if (earlier !== undefined || (twin && current.has(twin.key))) {
        log('duplicate', item, {
          reason: T.sync.secondKey(earlier ?? twin?.title ?? item.title),
          event: refId(twin?.event),
        })
        continue
      }
      if (twin) {
        // The UID changed (Outlook does this): the item keeps its event under the new identity.
        row = twin
        prefix = `${T.sync.uidChanged} `
        byKey.delete(twin.key)
        byKey.set(item.key, twin)
        current.add(twin.key)
        await payload.update({
          collection: SLUGS.importItems,
          id: twin.id,
          data: { key: item.key },
          depth: 0,
          overrideAccess: true,
        })
      }
    }
    seenSecond.set(item.secondKey, item.title)

    try {
      if (row?.hash === hash && row.state !== 'vanished') {
        if (prefix) log('duplicate', item, { reason: prefix.trim(), event: refId(row.event) })
        else log('unchanged', item)
        continue
      }
      const existing = row?.event
        ? ((await payload
            .findByID({
              collection: SLUGS.events,
              id: refId(row.event) as number,
              depth: 0,
              draft: true,
              overrideAccess: true,
            })
            .catch(() => null)) as Event | null)
        : null
      if (row && !existing && source.authority !== 'source') {
        log('kept', item, { reason: prefix + T.sync.deletedHere })
        continue
      }
      if (!existing) {
        const created = (await payload.create({
          collection: SLUGS.events,
          data: { ...data, ...(asDraft ? { review: 'requested' as const } : {}) } as never,
          ...as,
        })) as Event
        await remember(item, created, hash, row)
        if (asDraft) submitted++
        log('created', item, { event: created.id, reason: (prefix + notes).trim() || undefined })
        continue
      }
      if (source.authority === 'new-only') {
        log('kept', item, { event: existing.id, reason: prefix + T.sync.newOnly })
        continue
      }
      if (source.authority === 'local' && row?.eventUpdatedAt && existing.updatedAt !== row.eventUpdatedAt) {
        log('kept', item, { event: existing.id, reason: prefix + T.sync.localEdits })
        continue
      }
      const updated = (await payload.update({
        collection: SLUGS.events,
        id: existing.id,
        data: data as never,
        ...as,
      })) as Event
      await remember(item, updated, hash, row)
      const outcome = item.cancelled && existing.status !== 'cancelled' ? 'cancelled' : 'updated'
      log(outcome, item, { event: updated.id, reason: (prefix + notes).trim() || undefined })
    } catch (error) {
      log('refused', item, { reason: T.sync.refused(reasonOf(error)), event: refId(row?.event) })
    }
  }
  for (const refusal of parsed.refused)
    log('refused', { title: refusal.title, uid: refusal.uid }, { reason: refusal.reason })

  // What left the calendar: cancelled or removed, as the source says (only-new sources leave them be).
  for (const row of active) {
    if (current.has(row.key) || seen.has(row.key)) continue
    const item = { title: row.title ?? '', uid: row.key.split('|')[0] }
    const eventId = refId(row.event)
    try {
      if (source.authority === 'new-only' || eventId == null) {
        await payload.update({
          collection: SLUGS.importItems,
          id: row.id,
          data: { state: 'vanished' },
          depth: 0,
          overrideAccess: true,
        })
        log('kept', item, { event: eventId, reason: T.sync.newOnly })
        continue
      }
      if (source.vanished === 'remove') {
        const removed = await payload
          .delete({ collection: SLUGS.events, id: eventId as number, user: actor, overrideAccess: false, depth: 0 })
          .then(() => true)
          .catch((error) => ((error as { status?: number }).status === 403 ? false : Promise.reject(error)))
        if (removed) {
          await payload.delete({ collection: SLUGS.importItems, id: row.id, overrideAccess: true })
          log('removed', item, { reason: undefined })
          continue
        }
        await cancel(payload, eventId, as)
        await payload.update({
          collection: SLUGS.importItems,
          id: row.id,
          data: { state: 'vanished', hash: '' },
          depth: 0,
          overrideAccess: true,
        })
        log('cancelled', item, { event: eventId, reason: T.sync.cannotRemove })
        continue
      }
      await cancel(payload, eventId, as)
      await payload.update({
        collection: SLUGS.importItems,
        id: row.id,
        data: { state: 'vanished', hash: '' },
        depth: 0,
        overrideAccess: true,
      })
      log('cancelled', item, { event: eventId })
    } catch (error) {
      log('refused', item, { event: eventId, reason: T.sync.refused(reasonOf(error)) })
    }
  }
  return finish('done', undefined, parsed.notes)
}

const cancel = (payload: Payload, id: Id, as: { user: Actor; overrideAccess: false; depth: 0; draft: boolean }) =>
  payload.update({ collection: SLUGS.events, id: id as number, data: { status: 'cancelled' } as never, ...as })

/** Sources whose next scheduled sync is due (or never planned), enabled ones only. */
export const dueSources = async (payload: Payload, now: Date = new Date()) => {
  const where: Where = {
    and: [
      { enabled: { equals: true } },
      { or: [{ nextRunAt: { less_than_equal: now.toISOString() } }, { nextRunAt: { exists: false } }] },
    ],
  }
  const { docs } = await payload.find({
    collection: SLUGS.calendarSources,
    where,
    pagination: false,
    depth: 0,
    select: { intervalHours: true },
    overrideAccess: true,
  })
  return docs as Pick<CalendarSource, 'id' | 'intervalHours'>[]
}
