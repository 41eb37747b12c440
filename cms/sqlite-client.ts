import { type InStatement, LibsqlError, type ResultSet, type TransactionMode } from '@libsql/client'
import { createClient, type Sqlite3Client, Sqlite3Transaction } from '@libsql/client/sqlite3'
import Database from 'libsql'

/**
 * The SQLite connections of one process, built so that no request, job or hook can leave the database locked.
 *
 * libsql (0.4.x) does not reset a statement whose step failed: a write that fails with SQLITE_BUSY stays "in
 * progress", and the connection's implicit transaction with it. The next write on that connection then
 * succeeds into a transaction that never commits: it holds the write lock for every process and is lost when
 * the process dies (tursodatabase/libsql-client-ts#352). And its busy timeout is a synchronous wait that
 * stops the whole event loop. So here:
 *
 * - every write runs on one writer connection, inside a `BEGIN IMMEDIATE` … `COMMIT` issued with `exec`
 *   (which always finalises its statement). A write statement therefore never meets a lock: the lock is taken
 *   before it runs, and once held, WAL gives no writer a reason to be busy;
 * - the lock is waited for asynchronously: this process's writers queue in memory, other processes are
 *   polled with a bounded backoff (the writer's own busy timeout is 0), and past the deadline the caller gets
 *   a `DatabaseBusyError` (answered 503 with Retry-After) while nothing has been written;
 * - a transaction still open after `maxTransactionMs` (a caller that never committed nor rolled back) is
 *   rolled back, logged, and its lock released; its later statements fail instead of landing anywhere;
 * - reads outside a transaction use a second connection, which never writes and never waits on a writer.
 */

export type SqliteClientOptions = {
  /** The database file (a `file:` URL's path). */
  path: string
  /** How long a write may wait for the lock before it is refused (in-process queue and other processes). */
  busyTimeoutMs: number
  synchronous: 'NORMAL' | 'FULL'
  /** A transaction open longer than this is rolled back. */
  maxTransactionMs: number
  log?: (level: 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void
}

/** The lock was not free within the busy timeout: nothing was written, the same request may be retried. */
export class DatabaseBusyError extends LibsqlError {
  readonly status = 503
  readonly retryAfterSeconds: number
  constructor(message: string, retryAfterSeconds = 5) {
    super(`SQLITE_BUSY: ${message}`, 'SQLITE_BUSY')
    this.retryAfterSeconds = retryAfterSeconds
  }
}

const BUSY_MESSAGE = /SQLITE_BUSY|database is locked|database table is locked/i

/** Whether an error (or any error in its `cause` chain) is a busy database, however a layer above wrapped it. */
export const isBusyError = (error: unknown): boolean => {
  for (let e = error, depth = 0; e && depth < 6; depth++) {
    const candidate = e as { code?: unknown; message?: unknown; cause?: unknown }
    if (candidate.code === 'SQLITE_BUSY' || candidate.code === 'SQLITE_LOCKED') return true
    if (typeof candidate.message === 'string' && BUSY_MESSAGE.test(candidate.message)) return true
    e = candidate.cause
  }
  return false
}

const sqlOf = (stmt: InStatement) => (typeof stmt === 'string' ? stmt : stmt.sql)

/**
 * Statements that cannot write. Anything else (including what is not recognised) is treated as a write: a
 * read sent to the writer only waits its turn, a write sent to the reader would be the failure this module
 * exists to prevent.
 */
export const isReadOnly = (sql: string): boolean => {
  const head = sql
    .replace(/^(\s|--[^\n]*\n|\/\*[\s\S]*?\*\/|\()+/, '')
    .slice(0, 12)
    .toLowerCase()
  if (head.startsWith('select') || head.startsWith('explain')) return true
  if (head.startsWith('pragma')) return !sql.includes('=')
  if (head.startsWith('with')) return !/\b(insert|update|delete|replace)\b/i.test(sql)
  return false
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A FIFO lock in process memory: one transaction of this process at a time owns the writer connection. */
class WriterQueue {
  private held = false
  private waiters: { grant: () => void }[] = []

  acquire(deadline: number): Promise<() => void> {
    const release = () => {
      const next = this.waiters.shift()
      if (next) next.grant()
      else this.held = false
    }
    if (!this.held) {
      this.held = true
      return Promise.resolve(release)
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer)
          resolve(release)
        },
      }
      const timer = setTimeout(
        () => {
          this.waiters.splice(this.waiters.indexOf(waiter), 1)
          reject(new DatabaseBusyError('another write of this process holds the database'))
        },
        Math.max(0, deadline - Date.now()),
      )
      this.waiters.push(waiter)
    })
  }

  get waiting() {
    return this.waiters.length
  }
}

