import { afterAll, describe, expect, it } from 'vitest'
import { onSqlite } from '../helpers/db-kind'
import { getPayload, rest } from '../helpers/payload'

describe('a fresh database', () => {
  afterAll(async () => (await getPayload()).destroy())

  it('is migrated on first use: every collection answers, empty', async () => {
    const payload = await getPayload()
    for (const collection of ['systems', 'events', 'occurrences', 'libraries'] as const) {
      const { totalDocs } = await payload.count({ collection, overrideAccess: true })
      expect(totalDocs).toBe(0)
    }
  })

  it.runIf(onSqlite)('runs SQLite in WAL mode', async () => {
    const payload = await getPayload()
    const db = payload.db as unknown as {
      client: { execute: (q: string) => Promise<{ rows: { journal_mode: string }[] }> }
    }
    const { rows } = await db.client.execute('PRAGMA journal_mode')
    expect(rows[0]?.journal_mode).toBe('wal')
  })

  it('serves the REST API with Italian error messages for anonymous writes', async () => {
    const res = await rest('POST', '/events', { body: { title: 'x' } })
    expect(res.status).toBe(403)
  })
})
