// "What happens between A and B" is one range query on occurrences, answered through the start index,
// with the right rows: events inside, events spanning the range, single dates of recurring events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, fixtureEvent, type Network, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  // Background: a year of other events, so the planner has a real choice to make.
  for (let day = -30; day < 330; day += 3)
    await fixtureEvent(payload, net, {
      title: `Sfondo ${day}`,
      start: romeAt(day, 17),
      end: romeAt(day, 18),
      library: day % 2 ? net.libraries.a1 : net.libraries.a2,
    })
})
afterAll(async () => payload.destroy())

const weekly = (count: number) => ({ frequency: 'weekly' as const, interval: 1, count })

describe('“what happens between A and B”', () => {
  it('is one range query on occurrences that uses the start index and returns the right rows', async () => {
    const from = romeAt(40, 0)
    const to = romeAt(47, 0)
    const inside = await fixtureEvent(payload, net, { title: 'Dentro', start: romeAt(41, 17), end: romeAt(41, 18) })
    const spanning = await fixtureEvent(payload, net, {
      title: 'A cavallo',
      start: romeAt(38, 0),
      end: romeAt(42, 0),
      allDay: true,
    })
    const weeklyInside = await fixtureEvent(payload, net, {
      title: 'Ogni settimana',
      start: romeAt(33, 10),
      end: romeAt(33, 11),
      recurrence: weekly(3),
    })
    await fixtureEvent(payload, net, { title: 'Dopo', start: romeAt(48, 10), end: romeAt(48, 11) })
    await fixtureEvent(payload, net, {
      title: 'Bozza dentro',
      start: romeAt(43, 10),
      end: romeAt(43, 11),
      _status: 'draft',
    })

    const client = (payload.db as unknown as { client: { execute: (...a: any[]) => Promise<any> } }).client
    const original = client.execute
    const statements: { sql: string; args: unknown[] }[] = []
    client.execute = (stmt: { sql: string; args: unknown[] }, ...rest: unknown[]) => {
      statements.push(stmt)
      return original.call(client, stmt, ...rest)
    }
    const found = await payload.find({
      collection: SLUGS.occurrences,
      where: { and: [{ start: { less_than: to } }, { end: { greater_than: from } }] },
      sort: 'start',
      pagination: false,
      depth: 0,
      overrideAccess: false, // as the public site asks
    })
    client.execute = original

    const background = (day: number) => [`Sfondo ${day}`, romeAt(day, 17)]
    expect(found.docs.map((o) => [o.title, o.start])).toEqual([
      ['A cavallo', spanning.start],
      ['Ogni settimana', romeAt(40, 10)],
      ['Dentro', inside.start],
      background(42),
      background(45),
    ])
    expect(found.docs[1]?.event).toBe(weeklyInside.id)
    const onOccurrences = statements.filter((s) => /from "occurrences"/.test(s.sql))
    expect(onOccurrences).toHaveLength(1)
    const plan = await original.call(client, {
      sql: `EXPLAIN QUERY PLAN ${onOccurrences[0]?.sql}`,
      args: onOccurrences[0]?.args,
    })
    const details = plan.rows.map((r: { detail: string }) => r.detail)
    expect(details[0]).toMatch(/^SEARCH occurrences USING (COVERING )?INDEX \w*(start|end)\w*_idx/)
    expect(details).not.toContain('SCAN occurrences')
  })

  it('a page with its total count reads both through the index', async () => {
    const client = (payload.db as unknown as { client: { execute: (...a: any[]) => Promise<any> } }).client
    const original = client.execute
    const statements: { sql: string; args: unknown[] }[] = []
    client.execute = (stmt: { sql: string; args: unknown[] }, ...rest: unknown[]) => {
      statements.push(stmt)
      return original.call(client, stmt, ...rest)
    }
    const page = await payload.find({
      collection: SLUGS.occurrences,
      where: { and: [{ start: { less_than: romeAt(100, 0) } }, { end: { greater_than: romeAt(60, 0) } }] },
      sort: 'start',
      limit: 5,
      depth: 0,
      overrideAccess: false,
    })
    client.execute = original
    expect(page.docs).toHaveLength(5)
    expect(page.totalDocs).toBe(14) // background events every third day: 60, 63 … 99
    const onOccurrences = statements.filter((s) => /from "occurrences"/.test(s.sql))
    expect(onOccurrences).toHaveLength(2)
    for (const statement of onOccurrences) {
      const plan = await original.call(client, { sql: `EXPLAIN QUERY PLAN ${statement.sql}`, args: statement.args })
      expect(plan.rows[0].detail).toMatch(/^SEARCH occurrences USING (COVERING )?INDEX \w*(start|end)\w*_idx/)
    }
  })
})
