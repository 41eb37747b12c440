import type { Payload, PayloadRequest, Where } from 'payload'
import { staffOf } from '../../collections/access/roles'
import { isStaff } from '../../collections/access/staff-only'
import { writeSources } from '../../collections/CalendarSources/access'
import { SLUGS, TASKS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { dueSources } from './sync'

const T = catalogue('it').imports.endpoint

export type SyncRequest = { ok: true; message: string } | { ok: false; status: 400 | 401 | 403 | 404; message: string }

const scoped = (id: string, rule: boolean | Where): Where | null =>
  rule === false ? null : rule === true ? { id: { equals: id } } : { and: [{ id: { equals: id } }, rule] }

/**
 * "Sincronizza ora": whoever may edit the source may ask for a sync now. Nothing is read from the calendar
 * here: the request only queues the sync job. A source the user cannot read is "not found" (its existence
 * is not told to another system's staff).
 */
export const requestSync = async (req: PayloadRequest, id: string | undefined): Promise<SyncRequest> => {
  const user = staffOf(req)
  if (!user) return { ok: false, status: 401, message: T.login }
  if (!isStaff(user)) return { ok: false, status: 403, message: T.forbidden }
  if (!id || !/^[\w-]{1,64}$/.test(id)) return { ok: false, status: 404, message: T.notFound }
  const { payload } = req
  const readable = await payload
    .find({
      collection: SLUGS.calendarSources,
      where: { id: { equals: id } },
      depth: 0,
      limit: 1,
      overrideAccess: false,
      user,
      req,
    })
    .catch(() => ({ docs: [] }))
  const source = readable.docs[0]
  if (!source) return { ok: false, status: 404, message: T.notFound }
  const where = scoped(id, await writeSources({ req, id } as never))
  const writable = where
    ? await payload.count({ collection: SLUGS.calendarSources, where, overrideAccess: true, req })
    : { totalDocs: 0 }
  if (writable.totalDocs === 0) return { ok: false, status: 403, message: T.forbidden }
  if (!source.enabled) return { ok: false, status: 400, message: T.disabled }
  await payload.jobs.queue({ task: TASKS.syncCalendarSource, input: { sourceId: String(id), trigger: 'manual' }, req })
  return { ok: true, message: T.queued }
}

const HOUR = 3_600_000

/** The scheduler's tick: queues a sync of every due source and plans its next one (default every 6 hours). */
export const queueDueSyncs = async (payload: Payload, now: Date = new Date()): Promise<number> => {
  const due = await dueSources(payload, now)
  for (const source of due) {
    await payload.jobs.queue({
      task: TASKS.syncCalendarSource,
      input: { sourceId: String(source.id), trigger: 'schedule' },
    })
    await payload.update({
      collection: SLUGS.calendarSources,
      id: source.id,
      data: { nextRunAt: new Date(now.getTime() + Number(source.intervalHours ?? 6) * HOUR).toISOString() },
      depth: 0,
      overrideAccess: true,
    })
  }
  return due.length
}
