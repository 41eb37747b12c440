// Who may write the content around events: libraries, venues and series (system-owned), festivals
// (system or network), campaigns, categories and audiences (network), systems. REST and Local API alike;
// every refused write also checks that the stored row did not change.
import type { CollectionSlug } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, type Network, stored, type Via, type Who } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

type Maker = (name: string, system: number | null) => Record<string, unknown>
const DALMINE = '016091'

/** Valid data for each collection, owned by `system`; the first key is the name-like field. */
const MAKERS: Record<string, Maker> = {
  [SLUGS.libraries]: (name, system) => ({ name, system, comune: DALMINE, address: 'Via Roma 2' }),
  [SLUGS.venues]: (name, system) => ({ name, system, comune: DALMINE, address: 'Piazza 2', kind: 'piazza' }),
  [SLUGS.series]: (title, system) => ({ title, system }),
  [SLUGS.festivals]: (title, system) => ({ title, system, startDate: '2026-06-01', endDate: '2026-06-08' }),
  [SLUGS.campaigns]: (title) => ({ title, startDate: '2026-06-01', endDate: '2026-06-30' }),
  [SLUGS.categories]: (name) => ({ name }),
  [SLUGS.audiences]: (name) => ({ name, minAge: 6, maxAge: 10 }),
}
const nameKey = (collection: string) => Object.keys(MAKERS[collection]?.('x', null) ?? {})[0] as string

const fixture = async (collection: CollectionSlug, system: number | null) =>
  (await payload.create({
    collection,
    data: MAKERS[collection]?.(`fixture ${Math.random().toString(36).slice(2, 8)}`, system) as never,
    overrideAccess: true,
    depth: 0,
  })) as unknown as { id: number } & Record<string, unknown>

