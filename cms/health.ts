import type { Payload, Where } from 'payload'
import { QUEUES, SLUGS } from '../collections/slugs'

/**
 * How long a queue may leave a due job untaken before it counts as stuck: a few of its ticks
 * (cms/jobs/index.ts), so one slow batch is not an alarm but a queue nobody runs is.
 */
export const QUEUE_ALLOWANCE_MS: Record<string, number> = {
  default: 5 * 60_000,
  [QUEUES.mail]: 2 * 60_000,
  [QUEUES.newsletter]: 5 * 60_000,
}

/** A newsletter "In invio" (or due "Programmata") that has not sent anything for this long is stuck. */
export const NEWSLETTER_ALLOWANCE_MS = 5 * 60_000

const WRITE_PROBE_MS = 5000
const JOBS = 'payload-jobs'

export type CheckState = 'ok' | 'error'

export type StuckQueue = { queue: string; due: number; oldestDueAt: string }
export type StuckNewsletter = { id: number | string; subject: string; status: string; since: string }
export type LastError = { task: string; at: string; message: string }

export type HealthReport = {
  status: CheckState
  checks: { database: CheckState; write: CheckState; queues: CheckState }
  /** Details for staff only (the admin notice); the public /healthz body leaves them out. */
  stuckQueues: StuckQueue[]
  stuckNewsletters: StuckNewsletter[]
  lastError: LastError | null
}

type WriteProbe = { probeWrite: (timeoutMs: number) => Promise<void> }
type MongoPing = { connection?: { db?: { command: (cmd: object) => Promise<unknown> } } }

const hasProbe = (client: unknown): client is WriteProbe =>
  !!client && typeof (client as Partial<WriteProbe>).probeWrite === 'function'

/**
 * SQLite: take the write lock and give it back (cms/sqlite-client.ts); a database that another
 * connection keeps locked fails here within WRITE_PROBE_MS. MongoDB: the server answers a command.
 */
const probeWrite = async (payload: Payload): Promise<void> => {
  const db = payload.db as unknown as { client?: unknown } & MongoPing
  if (hasProbe(db.client)) return db.client.probeWrite(WRITE_PROBE_MS)
  if (db.connection?.db) {
    await db.connection.db.command({ ping: 1 })
    return
  }
  throw new Error('no write probe for this database adapter')
}

