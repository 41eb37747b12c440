import { randomUUID } from 'node:crypto'
import type { Transporter } from 'nodemailer'
import type { Payload } from 'payload'
import { SYSTEM_CONTEXT } from '../../../collections/Newsletters/hooks/guardStatus'
import { SLUGS } from '../../../collections/slugs'
import { massMessage } from '../../../emails/messages'
import type { RenderedEmail } from '../../../emails/render'
import { sendMessage } from '../../../emails/send'
import { getTransport } from '../../../emails/transport'
import { oneClickUrl, personalise } from '../links'
import { recordBounce } from '../subscribers'
import { loadLookups } from './context'
import { type CampaignKind, digestKind, editorialKind, type NewsletterDoc } from './kinds'
import { claim, countStates, type DeliveryRow, enqueue, nextQueued, requeueOrphans, settle } from './ledger'

type Id = number | string

export type BatchOptions = {
  /** Identity of this run in the lease and in claimed rows; a hand-over passes it to the next job. */
  runId?: string
  /** Stop claiming new rows after this long; the job queue continues with a new batch. */
  maxMs?: number
  /** Messages in flight at once (the pool's connections). */
  concurrency?: number
  leaseMs?: number
  transport?: Transporter
}

export type BatchResult = {
  status: 'done' | 'more' | 'busy' | 'stopped'
  runId: string
  sent: number
  failed: number
  /** Rows found claimed by a dead run and put back in the queue. */
  orphans: number
  /** When the next batch should start (retries waiting for their backoff). */
  waitUntil?: Date
}

export const MAX_ATTEMPTS = 5
const CHUNK = 200
const BODY_CACHE = 8

export const leaseMs = () => Number(process.env.NEWSLETTER_LEASE_SECONDS ?? 60) * 1000
export const batchMs = () => Number(process.env.NEWSLETTER_BATCH_SECONDS ?? 20) * 1000
const defaultConcurrency = () => Math.max(1, Number(process.env.SMTP_MAX_CONNECTIONS ?? 5))

/** Temporary failures wait 1, 4, 16, 64 minutes. */
export const retryDelayMs = (attempts: number) => 60_000 * 4 ** Math.max(0, attempts - 1)

const N = SLUGS.newsletters

/**
 * The lease: one conditional UPDATE that succeeds only if nobody holds an unexpired lease (or the
 * previous batch handed it to this run). A crashed run simply stops renewing it.
 */
const acquire = async (payload: Payload, id: Id, runId: string, ms: number): Promise<NewsletterDoc | null> => {
  const now = new Date()
  return (await payload.db.updateOne({
    collection: N,
    where: {
      and: [
        { id: { equals: id } },
        {
          or: [
            { lockedUntil: { exists: false } },
            { lockedUntil: { less_than: now.toISOString() } },
            { lockedBy: { equals: runId } },
          ],
        },
      ],
    },
    data: { lockedBy: runId, lockedUntil: new Date(now.getTime() + ms).toISOString() },
    options: { atomic: true },
  })) as unknown as NewsletterDoc | null
}

const renew = async (payload: Payload, id: Id, runId: string, ms: number) =>
  !!(await payload.db.updateOne({
    collection: N,
    where: { and: [{ id: { equals: id } }, { lockedBy: { equals: runId } }] },
    data: { lockedUntil: new Date(Date.now() + ms).toISOString() },
    options: { atomic: true },
  }))

/** Releases the lease, or hands it to the run that will continue (so the watchdog sees a live campaign). */
const release = (payload: Payload, id: Id, runId: string, next: { runId: string; ms: number } | null) =>
  payload.db.updateOne({
    collection: N,
    where: { and: [{ id: { equals: id } }, { lockedBy: { equals: runId } }] },
    data: next
      ? { lockedBy: next.runId, lockedUntil: new Date(Date.now() + next.ms).toISOString() }
      : { lockedBy: null, lockedUntil: null },
    options: { atomic: true },
  })

const readStatus = async (payload: Payload, id: Id) =>
  (
    (await payload.db.findOne({ collection: N, where: { id: { equals: id } }, select: { status: true } })) as {
      status?: string
    } | null
  )?.status

export const kindOf = (
  payload: Payload,
  newsletter: NewsletterDoc,
  lookups: Awaited<ReturnType<typeof loadLookups>>,
) =>
  newsletter.kind === 'digest' ? digestKind(payload, newsletter, lookups) : editorialKind(payload, newsletter, lookups)

/** Runs `work` over `items` with at most `limit` in flight. */
const pool = async <T>(items: T[], limit: number, work: (item: T) => Promise<void>) => {
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++] as T)
    }),
  )
}

type Recipient = { id: Id; email: string; status: string; tokenNonce: string | null; language?: string | null }

const loadRecipients = async (payload: Payload, rows: DeliveryRow[]) => {
  const { docs } = await payload.find({
    collection: SLUGS.subscribers,
    where: { id: { in: rows.map((r) => r.subscriber) } },
    limit: rows.length,
    pagination: false,
    depth: 0,
    overrideAccess: true, // the sender needs addresses and token nonces
    select: { email: true, status: true, tokenNonce: true, language: true },
  })
  return new Map(docs.map((d) => [String(d.id), d as unknown as Recipient]))
}

/**
 * One batch of a campaign (editorial or digest). It takes the lease, builds the delivery log on first
 * run, then claims → sends → settles rows one at a time per connection until the log is empty or
 * the time budget is spent. Every step is safe to repeat: a run that dies is replaced by another that
 * puts the dead run's claimed rows back in the queue (see cms/newsletter/README.md).
 */
