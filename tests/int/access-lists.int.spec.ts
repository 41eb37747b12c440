// Lists and counts are filtered by the database (access returns a `Where`), so `totalDocs` and pagination
// agree with what each person may see. Occurrences: nobody writes them; the public reads only the dates
// of published events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, fixtureEvent, type Network, type Via, type Who } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network
const ids: Record<string, number[]> = {}

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  const make = async (key: string, n: number, overrides: Parameters<typeof fixtureEvent>[2]) => {
    ids[key] = []
    for (let i = 0; i < n; i++)
      ids[key].push((await fixtureEvent(payload, net, { title: `${key} ${i}`, ...overrides })).id)
  }
  const b = { system: net.systems.b, library: net.libraries.b1 }
  await make('publishedA', 3, {})
  await make('draftA1', 2, { _status: 'draft' })
  await make('draftA2', 1, { _status: 'draft', library: net.libraries.a2 })
  await make('publishedB', 2, b)
  await make('draftB', 2, { ...b, _status: 'draft' })
  // A partner's proposal (its account's draft) of system A, at library A2.
  await make('draftPartner', 1, { _status: 'draft', library: net.libraries.a2, organiser: net.partner })
})
afterAll(async () => payload.destroy())

const union = (...keys: string[]) => keys.flatMap((k) => ids[k] ?? []).sort((x, y) => x - y)

const VISIBLE: Record<Who, string[]> = {
  public: ['publishedA', 'publishedB'],
  contributorA1: ['publishedA', 'draftA1', 'publishedB'],
  contributorB1: ['publishedA', 'publishedB', 'draftB'],
  editorA: ['publishedA', 'draftA1', 'draftA2', 'publishedB', 'draftPartner'],
  editorB: ['publishedA', 'publishedB', 'draftB'],
  networkEditor: ['publishedA', 'draftA1', 'draftA2', 'publishedB', 'draftB', 'draftPartner'],
  admin: ['publishedA', 'draftA1', 'draftA2', 'publishedB', 'draftB', 'draftPartner'],
  // A partner's account: what the public sees, plus its own drafts; never the systems' drafts.
  partnerA: ['publishedA', 'publishedB', 'draftPartner'],
}

describe.each(['rest', 'local'] as Via[])('event lists over %s', (via) => {
  it.each(Object.keys(VISIBLE) as Who[])('%s lists exactly its events, with a matching totalDocs', async (who) => {
    const expected = union(...VISIBLE[who])
    const res = await client(payload, net, via, who).find(SLUGS.events, { limit: 100, sort: 'id' })
    expect(res.status).toBe(200)
    expect(res.docs?.map((d) => d.id)).toEqual(expected)
    expect(res.totalDocs).toBe(expected.length)
  })

  it.each(['public', 'editorA', 'contributorA1'] as Who[])(
    '%s gets a database-filtered count even on a short page',
    async (who) => {
      const res = await client(payload, net, via, who).find(SLUGS.events, { limit: 2 })
      expect(res.docs).toHaveLength(2)
      expect(res.totalDocs).toBe(union(...VISIBLE[who]).length)
    },
  )
})

describe('the count endpoint', () => {
  it.each(['public', 'editorA', 'contributorA1', 'partnerA'] as Who[])('counts what %s may see', async (who) => {
    const token = who === 'public' ? undefined : await net.token(who)
    const res = await rest('GET', '/events/count', { token })
    expect(res.status).toBe(200)
    expect(res.json.totalDocs).toBe(union(...VISIBLE[who]).length)
    const local = await payload.count({
      collection: SLUGS.events,
      overrideAccess: false,
      user: who === 'public' ? undefined : net.as(who),
    })
    expect(local.totalDocs).toBe(union(...VISIBLE[who]).length)
  })
})

describe('occurrences', () => {
  it('the public reads the dates of published events only', async () => {
    const res = await rest('GET', '/occurrences?limit=100&depth=0')
    expect(res.status).toBe(200)
    const events = [...new Set(res.json.docs.map((o: { event: number }) => o.event))].sort((a: any, b: any) => a - b)
    expect(events).toEqual(union('publishedA', 'publishedB'))
    expect(res.json.totalDocs).toBe(5)
  })

  it.each(['admin', 'networkEditor', 'editorA', 'public'] as Who[])(
    '%s cannot write occurrences (only the event hooks do), and nothing changes',
    async (who) => {
      const as = client(payload, net, 'rest', who)
      const row = (
        await payload.find({ collection: SLUGS.occurrences, limit: 1, depth: 0, overrideAccess: true, sort: 'id' })
      ).docs[0] as { id: number; title: string; event: number }
      const before = await countAll(payload, SLUGS.occurrences)
      const create = await as.create(SLUGS.occurrences, { ...row, id: undefined, title: 'Data falsa' })
      expect(create.status).toBe(403)
      expect((await as.update(SLUGS.occurrences, row.id, { title: 'Data falsa' })).status).toBe(403)
      expect((await as.delete(SLUGS.occurrences, row.id)).status).toBe(403)
      expect(await countAll(payload, SLUGS.occurrences)).toBe(before)
      expect(await countAll(payload, SLUGS.occurrences, { title: { equals: 'Data falsa' } })).toBe(0)
      const local = client(payload, net, 'local', who)
      expect((await local.update(SLUGS.occurrences, row.id, { title: 'Data falsa' })).status).toBe(403)
      expect(await countAll(payload, SLUGS.occurrences, { title: { equals: row.title } })).toBeGreaterThan(0)
    },
  )
})