/** Jobs waiting to run since before `cutoff`: not finished, not failed for good, and not backing off. */
const dueBefore = (queue: string, cutoff: string): Where => ({
  and: [
    { queue: queue === 'default' ? { in: ['default', null] } : { equals: queue } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
    {
      or: [
        { and: [{ waitUntil: { exists: false } }, { createdAt: { less_than: cutoff } }] },
        { waitUntil: { less_than: cutoff } },
      ],
    },
  ],
})

const stuckQueues = async (payload: Payload, now: number): Promise<StuckQueue[]> => {
  const stuck: StuckQueue[] = []
  for (const [queue, allowance] of Object.entries(QUEUE_ALLOWANCE_MS)) {
    const { docs, totalDocs } = await payload.db.find<{ createdAt: string; waitUntil?: string | null }>({
      collection: JOBS,
      where: dueBefore(queue, new Date(now - allowance).toISOString()),
      sort: 'createdAt',
      limit: 1,
      pagination: true,
    })
    // Completed jobs are deleted (deleteJobOnComplete), so a due job older than the allowance means
    // no run of this queue has reached it for that long.
    if (docs[0]) stuck.push({ queue, due: totalDocs, oldestDueAt: docs[0].waitUntil ?? docs[0].createdAt })
  }
  return stuck
}

type NewsletterRow = {
  id: number | string
  subject?: string | null
  status: string
  updatedAt: string
  scheduledAt?: string | null
}

const stuckNewsletters = async (payload: Payload, now: number): Promise<StuckNewsletter[]> => {
  const cutoff = new Date(now - NEWSLETTER_ALLOWANCE_MS).toISOString()
  const { docs } = await payload.db.find<NewsletterRow>({
    collection: SLUGS.newsletters,
    where: {
      or: [
        { and: [{ status: { equals: 'sending' } }, { updatedAt: { less_than: cutoff } }] },
        { and: [{ status: { equals: 'scheduled' } }, { scheduledAt: { less_than: cutoff } }] },
      ],
    },
    limit: 10,
    pagination: false,
  })
  const stuck: StuckNewsletter[] = []
  for (const n of docs) {
    // A sending newsletter shows its progress in its deliveries, which the sender updates directly.
    const recent = await payload.db.count({
      collection: SLUGS.deliveries,
      where: { and: [{ newsletter: { equals: n.id } }, { updatedAt: { greater_than_equal: cutoff } }] },
    })
    if (recent.totalDocs > 0) continue
    stuck.push({
      id: n.id,
      subject: n.subject ?? '',
      status: n.status,
      since: n.status === 'scheduled' ? (n.scheduledAt ?? n.updatedAt) : n.updatedAt,
    })
  }
  return stuck
}

const messageOf = (error: unknown): string => {
  if (error && typeof error === 'object' && 'message' in error) return String(error.message)
  return typeof error === 'string' ? error : JSON.stringify(error)
}

const lastJobError = async (payload: Payload): Promise<LastError | null> => {
  const { docs } = await payload.db.find<{ taskSlug?: string | null; updatedAt: string; error?: unknown }>({
    collection: JOBS,
    where: { hasError: { equals: true } },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
  })
  const job = docs[0]
  if (!job) return null
  return { task: job.taskSlug ?? '', at: job.updatedAt, message: messageOf(job.error).slice(0, 500) }
}

/** Everything /healthz and the admin notice report; never throws. */
export const checkHealth = async (payload: Payload, now = Date.now()): Promise<HealthReport> => {
  const report: HealthReport = {
    status: 'ok',
    checks: { database: 'ok', write: 'ok', queues: 'ok' },
    stuckQueues: [],
    stuckNewsletters: [],
    lastError: null,
  }
  try {
    await payload.db.count({ collection: SLUGS.systems })
  } catch {
    report.checks.database = 'error'
  }
  try {
    await probeWrite(payload)
  } catch {
    report.checks.write = 'error'
  }
  if (report.checks.database === 'ok') {
    try {
      report.stuckQueues = await stuckQueues(payload, now)
      report.stuckNewsletters = await stuckNewsletters(payload, now)
      if (report.stuckQueues.length || report.stuckNewsletters.length) report.checks.queues = 'error'
      report.lastError = await lastJobError(payload)
    } catch {
      report.checks.queues = 'error'
    }
  } else report.checks.queues = 'error'
  if (Object.values(report.checks).some((c) => c !== 'ok')) report.status = 'error'
  return report
}

/**
 * /healthz is public: however often it is asked, a process probes the write lock and reads the queues at most
 * once per HEALTH_CACHE_MS (callers within the window share one report), so it cannot compete with saves.
 */
let recent: { at: number; payload: Payload; report: Promise<HealthReport> } | undefined
const cachedHealth = (payload: Payload): Promise<HealthReport> => {
  const maxAge = Number(process.env.HEALTH_CACHE_MS ?? 2000)
  const now = Date.now()
  if (recent && recent.payload === payload && now - recent.at < maxAge) return recent.report
  recent = { at: now, payload, report: checkHealth(payload, now) }
  return recent.report
}

/** 200 when every check passes, 503 otherwise. Shared by the CMS, the site and the newsletter worker. */
export const healthResponse = async (getPayload: () => Promise<Payload>): Promise<Response> => {
  const headers = { 'content-type': 'application/json', 'cache-control': 'no-store' }
  let payload: Payload
  try {
    payload = await getPayload()
  } catch {
    const checks = { database: 'error', write: 'error', queues: 'error' }
    return new Response(JSON.stringify({ status: 'error', checks }), { status: 503, headers })
  }
  const { status, checks } = await cachedHealth(payload)
  return new Response(JSON.stringify({ status, checks }), { status: status === 'ok' ? 200 : 503, headers })
}