type Ended = { reason: string }

/** A write transaction on the writer connection, with the statement surface drizzle expects of libsql's. */
class WriterTransaction {
  private ended: Ended | null = null
  private readonly inner: Sqlite3Transaction
  private readonly watchdog: NodeJS.Timeout

  constructor(
    private readonly owner: SafeSqliteClient,
    private readonly db: Database.Database,
    private readonly release: () => void,
  ) {
    this.inner = new Sqlite3Transaction(db, 'number')
    this.watchdog = setTimeout(() => {
      this.owner.report('error', 'transaction left open: rolled back', { maxMs: this.owner.options.maxTransactionMs })
      this.end(`rolled back after ${this.owner.options.maxTransactionMs} ms without commit`)
    }, this.owner.options.maxTransactionMs)
    this.watchdog.unref()
  }

  private check() {
    if (this.ended) throw new LibsqlError(`The transaction is closed (${this.ended.reason})`, 'TRANSACTION_CLOSED')
  }

  private end(reason: string) {
    if (this.ended) return
    this.ended = { reason }
    clearTimeout(this.watchdog)
    this.owner.rollbackWriter()
    this.release()
  }

  async execute(stmt: InStatement): Promise<ResultSet> {
    this.check()
    return this.inner.execute(stmt)
  }

  async batch(stmts: InStatement[]): Promise<ResultSet[]> {
    this.check()
    return this.inner.batch(stmts)
  }

  async executeMultiple(sql: string): Promise<void> {
    this.check()
    return this.inner.executeMultiple(sql)
  }

  async commit(): Promise<void> {
    this.check()
    try {
      this.db.exec('COMMIT')
    } catch (error) {
      this.end('commit failed')
      throw error
    }
    this.ended = { reason: 'committed' }
    clearTimeout(this.watchdog)
    this.release()
  }

  async rollback(): Promise<void> {
    this.end('rolled back')
  }

  close(): void {
    this.end('closed')
  }

  get closed(): boolean {
    return this.ended !== null
  }
}

/**
 * Implements the part of libsql's `Client` that drizzle and Payload's SQLite adapter use (execute, batch,
 * migrate, transaction, executeMultiple, close), over a reader and a writer connection.
 */
export class SafeSqliteClient {
  readonly protocol = 'file'
  closed = false
  private reader: Sqlite3Client
  private writer: Database.Database | undefined
  private readonly queue = new WriterQueue()
  /** When this process last committed or probed a write: health reports it. */
  lastWriteAt = 0

  constructor(readonly options: SqliteClientOptions) {
    // WAL: readers never wait for the writer, and a commit does not wait for readers.
    const db = this.writerDb()
    if ((db.prepare('PRAGMA journal_mode').get() as { journal_mode?: string } | undefined)?.journal_mode !== 'wal')
      db.exec('PRAGMA journal_mode = WAL')
    db.exec(`PRAGMA journal_size_limit = ${64 * 1024 * 1024}`)
    this.reader = this.openReader()
  }

  private openReader() {
    const reader = createClient({ url: `file:${this.options.path}` }) as Sqlite3Client
    return reader
  }