export const runCampaignBatch = async (
  payload: Payload,
  newsletterId: Id,
  options: BatchOptions = {},
): Promise<BatchResult> => {
  const runId = options.runId ?? randomUUID()
  const lease = options.leaseMs ?? leaseMs()
  const result: BatchResult = { status: 'done', runId, sent: 0, failed: 0, orphans: 0 }
  if (!(await acquire(payload, newsletterId, runId, lease))) return { ...result, status: 'busy' }
  try {
    // Re-read in full: the lease UPDATE returns only the main table, not relations (events, series).
    const newsletter = (await payload.findByID({
      collection: N,
      id: newsletterId,
      depth: 0,
      overrideAccess: true, // the sender reads the campaign it is sending
    })) as unknown as NewsletterDoc
    if (newsletter.status !== 'sending') {
      result.status = 'stopped'
      return result
    }
    const lookups = await loadLookups(payload)
    const kind: CampaignKind = kindOf(payload, newsletter, lookups)
    if (!newsletter.audienceReady) {
      await kind.recipients(async (page) => {
        await enqueue(payload, newsletterId, page)
        await renew(payload, newsletterId, runId, lease)
      })
      const counts = await countStates(payload, newsletterId)
      await payload.db.updateOne({
        collection: N,
        id: newsletterId,
        data: {
          audienceReady: true,
          progress: { total: counts.total, sent: counts.sent, failed: counts.failed + counts.bounced },
        },
        returning: false,
      })
    }
    result.orphans = await requeueOrphans(payload, newsletterId, runId)

    const transport = options.transport ?? getTransport()
    // Rows come variant by variant, so a handful of bodies in memory is enough (a digest body is up to ~80 KB).
    const bodies = new Map<string, Promise<RenderedEmail>>()
    const body = (variant: string) => {
      let hit = bodies.get(variant)
      if (!hit) {
        hit = kind.render(variant)
        bodies.set(variant, hit)
        if (bodies.size > BODY_CACHE) bodies.delete(bodies.keys().next().value as string)
      }
      return hit
    }
    const deadline = Date.now() + (options.maxMs ?? batchMs())
    const concurrency = options.concurrency ?? defaultConcurrency()

    const deliver = async (row: DeliveryRow, recipient: Recipient | undefined) => {
      if (!(await claim(payload, row.id, runId))) return
      if (recipient?.status !== 'confirmed') {
        await settle(payload, row.id, { state: 'skipped', error: 'non più iscritto al momento dell’invio' })
        return
      }
      const rendered = await body(row.variant)
      const personal = (text: string) => personalise(text, payload.secret, recipient)
      const message = massMessage({
        to: recipient.email,
        rendered: { subject: rendered.subject, html: personal(rendered.html), text: personal(rendered.text) },
        sender: kind.sender,
        oneClickUrl: oneClickUrl(payload.secret, recipient),
        deliveryKey: row.key,
      })
      const outcome = await sendMessage(message, transport)
      if (outcome.ok) {
        await settle(payload, row.id, { state: 'sent', messageId: String(message.messageId) })
        result.sent++
        return
      }
      result.failed++
      if (outcome.kind === 'permanent') {
        await settle(payload, row.id, { state: 'bounced', error: outcome.error })
        await recordBounce(payload, recipient.email, 'hard', outcome.error)
      } else if (outcome.kind === 'rejected' || row.attempts + 1 >= MAX_ATTEMPTS) {
        await settle(payload, row.id, { state: 'failed', error: outcome.error })
      } else {
        const retryAt = new Date(Date.now() + retryDelayMs(row.attempts + 1))
        await settle(payload, row.id, { state: 'queued', error: outcome.error, retryAt })
      }
    }

    let stopped = false
    while (Date.now() < deadline) {
      const rows = await nextQueued(payload, newsletterId, CHUNK)
      if (!rows.length) break
      const recipients = await loadRecipients(payload, rows)
      await pool(rows, concurrency, (row) => deliver(row, recipients.get(String(row.subscriber))))
      if (
        !(await renew(payload, newsletterId, runId, lease)) ||
        (await readStatus(payload, newsletterId)) !== 'sending'
      ) {
        stopped = true
        break
      }
    }

    const counts = await countStates(payload, newsletterId)
    const finished = counts.queued === 0 && counts.sending === 0
    const progress = { total: counts.total, sent: counts.sent, failed: counts.failed + counts.bounced }
    if (finished && !stopped) {
      await payload.update({
        collection: N,
        id: newsletterId,
        data: { status: 'sent', progress: { ...progress, finishedAt: new Date().toISOString() } },
        context: { [SYSTEM_CONTEXT]: true },
        overrideAccess: true, // the sender closes its own campaign
      })
      return result
    }
    await payload.db.updateOne({ collection: N, id: newsletterId, data: { progress }, returning: false })
    if (stopped) {
      result.status = 'stopped'
      return result
    }
    if (counts.queued > 0) {
      const ready = await nextQueued(payload, newsletterId, 1)
      if (!ready.length) {
        const waiting = await payload.db.find({
          collection: SLUGS.deliveries,
          where: { and: [{ newsletter: { equals: newsletterId } }, { state: { equals: 'queued' } }] },
          sort: 'retryAt',
          limit: 1,
          pagination: false,
          select: { retryAt: true },
        })
        const at = (waiting.docs[0] as { retryAt?: string } | undefined)?.retryAt
        if (at) result.waitUntil = new Date(at)
      }
    }
    result.status = 'more'
    return result
  } finally {
    if (result.status !== 'more') await release(payload, newsletterId, runId, null)
  }
}

/** Hands the lease to the batch that continues, so it is not mistaken for an abandoned campaign. */
export const handOver = (payload: Payload, newsletterId: Id, fromRun: string, toRun: string, ms: number) =>
  release(payload, newsletterId, fromRun, { runId: toRun, ms })
