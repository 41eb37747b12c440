import { Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'
import type { BaseDatabaseAdapter, DatabaseAdapterObj } from 'payload'

type Client = { execute: (sql: string) => Promise<unknown> }
type SqliteAdapter = BaseDatabaseAdapter & { client?: Client; clientConfig?: { url?: string } }
type TransactionId = number | string
type Options = { busyTimeoutMs: number; synchronous: 'NORMAL' | 'FULL' }

/**
 * libsql's `client.transaction()` hands its connection to the transaction and opens a new one for the client;
 * the handed-over connection is never released, and closing it does not free it either (libsql-client-ts#350,
 * libsql-js#230): two file descriptors per transaction, SQLITE_CANTOPEN after ~16,000. Transactions of this
 * process already take turns (below), so they all run on one dedicated connection that stays open.
 */
const reuseOneTransactionConnection = (client: Client, url: string, options: Options) => {
  const patched = client as Client & { transaction: unknown; __oneTransactionConnection?: boolean }
  if (patched.__oneTransactionConnection || !url.startsWith('file:')) return
  patched.__oneTransactionConnection = true
  let db: Database.Database | undefined
  patched.transaction = async (mode = 'write') => {
    if (!db) {
      db = new Database(url.slice('file:'.length))
      db.exec(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`)
      db.exec(`PRAGMA synchronous = ${options.synchronous}`)
    }
    db.exec(mode === 'read' ? 'BEGIN TRANSACTION READONLY' : mode === 'deferred' ? 'BEGIN DEFERRED' : 'BEGIN IMMEDIATE')
    return new Sqlite3Transaction(db, 'number')
  }
}

export const withSqliteTransactions = (adapter: DatabaseAdapterObj, options: Options): DatabaseAdapterObj => {
  const init = adapter.init
  return {
    ...adapter,
    init: (args) => {
      const db = init(args) as SqliteAdapter
      const begin = db.beginTransaction
      const commit = db.commitTransaction
      const rollback = db.rollbackTransaction
      const releases = new Map<TransactionId, () => void>()
      let queue: Promise<void> = Promise.resolve()

      const prepare = async (client: Client | undefined) => {
        await client?.execute(`PRAGMA busy_timeout = ${options.busyTimeoutMs}`)
        await client?.execute(`PRAGMA synchronous = ${options.synchronous}`)
      }
      const finish = (id: TransactionId | Promise<TransactionId>) =>
        Promise.resolve(id).then((key) => {
          releases.get(key)?.()
          releases.delete(key)
        })

      db.beginTransaction = async function (this: SqliteAdapter, beginOptions) {
        let release = () => {}
        const turn = new Promise<void>((resolve) => {
          release = resolve
        })
        const previous = queue
        queue = previous.then(() => turn)
        // A nested operation that forgot to pass `req` would wait for itself: after the busy timeout it
        // goes ahead and meets SQLite's own lock (and its error) instead of hanging.
        let timer: NodeJS.Timeout | undefined
        await Promise.race([previous, new Promise((r) => (timer = setTimeout(r, options.busyTimeoutMs)))])
        clearTimeout(timer)
        try {
          if (this.client) reuseOneTransactionConnection(this.client, this.clientConfig?.url ?? '', options)
          await prepare(this.client)
          const id = await begin.call(this, beginOptions)
          await prepare(this.client)
          if (id == null) release()
          else releases.set(id, release)
          return id
        } catch (error) {
          release()
          throw error
        }
      }
      db.commitTransaction = async function (this: SqliteAdapter, id) {
        try {
          await commit.call(this, id)
        } finally {
          await finish(id)
        }
      }
      db.rollbackTransaction = async function (this: SqliteAdapter, id) {
        try {
          await rollback.call(this, id)
        } finally {
          await finish(id)
        }
      }
      return db
    },
  }
}