  report(level: 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}) {
    const log =
      this.options.log ??
      ((l, m, f) => console.log(JSON.stringify({ level: l === 'error' ? 50 : 40, time: Date.now(), msg: m, ...f })))
    log(level, `sqlite: ${msg}`, fields)
  }

  private writerDb(): Database.Database {
    if (!this.writer) {
      const db = new Database(this.options.path)
      db.exec('PRAGMA busy_timeout = 0')
      db.exec(`PRAGMA synchronous = ${this.options.synchronous}`)
      this.writer = db
    }
    return this.writer
  }

  /** Ends whatever the writer connection has open; a connection that will not let go is replaced. */
  rollbackWriter() {
    const db = this.writer
    if (!db?.inTransaction) return
    try {
      db.exec('ROLLBACK')
    } catch (error) {
      this.report('error', 'rollback failed', { error: String(error) })
    }
    if (db.inTransaction) {
      this.report('error', 'writer connection still in a transaction after rollback: replaced')
      this.writer = undefined
      try {
        db.close()
      } catch {}
    }
  }

  /** Takes this process's turn, then the database's write lock, both within `timeoutMs`. */
  private async begin(timeoutMs = this.options.busyTimeoutMs): Promise<{ db: Database.Database; release: () => void }> {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    const deadline = Date.now() + timeoutMs
    const release = await this.queue.acquire(deadline)
    try {
      this.rollbackWriter() // never inherit a transaction
      for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
        const db = this.writerDb()
        try {
          db.exec('BEGIN IMMEDIATE')
          return { db, release }
        } catch (error) {
          if (!isBusyError(error)) throw error
          if (Date.now() + wait > deadline)
            throw new DatabaseBusyError(`another process held the database for more than ${timeoutMs} ms`)
          await sleep(wait + Math.random() * wait)
        }
      }
    } catch (error) {
      release()
      throw error
    }
  }

  async transaction(_mode: TransactionMode = 'write'): Promise<WriterTransaction> {
    const { db, release } = await this.begin()
    return new WriterTransaction(this, db, () => {
      this.lastWriteAt = Date.now()
      release()
    })
  }

  /** Runs `work` in its own write transaction: committed if it returns, rolled back if it throws. */
  private async inWriteTransaction<T>(work: (tx: WriterTransaction) => Promise<T>): Promise<T> {
    const tx = await this.transaction('write')
    try {
      const result = await work(tx)
      await tx.commit()
      return result
    } catch (error) {
      await tx.rollback()
      throw error
    }
  }

  private async read<T>(run: (reader: Sqlite3Client) => Promise<T>): Promise<T> {
    if (this.closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED')
    const deadline = Date.now() + this.options.busyTimeoutMs
    for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
      try {
        return await run(this.reader)
      } catch (error) {
        if (!isBusyError(error)) throw error
        // A statement that failed busy keeps its connection's snapshot: start again on a new one.
        const stale = this.reader
        this.reader = this.openReader()
        stale.close()
        if (Date.now() + wait > deadline) throw new DatabaseBusyError('the database could not be read in time')
        await sleep(wait)
      }
    }
  }

  async execute(stmtOrSql: InStatement, args?: unknown[]): Promise<ResultSet> {
    const stmt: InStatement =
      typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: (args ?? []) as never } : stmtOrSql
    const sql = sqlOf(stmt)
    if (/^\s*pragma\b/i.test(sql) && sql.includes('=')) return this.setting(stmt)
    if (isReadOnly(sql)) return this.read((reader) => reader.execute(stmt))
    return this.inWriteTransaction((tx) => tx.execute(stmt))
  }

  /** Connection settings apply to both connections; the writer's busy timeout stays 0 (see begin()). */
  private async setting(stmt: InStatement): Promise<ResultSet> {
    const result = await this.reader.execute(stmt)
    if (!/busy_timeout/i.test(sqlOf(stmt))) this.writerDb().exec(sqlOf(stmt))
    return result
  }

  async batch(stmts: InStatement[], mode: TransactionMode = 'deferred'): Promise<ResultSet[]> {
    if (mode === 'read') return this.read((reader) => reader.batch(stmts, 'read'))
    return this.inWriteTransaction((tx) => tx.batch(stmts))
  }

  async migrate(stmts: InStatement[]): Promise<ResultSet[]> {
    const db = this.writerDb()
    return this.inWriteTransaction(async (tx) => {
      db.exec('PRAGMA defer_foreign_keys = ON')
      return tx.batch(stmts)
    })
  }

  async executeMultiple(sql: string): Promise<void> {
    return this.inWriteTransaction((tx) => tx.executeMultiple(sql))
  }

  async sync(): Promise<never> {
    throw new LibsqlError('sync is not supported by a local file database', 'SYNC_NOT_SUPPORTED')
  }

  /** Proves this process can take the write lock now (health checks): takes it and lets it go, writing nothing. */
  async probeWrite(timeoutMs = 2000): Promise<void> {
    const { release } = await this.begin(Math.min(timeoutMs, this.options.busyTimeoutMs))
    this.rollbackWriter()
    this.lastWriteAt = Date.now()
    release()
  }

  get writersWaiting() {
    return this.queue.waiting
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    this.rollbackWriter()
    this.writer?.close()
    this.writer = undefined
    this.reader.close()
  }
}
