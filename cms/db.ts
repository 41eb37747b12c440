import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import { appRoot } from '../collections/lib/paths'
import { migrations } from './migrations'
import { withSqliteTransactions } from './sqlite-transactions'

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
  // Each Payload operation (a document and what its hooks write) is one transaction: see sqlite-transactions.ts.
  return withSqliteTransactions(
    sqliteAdapter({
      client: { url },
      wal: { synchronous: 'NORMAL' },
      busyTimeout: 10_000,
      transactionOptions: {},
      push: false,
      migrationDir: process.env.PAYLOAD_MIGRATION_DIR ?? path.join(appRoot(), 'cms', 'migrations'),
      prodMigrations: migrations,
    }),
    { busyTimeoutMs: 10_000, synchronous: 'NORMAL' },
  )
}
