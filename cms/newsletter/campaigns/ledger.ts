import type { Payload } from 'payload'
import { SLUGS } from '../../../collections/slugs'
import type { Counts, DeliveryRow, Outcome, Recipient } from './delivery'
import {
  claimSql,
  countStatesSql,
  enqueueSql,
  nextQueuedSql,
  requeueOrphansSql,
  settleSql,
  sqliteClient,
} from './ledger-sqlite'

export type { Counts, DeliveryRow, Outcome, Recipient }

type Id = number | string

export const deliveryKey = (newsletterId: Id, subscriberId: Id) => `${newsletterId}:${subscriberId}`

// The delivery log is written by the sender only, many thousand rows per campaign: it goes through the
// database adapter (no hooks, no access control, single statements) rather than the Local API.
const D = SLUGS.deliveries

/** Adds the recipients not yet logged. Re-running after a crash adds nobody twice (the key is unique). */
export const enqueue = async (payload: Payload, newsletterId: Id, recipients: Recipient[]): Promise<number> => {
  if (!recipients.length) return 0
  const keys = recipients.map((r) => deliveryKey(newsletterId, r.subscriber))
  const sql = sqliteClient(payload)
  if (sql) return enqueueSql(sql, newsletterId, keys, recipients)
  const existing = await payload.db.find({
    collection: D,
    where: { key: { in: keys } },
    limit: 0,
    pagination: false,
    select: { key: true },
  })
  const known = new Set((existing.docs as unknown as { key: string }[]).map((d) => d.key))
  let added = 0
  for (const [i, r] of recipients.entries()) {
    const key = keys[i] as string
    if (known.has(key)) continue
    await payload.db.create({
      collection: D,
      data: {
        key,
        newsletter: newsletterId,
        subscriber: r.subscriber,
        state: 'queued',
        attempts: 0,
        variant: r.variant,
      },
      returning: false,
    })
    added++
  }
  return added
}

/**
 * The next queued rows of a campaign, variant by variant (so each shared body is rendered once and then
 * dropped), rows waiting for a retry only once their time has come.
 */
export const nextQueued = async (
  payload: Payload,
  newsletterId: Id,
  limit: number,
  now = new Date(),
): Promise<DeliveryRow[]> => {
  const sql = sqliteClient(payload)
  if (sql) return nextQueuedSql(sql, newsletterId, limit, now)
  const { docs } = await payload.db.find({
    collection: D,
    where: {
      and: [
        { newsletter: { equals: newsletterId } },
        { state: { equals: 'queued' } },
        { or: [{ retryAt: { exists: false } }, { retryAt: { less_than_equal: now.toISOString() } }] },
      ],
    },
    sort: ['variant', 'id'],
    limit,
    pagination: false,
    select: { key: true, subscriber: true, variant: true, attempts: true },
  })
  type Raw = { id: Id; key: string; subscriber: Id | { id: Id }; variant?: string | null; attempts?: number | null }
  return (docs as unknown as Raw[]).map((d) => ({
    id: d.id as Id,
    key: d.key as string,
    subscriber: (typeof d.subscriber === 'object' && d.subscriber ? d.subscriber.id : d.subscriber) as Id,
    variant: (d.variant as string) ?? '',
    attempts: (d.attempts as number) ?? 0,
  }))
}

/**
 * Claims a row for this run: one conditional UPDATE (queued → sending), so two senders can never both
 * win it. Returns false when someone else claimed it first.
 */
export const claim = async (payload: Payload, rowId: Id, runId: string): Promise<boolean> => {
  const sql = sqliteClient(payload)
  if (sql) return claimSql(sql, rowId, runId)
  const row = await payload.db.updateOne({
    collection: D,
    where: { and: [{ id: { equals: rowId } }, { state: { equals: 'queued' } }] },
    data: { state: 'sending', claimedBy: runId, attempts: { $inc: 1 } },
    options: { atomic: true },
  })
  return !!row
}

/** Records what happened to a claimed row. */
export const settle = async (payload: Payload, rowId: Id, outcome: Outcome, now = new Date()) => {
  const sql = sqliteClient(payload)
  if (sql) return settleSql(sql, rowId, outcome, now)
  const data: Record<string, unknown> = { state: outcome.state, claimedBy: null }
  if (outcome.state === 'sent')
    Object.assign(data, { sentAt: now.toISOString(), messageId: outcome.messageId, error: null })
  else Object.assign(data, { error: outcome.error.slice(0, 300) })
  if (outcome.state === 'queued') data.retryAt = outcome.retryAt.toISOString()
  await payload.db.updateOne({ collection: D, where: { id: { equals: rowId } }, data, options: { atomic: true } })
}

/**
 * Rows left `sending` by a run that lost its lease (it crashed or was killed): whether SMTP accepted
 * them is unknown. They go back to the queue and will be sent again, with the same Message-ID.
 * Returns how many.
 */
const ORPHAN_NOTE = 'ripreso dopo un’interruzione: esito precedente sconosciuto'

export const requeueOrphans = async (payload: Payload, newsletterId: Id, runId: string): Promise<number> => {
  const sql = sqliteClient(payload)
  if (sql) return requeueOrphansSql(sql, newsletterId, runId, ORPHAN_NOTE)
  const { docs } = await payload.db.find({
    collection: D,
    where: {
      and: [
        { newsletter: { equals: newsletterId } },
        { state: { equals: 'sending' } },
        { or: [{ claimedBy: { not_equals: runId } }, { claimedBy: { exists: false } }] },
      ],
    },
    limit: 0,
    pagination: false,
    select: { id: true },
  })
  for (const d of docs)
    await payload.db.updateOne({
      collection: D,
      where: { and: [{ id: { equals: d.id } }, { state: { equals: 'sending' } }] },
      data: { state: 'queued', claimedBy: null, error: ORPHAN_NOTE },
      options: { atomic: true },
    })
  return docs.length
}

export const countStates = async (payload: Payload, newsletterId: Id): Promise<Counts> => {
  const sql = sqliteClient(payload)
  if (sql) return countStatesSql(sql, newsletterId)
  const states = ['queued', 'sending', 'sent', 'failed', 'bounced', 'skipped'] as const
  const counts = { total: 0 } as Counts
  for (const state of states) {
    const { totalDocs } = await payload.db.count({
      collection: D,
      where: { and: [{ newsletter: { equals: newsletterId } }, { state: { equals: state } }] },
    })
    counts[state] = totalDocs
    counts.total += totalDocs
  }
  return counts
}
