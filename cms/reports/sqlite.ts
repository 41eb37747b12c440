import type { Payload } from 'payload'
import type { ReportScope } from './scope'

/** The statement surface of the SQLite client under the adapter (cms/sqlite-client.ts sends reads to its reader). */
export type SqlClient = {
  execute: (q: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The SQLite client under the adapter, or `null` on any other database. */
export const sqliteClient = (payload: Payload): SqlClient | null =>
  payload.db.name === 'sqlite' ? ((payload.db as unknown as { client?: SqlClient }).client ?? null) : null

/** The scope as a condition on the occurrence rows `o` (the same condition as `scopeWhere`) and its arguments. */
export const scopeCondition = (scope: ReportScope): [string, unknown[]] =>
  scope.kind === 'network'
    ? ['1 = 1', []]
    : scope.kind === 'system'
      ? ['o.system_id = ?', [scope.system]]
      : ['o.library_id = ?', [scope.library]]
