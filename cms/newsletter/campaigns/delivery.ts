// The delivery log's row and outcome shapes, shared by the adapter path (ledger.ts) and the SQLite path
// (ledger-sqlite.ts).

type Id = number | string

export type DeliveryRow = { id: Id; key: string; subscriber: Id; variant: string; attempts: number }

export type Recipient = { subscriber: Id; variant: string }

export type Outcome =
  | { state: 'sent'; messageId: string }
  | { state: 'failed' | 'bounced' | 'skipped'; error: string }
  | { state: 'queued'; error: string; retryAt: Date }

export type Counts = {
  total: number
  queued: number
  sending: number
  sent: number
  failed: number
  bounced: number
  skipped: number
}
