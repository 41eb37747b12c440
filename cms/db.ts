import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { appRoot } from '../shared/paths'
import { migrations } from './migrations'
import { SafeSqliteClient } from './sqlite-client'

export type DatabaseKind = 'sqlite' | 'mongodb'

export const databaseKind = (url: string): DatabaseKind => {
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  if (url.startsWith('file:') || url.startsWith('libsql:')) return 'sqlite'
  throw new Error(`DATABASE_URL must start with file:, mongodb:// or mongodb+srv:// (got "${url.split(':')[0]}:")`)
}

/**
 * The one place that picks the database. SQLite (the embedded default) runs in WAL mode with a busy
 * timeout, because the CMS and the site open the same file; its schema comes only from the committed
 * migrations, in every environment, so development, tests and production share one schema path.
 */
export const databaseAdapter = (url: string): DatabaseAdapterObj => {
  if (databaseKind(url) === 'mongodb') return mongooseAdapter({ url, prodMigrations: [] })
  if (url.startsWith('file:')) mkdirSync(path.dirname(url.slice('file:'.length)), { recursive: true })
  // Each Payload operation (a document and what its hooks write) is one transaction on this process's writer
  // connection; see sqlite-client.ts for why Payload gets our client instead of libsql's.
  return withSafeClient(
    sqliteAdapter({
      client: { url },
      wal: { synchronous: 'NORMAL' },
      busyTimeout: BUSY_TIMEOUT_MS,
      transactionOptions: {},
      push: false,
      migrationDir: process.env.PAYLOAD_MIGRATION_DIR ?? path.join(appRoot(), 'cms', 'migrations'),
      prodMigrations: migrations,
    }),
    url,
  )
}

/** How long a write waits for the database before it is answered 503 (SQLITE_BUSY_TIMEOUT_MS). */
const BUSY_TIMEOUT_MS = Number(process.env.SQLITE_BUSY_TIMEOUT_MS ?? 10_000)
/** A transaction still open after this is rolled back (SQLITE_TRANSACTION_MAX_MS). */
const TRANSACTION_MAX_MS = Number(process.env.SQLITE_TRANSACTION_MAX_MS ?? 30_000)

type SqliteAdapter = BaseDatabaseAdapter & { client?: unknown }

const withSafeClient = (adapter: DatabaseAdapterObj, url: string): DatabaseAdapterObj => ({
  ...adapter,
  init: (args) => {
    const db = adapter.init(args) as SqliteAdapter
    const { connect, destroy } = db
    db.connect = async function (this: SqliteAdapter, options) {
      this.client ??= new SafeSqliteClient({
        path: url.slice('file:'.length),
        busyTimeoutMs: BUSY_TIMEOUT_MS,
        maxTransactionMs: TRANSACTION_MAX_MS,
        synchronous: 'NORMAL',
        log: (level, msg, fields) => args.payload.logger[level]({ msg, ...fields }),
      })
      return connect?.call(this, options)
    }
    db.destroy = async function (this: SqliteAdapter) {
      await destroy?.call(this)
      ;(this.client as SafeSqliteClient | undefined)?.close()
      this.client = undefined
    }
    return db
  },
})
