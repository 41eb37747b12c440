import type { Payload } from 'payload'
import { aggregateReader } from '../sqlite-readers'
import type { ReportScope } from './scope'

/** The statement surface of the SQLite client under the adapter (cms/sqlite-client.ts sends reads to its reader). */
export type SqlClient = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>
}

/** Where the reports' SQL runs on SQLite (cms/sqlite-readers.ts: off the event loop), or `null` on any other database. */
export const sqliteClient = (payload: Payload): SqlClient | null =>
  aggregateReader(payload.db as unknown as { name: string; client?: unknown })

/** The scope as a condition on the occurrence rows `o` (the same condition as `scopeWhere`) and its arguments. */
export const scopeCondition = (scope: ReportScope): [string, unknown[]] =>
  scope.kind === 'network'
    ? ['1 = 1', []]
    : scope.kind === 'system'
      ? ['o.system_id = ?', [scope.system]]
      : ['o.library_id = ?', [scope.library]]
