import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'libsql'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseBusyError, isReadOnly, SafeSqliteClient, type SqliteClientOptions } from '../../cms/sqlite-client'

/** The sqlite3 command-line client: an independent process reading and writing the same file. */
const cli = (file: string, sql: string) =>
  execFileSync('sqlite3', ['-cmd', '.timeout 2000', file, sql], { encoding: 'utf8', timeout: 15_000 }).trim()

const fresh = () => {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'agenda-sqlite-')), 'test.db')
  const setup = new Database(file)
  setup.exec('PRAGMA journal_mode = WAL')
  setup.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT UNIQUE)')
  setup.close()
  return file
}

const clients: SafeSqliteClient[] = []
const open = (file: string, options: Partial<SqliteClientOptions> = {}) => {
  const logged: string[] = []
  const client = new SafeSqliteClient({
    path: file,
    busyTimeoutMs: 2000,
    maxTransactionMs: 30_000,
    synchronous: 'NORMAL',
    log: (_, msg) => logged.push(msg),
    ...options,
  })
  clients.push(client)
  return { client, logged }
}
afterEach(() => {
  for (const c of clients.splice(0)) c.close()
})

/** Another process's write transaction, held for `ms`, then committed or rolled back. */
const holdLock = (file: string) => {
  const other = new Database(file)
  other.exec('BEGIN IMMEDIATE')
  other.exec("INSERT INTO t (v) VALUES ('held')")
  return {
    commitAfter: (ms: number) =>
      new Promise<void>((resolve) =>
        setTimeout(() => {
          other.exec('COMMIT')
          other.close()
          resolve()
        }, ms),
      ),
    rollback: () => {
      other.exec('ROLLBACK')
      other.close()
    },
  }
}

describe('SQLite client: no write can leave the database locked', () => {
  it('libsql itself keeps a busy-failed write holding the lock (the failure this client is built around)', () => {
    const file = fresh()
    const victim = new Database(file)
    victim.exec('PRAGMA busy_timeout = 50')
    const holder = holdLock(file)
    expect(() => victim.prepare("INSERT INTO t (v) VALUES ('a')").run()).toThrow(/locked/)
    holder.rollback()
    victim.prepare("INSERT INTO t (v) VALUES ('b')").run() // "succeeds"…
    // …into a transaction that never commits: no other process sees it, and none can write.
    expect(cli(file, 'SELECT count(*) FROM t')).toBe('0')
    const other = new Database(file)
    other.exec('PRAGMA busy_timeout = 50')
    expect(() => other.prepare("INSERT INTO t (v) VALUES ('c')").run()).toThrow(/locked/)
    other.close()
    victim.close()
  })

  it('a write that meets another process’s lock waits without stopping the event loop, then commits', async () => {
    const file = fresh()
    const { client } = open(file)
    const holder = holdLock(file)
    let ticks = 0
    const ticker = setInterval(() => ticks++, 10)
    const released = holder.commitAfter(400)
    const started = Date.now()
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['after'] })
    clearInterval(ticker)
    await released
    expect(Date.now() - started).toBeGreaterThanOrEqual(350)
    expect(ticks).toBeGreaterThan(20) // a synchronous busy wait would have allowed none
    expect(cli(file, 'SELECT v FROM t ORDER BY id')).toBe('held\nafter')
  })

  it('a write refused after the busy timeout writes nothing and leaves no lock behind', async () => {
    const file = fresh()
    const { client } = open(file, { busyTimeoutMs: 200 })
    const holder = holdLock(file)
    await expect(client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['refused'] })).rejects.toBeInstanceOf(
      DatabaseBusyError,
    )
    holder.rollback()
    cli(file, "INSERT INTO t (v) VALUES ('other process')")
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['mine'] })
    expect(cli(file, 'SELECT v FROM t ORDER BY id')).toBe('other process\nmine')
  })

  it('a failing statement inside a transaction rolls back everything and frees the lock', async () => {
    const file = fresh()
    const { client } = open(file)
    await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'] })
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['y'] })
    await expect(tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['x'] })).rejects.toThrow(/UNIQUE/)
    await tx.rollback()
    expect(cli(file, 'SELECT v FROM t ORDER BY id')).toBe('x')
    cli(file, "INSERT INTO t (v) VALUES ('z')")
    expect(cli(file, 'SELECT count(*) FROM t')).toBe('2')
  })

  it('a transaction nobody ends is rolled back after the maximum, its lock released, its later statements refused', async () => {
    const file = fresh()
    const { client, logged } = open(file, { maxTransactionMs: 300 })
    const tx = await client.transaction('write')
    await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['forgotten'] })
    await new Promise((r) => setTimeout(r, 450))
    expect(logged.join('\n')).toMatch(/transaction left open: rolled back/)
    cli(file, "INSERT INTO t (v) VALUES ('other process')")
    await expect(tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['late'] })).rejects.toThrow(/closed/)
    await expect(tx.commit()).rejects.toThrow(/closed/)
    expect(cli(file, 'SELECT v FROM t')).toBe('other process')
  })

  it('this process’s writes take turns; a turn not granted in time is refused without writing', async () => {
    const file = fresh()
    const { client } = open(file, { busyTimeoutMs: 150 })
    const tx = await client.transaction('write')
    await expect(client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['waits'] })).rejects.toBeInstanceOf(
      DatabaseBusyError,
    )
    // Reads never wait for a writer, and see only what is committed.
    await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['in tx'] })
    const read = await client.execute('SELECT count(*) AS n FROM t')
    expect(Number(read.rows[0]?.n)).toBe(0)
    await tx.commit()
    expect(cli(file, 'SELECT v FROM t')).toBe('in tx')
  })

  it('a committed write survives a SIGKILL of the process that made it', async () => {
    const file = fresh()
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `const { SafeSqliteClient } = await import(${JSON.stringify(path.resolve('cms/sqlite-client.ts'))});
         const c = new SafeSqliteClient({ path: ${JSON.stringify(file)}, busyTimeoutMs: 2000, maxTransactionMs: 30000, synchronous: 'NORMAL' });
         await c.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['before kill'] });
         console.log('committed'); setInterval(() => {}, 1000)`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    )
    await new Promise<void>((resolve) => child.stdout?.on('data', (d) => String(d).includes('committed') && resolve()))
    child.kill('SIGKILL')
    await new Promise((r) => child.on('exit', r))
    expect(cli(file, 'SELECT v FROM t')).toBe('before kill')
  })

  it('classifies statements: only what cannot write goes to the reader', () => {
    expect(isReadOnly('select "id" from "events" where "events"."id" = ?')).toBe(true)
    expect(isReadOnly('  (select 1)')).toBe(true)
    expect(isReadOnly('with x as (select 1) select * from x')).toBe(true)
    expect(isReadOnly('PRAGMA journal_mode;')).toBe(true)
    expect(isReadOnly('PRAGMA journal_mode = WAL;')).toBe(false)
    expect(isReadOnly('update "users" set "updated_at" = ? returning "id"')).toBe(false)
    expect(isReadOnly('insert into "t" ("v") values (?) returning *')).toBe(false)
    expect(isReadOnly('with x as (select 1) delete from t where id in (select * from x)')).toBe(false)
    expect(isReadOnly('savepoint sp0')).toBe(false)
    expect(isReadOnly('create table x (a)')).toBe(false)
  })
})
