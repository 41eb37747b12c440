// The read-only worker connections that statistics and reports read through (cms/sqlite-readers.ts), on the real
// SQLite file of this test's Payload: they answer what the adapter's own connection answers, see a commit as soon
// as it is made, write nothing, turn bad SQL into an error the caller gets (and keep working), and leave the
// process free to answer other work while a long read runs.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

type Readers = typeof import('../../cms/sqlite-readers')
type Client = { execute: (s: { sql: string; args: unknown[] }) => Promise<{ rows: Record<string, unknown>[] }> }

let payload: Payload
let readers: Readers
let adapter: Client
let file: string

beforeAll(async () => {
  await import('../helpers/int-env')
  const { getPayload } = await import('../../cms/local-api')
  readers = await import('../../cms/sqlite-readers')
  payload = await getPayload()
  adapter = (payload.db as unknown as { client: Client }).client
  file = (payload.db as unknown as { client: { options: { path: string } } }).client.options.path
})

afterAll(async () => {
  await readers.closeReadPools()
  await payload.destroy()
})

const pool = () => {
  const p = readers.readPoolFor(file)
  if (!p) throw new Error('no read pool on this machine')
  return p
}

/** A statement long enough to notice (a few hundred ms of one core). */
const LONG_READ =
  'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000000) SELECT SUM(i % 7) AS s FROM n'

describe('SQLite read workers', () => {
  it('the statistics and reports read through the workers, not the adapter connection', () => {
    const reader = readers.aggregateReader(payload.db as unknown as { name: string; client?: unknown })
    expect(reader).toBe(pool())
    expect(pool().size).toBeGreaterThan(0)
  })

  it('a worker answers what the adapter connection answers, and sees a commit made just before', async () => {
    const created = await payload.create({
      collection: 'categories',
      data: { name: 'Categoria letta dai lavoratori', slug: 'categoria-letta-dai-lavoratori' },
    })
    const stmt = { sql: 'SELECT id, name FROM categories WHERE id = ?', args: [created.id] }
    const fromWorker = await pool().execute(stmt)
    expect(fromWorker.rows).toEqual([{ id: created.id, name: 'Categoria letta dai lavoratori' }])
    const grouped = { sql: 'SELECT COUNT(*) AS n, MAX(id) AS last FROM categories', args: [] }
    expect((await pool().execute(grouped)).rows).toEqual((await adapter.execute(grouped)).rows)
  })

  it('a write sent to a worker is refused and nothing is written', async () => {
    const before = (await adapter.execute({ sql: 'SELECT COUNT(*) AS n FROM categories', args: [] })).rows[0]?.n
    await expect(
      pool().execute({
        sql: "INSERT INTO categories (name, slug, updated_at, created_at) VALUES ('x', 'x', '2026-01-01', '2026-01-01')",
        args: [],
      }),
    ).rejects.toThrow(/readonly|read-only|query_only/i)
    const after = (await adapter.execute({ sql: 'SELECT COUNT(*) AS n FROM categories', args: [] })).rows[0]?.n
    expect(after).toBe(before)
  })

  it('bad SQL rejects with the database message, and the same workers keep answering', async () => {
    await expect(pool().execute({ sql: 'SELECT * FROM no_such_table', args: [] })).rejects.toThrow(/no such table/)
    expect((await pool().execute({ sql: 'SELECT 41 + ? AS n', args: [1] })).rows).toEqual([{ n: 42 }])
  })

  it('while a long read runs in a worker, the process answers other work', async () => {
    const started = performance.now()
    let timerAt = 0
    const timer = new Promise<void>((resolve) =>
      setTimeout(() => {
        timerAt = performance.now() - started
        resolve()
      }, 5),
    )
    const [{ rows }] = await Promise.all([pool().execute({ sql: LONG_READ, args: [] }), timer])
    const readMs = performance.now() - started
    expect(rows[0]?.s).toBeGreaterThan(0)
    expect(timerAt).toBeLessThan(readMs / 2)

    // The contrast: on the adapter connection the same statement holds the event loop, the timer waits for it.
    const again = performance.now()
    let lateAt = 0
    const late = new Promise<void>((resolve) =>
      setTimeout(() => {
        lateAt = performance.now() - again
        resolve()
      }, 5),
    )
    await Promise.all([adapter.execute({ sql: LONG_READ, args: [] }), late])
    expect(lateAt).toBeGreaterThan((performance.now() - again) / 2)
  })

  it('stopped workers are replaced: the next statement after a shutdown is answered', async () => {
    const before = pool()
    await readers.closeReadPools()
    const after = pool()
    expect(after).not.toBe(before)
    expect((await after.execute({ sql: 'SELECT COUNT(*) AS n FROM categories', args: [] })).rows[0]?.n).toBeGreaterThan(
      0,
    )
    await before.close()
    expect((await before.execute({ sql: 'SELECT 1 AS one', args: [] })).rows).toEqual([{ one: 1 }])
  })

  it('SQLITE_READ_WORKERS=0 keeps the reads on the adapter connection', () => {
    const saved = process.env.SQLITE_READ_WORKERS
    process.env.SQLITE_READ_WORKERS = '0'
    try {
      expect(readers.readPoolFor(file)).toBeNull()
      expect(readers.aggregateReader(payload.db as unknown as { name: string; client?: unknown })).toBe(adapter)
    } finally {
      if (saved == null) delete process.env.SQLITE_READ_WORKERS
      else process.env.SQLITE_READ_WORKERS = saved
    }
  })
})