describe.each(['rest', 'local'] as Via[])('content over %s', (via) => {
  const as = (who: Who) => client(payload, net, via, who)
  const unique = (what: string) => `${what} ${via} ${Math.random().toString(36).slice(2, 8)}`

  /** Creating is refused with 403 and no row carries the name. */
  const refusedCreate = async (who: Who, collection: CollectionSlug, system: number | null) => {
    const name = unique('rifiutato')
    const res = await as(who).create(collection, MAKERS[collection]?.(name, system) as never)
    expect(res.status, `${who} creating ${collection}`).toBe(403)
    expect(await countAll(payload, collection, { [nameKey(collection)]: { equals: name } })).toBe(0)
  }
  /** Updating and deleting are refused with 403 and the row is unchanged. */
  const refusedWrites = async (who: Who, collection: CollectionSlug, id: number, change: Record<string, unknown>) => {
    const before = await stored(payload, collection, id)
    const update = await as(who).update(collection, id, change)
    expect(update.status, `${who} updating ${collection}`).toBe(403)
    const removal = await as(who).delete(collection, id)
    expect(removal.status, `${who} deleting ${collection}`).toBe(403)
    expect(await stored(payload, collection, id)).toEqual(before)
  }

  describe.each([SLUGS.libraries, SLUGS.venues, SLUGS.series] as CollectionSlug[])(
    '%s (owned by a system)',
    (collection) => {
      it('a system editor creates, edits and deletes its own system’s rows (system preselected)', async () => {
        const created = await as('editorA').create(collection, {
          ...MAKERS[collection]?.(unique('nuovo'), null),
          system: undefined,
        })
        expect(created.status).toBe(201)
        expect((await stored(payload, collection, created.doc.id)).system).toBe(net.systems.a)
        const key = nameKey(collection)
        expect((await as('editorA').update(collection, created.doc.id, { [key]: 'Rinominato' })).status).toBe(200)
        expect((await stored(payload, collection, created.doc.id))[key]).toBe('Rinominato')
        expect((await as('editorA').delete(collection, created.doc.id)).status).toBe(200)
        expect(await stored(payload, collection, created.doc.id)).toBeNull()
      })

      it('a system editor cannot create in, edit or delete rows of another system', async () => {
        await refusedCreate('editorA', collection, net.systems.b)
        const other = await fixture(collection, net.systems.b)
        await refusedWrites('editorA', collection, other.id, { [nameKey(collection)]: 'preso' })
      })

      it('a system editor cannot move its row to another system or to nobody', async () => {
        const own = await fixture(collection, net.systems.a)
        const before = await stored(payload, collection, own.id)
        expect((await as('editorA').update(collection, own.id, { system: net.systems.b })).status).toBe(403)
        expect((await as('editorA').update(collection, own.id, { system: null })).status).toBe(403)
        expect(await stored(payload, collection, own.id)).toEqual(before)
      })

      it.each(['contributorA1', 'networkEditor', 'public'] as Who[])(
        '%s cannot create, edit or delete',
        async (who) => {
          await refusedCreate(who, collection, net.systems.a)
          const own = await fixture(collection, net.systems.a)
          await refusedWrites(who, collection, own.id, { [nameKey(collection)]: 'preso' })
        },
      )

      it('the network admin writes in every system', async () => {
        const created = await as('admin').create(
          collection,
          MAKERS[collection]?.(unique('admin'), net.systems.b) as never,
        )
        expect(created.status).toBe(201)
        expect((await as('admin').update(collection, created.doc.id, { system: net.systems.a })).status).toBe(200)
        expect((await stored(payload, collection, created.doc.id)).system).toBe(net.systems.a)
      })

      it('everyone reads them', async () => {
        const row = await fixture(collection, net.systems.b)
        expect((await as('public').findByID(collection, row.id)).status).toBe(200)
      })
    },
  )

  describe('festivals (owned by a system or by the network)', () => {
    it('a system editor creates and edits its system’s festival', async () => {
      const created = await as('editorA').create(
        SLUGS.festivals,
        MAKERS.festivals?.(unique('del sistema'), net.systems.a) as never,
      )
      expect(created.status).toBe(201)
      expect((await as('editorA').update(SLUGS.festivals, created.doc.id, { title: 'Nuovo titolo' })).status).toBe(200)
    })

    it('a system editor cannot create a network festival, nor edit one or another system’s', async () => {
      await refusedCreate('editorA', SLUGS.festivals, null)
      await refusedCreate('editorA', SLUGS.festivals, net.systems.b)
      await refusedWrites('editorA', SLUGS.festivals, (await fixture(SLUGS.festivals, null)).id, { title: 'preso' })
      await refusedWrites('editorA', SLUGS.festivals, (await fixture(SLUGS.festivals, net.systems.b)).id, {
        title: 'preso',
      })
    })

    it('a system editor cannot hand its festival to the network', async () => {
      const own = await fixture(SLUGS.festivals, net.systems.a)
      const before = await stored(payload, SLUGS.festivals, own.id)
      expect((await as('editorA').update(SLUGS.festivals, own.id, { system: null })).status).toBe(403)
      expect(await stored(payload, SLUGS.festivals, own.id)).toEqual(before)
    })

    it('the network editor creates network festivals and edits any festival', async () => {
      const created = await as('networkEditor').create(
        SLUGS.festivals,
        MAKERS.festivals?.(unique('di rete'), null) as never,
      )
      expect(created.status).toBe(201)
      const ofSystem = await fixture(SLUGS.festivals, net.systems.b)
      expect(
        (await as('networkEditor').update(SLUGS.festivals, ofSystem.id, { title: 'Curato dalla rete' })).status,
      ).toBe(200)
      expect((await stored(payload, SLUGS.festivals, ofSystem.id)).title).toBe('Curato dalla rete')
    })

    it.each(['contributorA1', 'public'] as Who[])('%s cannot create, edit or delete festivals', async (who) => {
      await refusedCreate(who, SLUGS.festivals, net.systems.a)
      await refusedWrites(who, SLUGS.festivals, (await fixture(SLUGS.festivals, net.systems.a)).id, { title: 'preso' })
    })
  })

  describe.each([SLUGS.campaigns, SLUGS.categories, SLUGS.audiences] as CollectionSlug[])(
    '%s (network only)',
    (collection) => {
      it.each(['admin', 'networkEditor'] as Who[])('%s creates, edits and deletes them', async (who) => {
        const created = await as(who).create(collection, MAKERS[collection]?.(unique('di rete'), null) as never)
        expect(created.status).toBe(201)
        const key = nameKey(collection)
        expect((await as(who).update(collection, created.doc.id, { [key]: 'Rinominato' })).status).toBe(200)
        expect((await stored(payload, collection, created.doc.id))[key]).toBe('Rinominato')
        expect((await as(who).delete(collection, created.doc.id)).status).toBe(200)
      })

      it.each(['editorA', 'contributorA1', 'public'] as Who[])('%s cannot create, edit or delete them', async (who) => {
        await refusedCreate(who, collection, null)
        await refusedWrites(who, collection, (await fixture(collection, null)).id, { [nameKey(collection)]: 'preso' })
      })
    },
  )

  describe('systems', () => {
    it('a system editor updates its own system’s contacts, not another system’s', async () => {
      const res = await as('editorA').update(SLUGS.systems, net.systems.a, { phone: '035 111111' })
      expect(res.status).toBe(200)
      expect((await stored(payload, SLUGS.systems, net.systems.a)).phone).toBe('035 111111')
      const before = await stored(payload, SLUGS.systems, net.systems.b)
      expect((await as('editorA').update(SLUGS.systems, net.systems.b, { phone: '035 999999' })).status).toBe(403)
      expect(await stored(payload, SLUGS.systems, net.systems.b)).toEqual(before)
    })

    it.each(['editorA', 'networkEditor', 'contributorA1', 'public'] as Who[])(
      '%s cannot create or delete systems',
      async (who) => {
        const name = unique('settimo sistema')
        expect((await as(who).create(SLUGS.systems, { name, shortName: name })).status).toBe(403)
        expect(await countAll(payload, SLUGS.systems, { name: { equals: name } })).toBe(0)
        expect((await as(who).delete(SLUGS.systems, net.systems.b)).status).toBe(403)
        expect(await stored(payload, SLUGS.systems, net.systems.b)).not.toBeNull()
      },
    )
  })
})
