import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Read-only SQLite connections in worker threads, for the long aggregate reads of statistics and reports.
 *
 * A libsql statement runs synchronously: a 100 ms `GROUP BY` on the adapter's own reader stops every other
 * request of the process for 100 ms, and the statements of one report run one after the other on one core.
 * Here each worker holds its own read-only connection (WAL: it never waits for the writer and sees each
 * commit), so the event loop stays free and independent statements use the other cores.
 *
 * A worker that fails to start or dies rejects what it was running; the caller gets the error, and the next
 * statement starts a new worker. `SQLITE_READ_WORKERS=0` keeps every read on the adapter's connection.
 */

type Row = Record<string, unknown>
export type ReadStatement = { sql: string; args: unknown[] }
export type ReadClient = { execute: (stmt: ReadStatement) => Promise<{ rows: Row[] }> }

/**
 * Runs in the worker (CommonJS, no TypeScript): one read-only connection, one statement per message. Its page
 * cache (16 MB at most, filled only as read) keeps a report's indexes between statements: with SQLite's default
 * 2 MB each statement read them again from the file. Memory-mapped reads were as fast and held 200 MB more RSS.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.libsql)
const db = new Database(workerData.path, { readonly: true })
db.exec('PRAGMA query_only = 1')
db.exec('PRAGMA cache_size = -16384')
parentPort.on('message', ({ id, sql, args }) => {
  try {
    parentPort.postMessage({ id, rows: db.prepare(sql).all(args) })
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String((error && error.message) || error), code: error && error.code } })
  }
})
`

type Pending = { resolve: (rows: Row[]) => void; reject: (error: Error) => void }

/** A worker with no statement for this long stops, giving its memory back; the next statement starts one. */
const IDLE_MS = 60_000

class ReadWorker {
  private readonly worker: Worker
  private readonly pending = new Map<number, Pending>()
  private nextId = 1
  private idle: NodeJS.Timeout | undefined
  dead = false

  constructor(
    file: string,
    libsql: string,
    private readonly onDeath: (w: ReadWorker) => void,
  ) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path: file, libsql } })
    this.worker.unref()
    this.worker.on('message', (m: { id: number; rows?: Row[]; error?: { message: string; code?: string } }) => {
      const p = this.pending.get(m.id)
      if (!p) return
      this.pending.delete(m.id)
      if (!this.pending.size) this.rest()
      if (m.error) p.reject(Object.assign(new Error(m.error.message), { code: m.error.code }))
      else p.resolve(m.rows ?? [])
    })
    this.worker.on('error', (error) => this.die(error))
    this.worker.on('exit', (code) => this.die(new Error(`SQLite read worker exited (${code})`)))
  }

  private die(error: Error) {
    if (this.dead) return
    this.dead = true
    clearTimeout(this.idle)
    this.onDeath(this)
    for (const p of this.pending.values()) p.reject(error)
    this.pending.clear()
  }

  /** Nothing in flight: the process may exit, and the worker stops after IDLE_MS. */
  private rest() {
    this.worker.unref()
    clearTimeout(this.idle)
    this.idle = setTimeout(() => void this.close(), IDLE_MS)
    this.idle.unref()
  }

  get load() {
    return this.pending.size
  }

  run(stmt: ReadStatement): Promise<Row[]> {
    if (this.dead) return Promise.reject(new Error('SQLite read worker stopped'))
    clearTimeout(this.idle)
    return new Promise((resolve, reject) => {
      const id = this.nextId++
      this.pending.set(id, { resolve, reject })
      this.worker.ref() // a statement in flight keeps the process alive until it answers
      this.worker.postMessage({ id, sql: stmt.sql, args: stmt.args })
    })
  }

  async close() {
    this.die(new Error('SQLite read worker stopped'))
    await this.worker.terminate()
  }
}

/** A few workers on one database file; each statement goes to the least busy one. */
export class ReadPool implements ReadClient {
  private workers: ReadWorker[] = []

  constructor(
    readonly file: string,
    readonly size: number,
    private readonly libsql: string,
  ) {}

  async execute(stmt: ReadStatement): Promise<{ rows: Row[] }> {
    this.workers = this.workers.filter((w) => !w.dead)
    if (this.workers.length < this.size) {
      const worker = new ReadWorker(this.file, this.libsql, (dead) => {
        this.workers = this.workers.filter((w) => w !== dead)
      })
      this.workers.push(worker)
    }
    let chosen = this.workers[0] as ReadWorker
    for (const w of this.workers) if (w.load < chosen.load) chosen = w
    return { rows: await chosen.run(stmt) }
  }

  async close() {
    const workers = this.workers
    this.workers = []
    await Promise.all(workers.map((w) => w.close()))
  }
}

const POOLS = Symbol.for('agenda-rbb.sqliteReadPools')
const holder = globalThis as Record<symbol, Map<string, ReadPool> | undefined>
const pools = holder[POOLS] ?? new Map<string, ReadPool>()
holder[POOLS] = pools

/** How many workers: SQLITE_READ_WORKERS, else one per core up to 2 (0: none). */
export const readWorkerCount = (): number => {
  const forced = process.env.SQLITE_READ_WORKERS
  if (forced != null && forced !== '') {
    const n = Number(forced)
    return Number.isInteger(n) && n >= 0 ? Math.min(n, 8) : 0
  }
  return Math.min(2, availableParallelism())
}

/** libsql's entry, as Node resolves it from the project (the bundled admin has no `require` of its own). */
const resolveLibsql = (): string | null => {
  for (const base of [path.join(process.cwd(), 'package.json'), path.join(process.cwd(), '..', 'package.json')]) {
    try {
      return createRequire(base).resolve('libsql')
    } catch {}
  }
  return null
}

/** The pool reading `file`, made once per process; `null` when workers are off or libsql cannot be found. */
export const readPoolFor = (file: string): ReadPool | null => {
  const size = readWorkerCount()
  if (!size) return null
  const key = path.resolve(file)
  let pool = pools.get(key)
  if (!pool) {
    const libsql = resolveLibsql()
    if (!libsql) {
      console.warn(JSON.stringify({ level: 'warn', msg: 'libsql not found: aggregate reads stay on the main thread' }))
      return null
    }
    pool = new ReadPool(key, size, libsql)
    pools.set(key, pool)
  }
  return pool
}

/** Stops every pool's workers (tests, shutdown). */
export const closeReadPools = async () => {
  const all = [...pools.values()]
  pools.clear()
  await Promise.all(all.map((p) => p.close()))
}

/**
 * Where a long aggregate read should run: the worker pool on the adapter's database file when there is one,
 * else the adapter's own client (any statement surface with `execute`); `null` on another database.
 */
export const aggregateReader = (db: { name: string; client?: unknown }): ReadClient | null => {
  if (db.name !== 'sqlite') return null
  const client = db.client as (ReadClient & { options?: { path?: unknown } }) | undefined
  if (!client?.execute) return null
  const file = client.options?.path
  const pool = typeof file === 'string' && file !== ':memory:' ? readPoolFor(file) : null
  return pool ?? client
}
