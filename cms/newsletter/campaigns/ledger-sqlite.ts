import type { Payload } from 'payload'
import type { Counts, DeliveryRow, Outcome, Recipient } from './delivery'

type Id = number | string
type Client = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[]; rowsAffected: number }>
}

/**
 * The delivery log on SQLite, in plain SQL. Measured on this machine, a claim or settle through the
 * database adapter costs about 4 ms (query building, RETURNING, transforms) against 0.3 ms here; at two
 * per message that alone capped a campaign near 120 msg/s. The statements are the same conditional
 * updates, single-statement and atomic. Other databases use the adapter (ledger.ts).
 */
export const sqliteClient = (payload: Payload): Client | null =>
  payload.db.name === 'sqlite' ? ((payload.db as unknown as { client: Client }).client ?? null) : null

const now = () => new Date().toISOString()

export const enqueueSql = async (client: Client, newsletterId: Id, keys: string[], recipients: Recipient[]) => {
  let added = 0
  const at = now()
  for (let start = 0; start < recipients.length; start += 400) {
    const slice = recipients.slice(start, start + 400)
    const args: unknown[] = []
    slice.forEach((r, i) => {
      args.push(keys[start + i], newsletterId, r.subscriber, 'queued', 0, r.variant, at, at)
    })
    const values = slice.map(() => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')
    const result = await client.execute({
      // The unique key makes a repeated enqueue a no-op for rows already there.
      sql: `INSERT OR IGNORE INTO deliveries (key, newsletter_id, subscriber_id, state, attempts, variant, updated_at, created_at) VALUES ${values}`,
      args,
    })
    added += result.rowsAffected
  }
  return added
}

export const nextQueuedSql = async (
  client: Client,
  newsletterId: Id,
  limit: number,
  at: Date,
): Promise<DeliveryRow[]> => {
  const { rows } = await client.execute({
    sql: `SELECT id, key, subscriber_id, variant, attempts FROM deliveries
          WHERE newsletter_id = ? AND state = 'queued' AND (retry_at IS NULL OR retry_at <= ?)
          ORDER BY variant, id LIMIT ?`,
    args: [newsletterId, at.toISOString(), limit],
  })
  return rows.map((r) => ({
    id: Number(r.id),
    key: String(r.key),
    subscriber: Number(r.subscriber_id),
    variant: String(r.variant ?? ''),
    attempts: Number(r.attempts ?? 0),
  }))
}

export const claimSql = async (client: Client, rowId: Id, runId: string) =>
  (
    await client.execute({
      sql: `UPDATE deliveries SET state = 'sending', claimed_by = ?, attempts = attempts + 1, updated_at = ?
            WHERE id = ? AND state = 'queued'`,
      args: [runId, now(), rowId],
    })
  ).rowsAffected === 1

export const settleSql = async (client: Client, rowId: Id, outcome: Outcome, at: Date) => {
  const sent = outcome.state === 'sent'
  await client.execute({
    sql: `UPDATE deliveries SET state = ?, claimed_by = NULL, sent_at = ?, message_id = ?, error = ?, retry_at = ?, updated_at = ?
          WHERE id = ?`,
    args: [
      outcome.state,
      sent ? at.toISOString() : null,
      sent ? outcome.messageId : null,
      sent ? null : outcome.error.slice(0, 300),
      outcome.state === 'queued' ? outcome.retryAt.toISOString() : null,
      now(),
      rowId,
    ],
  })
}

export const requeueOrphansSql = async (client: Client, newsletterId: Id, runId: string, note: string) =>
  (
    await client.execute({
      sql: `UPDATE deliveries SET state = 'queued', claimed_by = NULL, error = ?, updated_at = ?
            WHERE newsletter_id = ? AND state = 'sending' AND (claimed_by IS NULL OR claimed_by != ?)`,
      args: [note, now(), newsletterId, runId],
    })
  ).rowsAffected

export const countStatesSql = async (client: Client, newsletterId: Id): Promise<Counts> => {
  const { rows } = await client.execute({
    sql: 'SELECT state, count(*) AS n FROM deliveries WHERE newsletter_id = ? GROUP BY state',
    args: [newsletterId],
  })
  const counts: Counts = { total: 0, queued: 0, sending: 0, sent: 0, failed: 0, bounced: 0, skipped: 0 }
  for (const r of rows) {
    const state = String(r.state) as keyof Counts
    if (state in counts) counts[state] = Number(r.n)
    counts.total += Number(r.n)
  }
  return counts
}
