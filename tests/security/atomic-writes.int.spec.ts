import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, eventData, type Network, PASSWORD, romeAt } from '../helpers/network'
import { getPayload, login, type Payload, rest } from '../helpers/payload'

/**
 * A save is all or nothing: an event and the occurrence rows its hook writes commit together, and
 * concurrent saves wait for each other instead of failing with "database is locked".
 */

type Client = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }

let payload: Payload
let net: Network
let client: Client

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  client = (payload.db as unknown as { client: Client }).client
})
afterAll(async () => payload.destroy())

const count = async (sql: string) => Number((await client.execute(sql)).rows[0]?.n)

describe('atomic saves on SQLite', () => {
  it('an event whose occurrences cannot be written is not saved at all', async () => {
    // The database refuses these occurrence rows, as a full disk or a crash in the hook would.
    await client.execute(
      "CREATE TRIGGER refuse_boom BEFORE INSERT ON occurrences WHEN NEW.title LIKE 'Boom%' BEGIN SELECT RAISE(ABORT, 'refused'); END",
    )
    try {
      const token = await net.token('editorA')
      const res = await rest('POST', '/events', {
        token,
        body: {
          ...eventData(net, {
            title: 'Boom: letture',
            recurrence: { frequency: 'weekly', interval: 1, count: 4 } as never,
          }),
          _status: 'published',
        },
      })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(await count("SELECT count(*) AS n FROM events WHERE title = 'Boom: letture'")).toBe(0)
      expect(await count("SELECT count(*) AS n FROM _events_v WHERE version_title = 'Boom: letture'")).toBe(0)
      expect(await count("SELECT count(*) AS n FROM occurrences WHERE title = 'Boom: letture'")).toBe(0)
    } finally {
      await client.execute('DROP TRIGGER refuse_boom')
    }
  })

  it('twenty concurrent saves all succeed, each with all its dates', async () => {
    const token = await login(net.users.editorA.email, PASSWORD)
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        rest('POST', '/events', {
          token,
          body: {
            ...eventData(net, {
              title: `Concorrente ${i}`,
              start: romeAt(3 + i, 10),
              end: romeAt(3 + i, 11),
              recurrence: { frequency: 'weekly', interval: 1, count: 3 } as never,
            }),
            _status: 'published',
          },
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201))
    const perEvent = await client.execute(
      "SELECT e.id, (SELECT count(*) FROM occurrences o WHERE o.event_id = e.id) AS n FROM events e WHERE e.title LIKE 'Concorrente %'",
    )
    expect(perEvent.rows).toHaveLength(20)
    for (const row of perEvent.rows) expect(Number(row.n)).toBe(3)
    const { totalDocs } = await payload.count({
      collection: SLUGS.occurrences,
      where: { title: { like: 'Concorrente' } },
      overrideAccess: true, // counting fixture rows
    })
    expect(totalDocs).toBe(60)
  })
})
