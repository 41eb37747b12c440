// Who may do what with events, over REST (JWT) and the Local API (overrideAccess: false + user).
// Every refused write also checks that nothing was written: published doc, latest version, versions, dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import {
  buildNetwork,
  client,
  countAll,
  eventData,
  eventSnapshot,
  fixtureEvent,
  type Network,
  stored,
  type Via,
} from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const events = SLUGS.events
const occurrencesOf = (id: number) => countAll(payload, SLUGS.occurrences, { event: { equals: id } })
const titled = (title: string) => countAll(payload, events, { title: { equals: title } })

describe.each(['rest', 'local'] as Via[])('events over %s', (via) => {
  const as = (who: Parameters<typeof client>[3]) => client(payload, net, via, who)
  const unique = (what: string) => `${what} ${via} ${Math.random().toString(36).slice(2, 8)}`

  describe('public', () => {
    it('cannot create an event, and nothing is written', async () => {
      const title = unique('anonimo')
      const res = await as('public').create(events, eventData(net, { title, _status: 'published' }))
      expect(res.status).toBe(403)
      expect(await titled(title)).toBe(0)
    })

    it('reads published events only: a draft is not found', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('bozza') })
      const res = await as('public').findByID(events, draft.id)
      expect(res.status).toBe(404)
      const list = await as('public').find(events, { where: { title: { equals: draft.title } } })
      expect(list.totalDocs).toBe(0)
    })

    it('cannot update or delete a published event, and nothing changes', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('pubblico') })
      const before = await eventSnapshot(payload, event.id)
      expect((await as('public').update(events, event.id, { title: 'vandalo' })).status).toBe(403)
      expect((await as('public').delete(events, event.id)).status).toBe(403)
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })
  })

  describe('library contributor', () => {
    it('creates a draft for its own library (library and system preselected); no dates are published', async () => {
      const title = unique('bozza collaboratore')
      const res = await as('contributorA1').create(
        events,
        eventData(net, { title, system: undefined, library: undefined }),
      )
      expect(res.status).toBe(201)
      const doc = await stored(payload, events, res.doc.id, true)
      expect(doc._status).toBe('draft')
      expect(doc.system).toBe(net.systems.a)
      expect(doc.library).toBe(net.libraries.a1)
      expect(await occurrencesOf(res.doc.id)).toBe(0)
    })

    it('cannot create a published event, and nothing is written', async () => {
      const title = unique('pubblicato dal collaboratore')
      const res = await as('contributorA1').create(events, eventData(net, { title, _status: 'published' }))
      expect(res.status).toBe(403)
      expect(await titled(title)).toBe(0)
    })

    it('cannot create events for another library of its system, for another system, or for no library', async () => {
      const title = unique('altra biblioteca')
      const otherLibrary = await as('contributorA1').create(
        events,
        eventData(net, { title, library: net.libraries.a2 }),
      )
      expect(otherLibrary.status).toBe(403)
      const noLibrary = await as('contributorA1').create(
        events,
        eventData(net, { title, library: null, venue: net.venues.a }),
      )
      expect(noLibrary.status).toBe(403)
      const otherSystem = await as('contributorA1').create(
        events,
        eventData(net, { title, system: net.systems.b, library: net.libraries.b1 }),
      )
      expect(otherSystem.status).toBe(403)
      expect(await titled(title)).toBe(0)
    })

    it('cannot publish its draft: the draft stays a draft without dates', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('da pubblicare') })
      const before = await eventSnapshot(payload, draft.id)
      const res = await as('contributorA1').update(events, draft.id, { _status: 'published' })
      expect(res.status).toBe(403)
      expect(await eventSnapshot(payload, draft.id)).toEqual(before)
      expect(before.occurrences).toBe(0)
    })

    it('edits its draft and submits it for review', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('in lavorazione') })
      const res = await as('contributorA1').update(
        events,
        draft.id,
        { title: `${draft.title} (rivisto)`, review: 'requested' },
        { draft: true },
      )
      expect(res.status).toBe(200)
      const latest = await stored(payload, events, draft.id, true)
      expect(latest).toMatchObject({ title: `${draft.title} (rivisto)`, review: 'requested', _status: 'draft' })
    })

    it('editing a published event of its library only saves a draft: the public version and its dates stay', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('già pubblicato') })
      const before = await eventSnapshot(payload, event.id)
      const res = await as('contributorA1').update(events, event.id, {
        title: 'Modifica non approvata',
        start: before.published.start,
      })
      expect(res.status).toBe(200)
      const after = await eventSnapshot(payload, event.id)
      expect(after.published).toEqual(before.published)
      expect(after.occurrences).toBe(before.occurrences)
      expect(after.latest).toMatchObject({ title: 'Modifica non approvata', _status: 'draft' })
      const publicView = await as('public').findByID(events, event.id)
      expect(publicView.doc.title).toBe(event.title)
    })

    it('cannot unpublish a published event of its library', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('da non ritirare') })
      await as('contributorA1').update(events, event.id, { _status: 'draft' })
      const after = await eventSnapshot(payload, event.id)
      expect(after.published._status).toBe('published')
      expect(after.occurrences).toBe(1)
    })

    it('cannot move its draft to another library or another system, and nothing changes', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('da spostare') })
      const before = await eventSnapshot(payload, draft.id)
      const library = await as('contributorA1').update(events, draft.id, { library: net.libraries.a2 }, { draft: true })
      expect(library.status).toBe(403)
      const system = await as('contributorA1').update(
        events,
        draft.id,
        { system: net.systems.b, library: net.libraries.b1 },
        { draft: true },
      )
      expect(system.status).toBe(403)
      const none = await as('contributorA1').update(
        events,
        draft.id,
        { library: null, venue: net.venues.a },
        { draft: true },
      )
      expect(none.status).toBe(403)
      expect(await eventSnapshot(payload, draft.id)).toEqual(before)
    })

    it('cannot edit or delete events of another library, and nothing changes', async () => {
      const other = await fixtureEvent(payload, net, {
        _status: 'draft',
        title: unique('di Stezzano'),
        library: net.libraries.a2,
      })
      const before = await eventSnapshot(payload, other.id)
      expect((await as('contributorA1').findByID(events, other.id, { draft: true })).status).toBe(404)
      expect((await as('contributorA1').update(events, other.id, { title: 'x' }, { draft: true })).status).toBe(403)
      expect((await as('contributorA1').delete(events, other.id)).status).toBe(403)
      expect(await eventSnapshot(payload, other.id)).toEqual(before)
    })

    it('cannot delete events, not even its own drafts', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('da cancellare') })
      const before = await eventSnapshot(payload, draft.id)
      expect((await as('contributorA1').delete(events, draft.id)).status).toBe(403)
      expect(await eventSnapshot(payload, draft.id)).toEqual(before)
    })
  })

  describe('system editor', () => {
    it('creates and publishes an event of its system (preselected), and its dates appear', async () => {
      const res = await as('editorA').create(
        events,
        eventData(net, { title: unique('del sistema'), system: undefined, _status: 'published' }),
      )
      expect(res.status).toBe(201)
      const doc = await stored(payload, events, res.doc.id)
      expect(doc).toMatchObject({ system: net.systems.a, _status: 'published' })
      expect(await occurrencesOf(doc.id)).toBe(1)
    })

    it('cannot create an event in another system, and nothing is written', async () => {
      const title = unique('invasione')
      const res = await as('editorA').create(
        events,
        eventData(net, { title, system: net.systems.b, library: net.libraries.b1, _status: 'published' }),
      )
      expect(res.status).toBe(403)
      expect(await titled(title)).toBe(0)
    })

    it.each([
      ['library', 'b1', 'La biblioteca appartiene a un altro sistema bibliotecario.'],
      ['venue', 'b', 'Il luogo appartiene a un altro sistema bibliotecario.'],
    ] as const)(
      'cannot place an event of its system in another system’s %s (400 on the field)',
      async (field, key, message) => {
        const title = unique(`luogo altrui ${field}`)
        const ref = field === 'library' ? net.libraries[key as 'b1'] : net.venues[key as 'b']
        const res = await as('editorA').create(events, eventData(net, { title, [field]: ref, _status: 'published' }))
        expect(res.status).toBe(400)
        expect(res.errors).toContainEqual(expect.objectContaining({ path: field, message }))
        expect(await titled(title)).toBe(0)
      },
    )

    it('links its event to a network campaign and a network festival', async () => {
      const festival = await payload.create({
        collection: SLUGS.festivals,
        data: { title: unique('festival di rete'), startDate: '2026-05-01', endDate: '2026-05-10' },
        overrideAccess: true,
      })
      const res = await as('editorA').create(
        events,
        eventData(net, {
          title: unique('in campagna'),
          campaigns: [net.campaign],
          festival: festival.id,
          _status: 'published',
        }),
      )
      expect(res.status).toBe(201)
      expect(await stored(payload, events, res.doc.id)).toMatchObject({
        campaigns: [net.campaign],
        festival: festival.id,
      })
      const occurrence = await payload.find({
        collection: SLUGS.occurrences,
        where: { event: { equals: res.doc.id } },
        overrideAccess: true,
        depth: 0,
      })
      expect(occurrence.docs[0]?.campaigns).toEqual([net.campaign])
    })

    it('cannot link its event to another system’s festival', async () => {
      const festival = await payload.create({
        collection: SLUGS.festivals,
        data: { title: unique('festival B'), system: net.systems.b, startDate: '2026-05-01', endDate: '2026-05-10' },
        overrideAccess: true,
      })
      const event = await fixtureEvent(payload, net, { title: unique('senza festival') })
      const before = await eventSnapshot(payload, event.id)
      const res = await as('editorA').update(events, event.id, { festival: festival.id })
      expect(res.status).toBe(400)
      expect(res.errors).toContainEqual(expect.objectContaining({ path: 'festival' }))
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })

    it('cannot edit, unpublish or delete another system’s event, and nothing changes', async () => {
      const other = await fixtureEvent(payload, net, {
        title: unique('di Valle Seriana'),
        system: net.systems.b,
        library: net.libraries.b1,
      })
      const before = await eventSnapshot(payload, other.id)
      expect((await as('editorA').update(events, other.id, { title: 'preso' })).status).toBe(403)
      expect((await as('editorA').update(events, other.id, { _status: 'draft' })).status).toBe(403)
      expect((await as('editorA').update(events, other.id, { title: 'preso' }, { draft: true })).status).toBe(403)
      expect((await as('editorA').delete(events, other.id)).status).toBe(403)
      expect(await eventSnapshot(payload, other.id)).toEqual(before)
    })

    it('cannot move its event into another system, and nothing changes', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('da non trasferire') })
      const before = await eventSnapshot(payload, event.id)
      const res = await as('editorA').update(events, event.id, { system: net.systems.b, library: net.libraries.b1 })
      expect(res.status).toBe(403)
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })

    it('cannot reassign its event to another system’s library, and nothing changes', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('da non riassegnare') })
      const before = await eventSnapshot(payload, event.id)
      const res = await as('editorA').update(events, event.id, { library: net.libraries.b1 })
      expect(res.status).toBe(400)
      expect(res.errors).toContainEqual(expect.objectContaining({ path: 'library' }))
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })

    it('moves its event to another library of its own system', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('trasloco interno') })
      const res = await as('editorA').update(events, event.id, { library: net.libraries.a2 })
      expect(res.status).toBe(200)
      expect((await stored(payload, events, event.id)).library).toBe(net.libraries.a2)
    })

    it('publishes a contributor’s draft, then unpublishes and deletes it; the dates follow', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('proposta') })
      expect((await as('editorA').update(events, draft.id, { _status: 'published' })).status).toBe(200)
      expect(await occurrencesOf(draft.id)).toBe(1)
      expect((await as('editorA').update(events, draft.id, { _status: 'draft' })).status).toBe(200)
      expect(await occurrencesOf(draft.id)).toBe(0)
      expect((await as('editorA').delete(events, draft.id)).status).toBe(200)
      expect(await stored(payload, events, draft.id)).toBeNull()
    })

    it('does not see another system’s drafts: not by id, not in lists, not as versions', async () => {
      const event = await fixtureEvent(payload, net, {
        title: unique('pubblico di B'),
        system: net.systems.b,
        library: net.libraries.b1,
      })
      await payload.update({
        collection: events,
        id: event.id,
        data: { title: 'Bozza segreta di B' },
        draft: true,
        overrideAccess: true,
      })
      const draft = await fixtureEvent(payload, net, {
        _status: 'draft',
        title: unique('bozza di B'),
        system: net.systems.b,
        library: net.libraries.b1,
      })
      expect((await as('editorA').findByID(events, draft.id, { draft: true })).status).toBe(404)
      const published = await as('editorA').findByID(events, event.id, { draft: true })
      expect(published.doc.title).toBe(event.title)
      const list = await as('editorA').find(events, { where: { title: { equals: 'Bozza segreta di B' } }, draft: true })
      expect(list.totalDocs).toBe(0)
      const versions = await payload.findVersions({
        collection: events,
        where: { parent: { equals: event.id } },
        overrideAccess: false,
        user: net.as('editorA'),
      })
      expect(versions.totalDocs).toBe(0)
    })
  })

  describe('network editor', () => {
    it('features any published event; changes to other fields are ignored', async () => {
      const event = await fixtureEvent(payload, net, {
        title: unique('da evidenziare'),
        system: net.systems.b,
        library: net.libraries.b1,
      })
      const res = await as('networkEditor').update(events, event.id, {
        featured: true,
        title: 'Titolo della rete',
        start: new Date(Date.parse(event.start) + 86_400_000).toISOString(),
      })
      expect(res.status).toBe(200)
      const doc = await stored(payload, events, event.id)
      expect(doc).toMatchObject({ featured: true, title: event.title, start: event.start, _status: 'published' })
    })

    it('cannot create, unpublish, save drafts of, or delete events, and nothing changes', async () => {
      const title = unique('della rete')
      expect((await as('networkEditor').create(events, eventData(net, { title }))).status).toBe(403)
      expect(await titled(title)).toBe(0)
      const event = await fixtureEvent(payload, net, { title: unique('intoccabile') })
      const before = await eventSnapshot(payload, event.id)
      expect((await as('networkEditor').update(events, event.id, { _status: 'draft' })).status).toBe(403)
      expect((await as('networkEditor').update(events, event.id, { featured: true }, { draft: true })).status).toBe(403)
      expect((await as('networkEditor').delete(events, event.id)).status).toBe(403)
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })

    it('cannot feature a draft, nor an event with a pending draft (that would publish it)', async () => {
      const draft = await fixtureEvent(payload, net, { _status: 'draft', title: unique('bozza da evidenziare') })
      const beforeDraft = await eventSnapshot(payload, draft.id)
      expect((await as('networkEditor').update(events, draft.id, { featured: true })).status).toBe(403)
      expect(await eventSnapshot(payload, draft.id)).toEqual(beforeDraft)

      const event = await fixtureEvent(payload, net, { title: unique('con bozza') })
      await payload.update({
        collection: events,
        id: event.id,
        data: { title: 'Bozza non rivista' },
        draft: true,
        overrideAccess: true,
      })
      const before = await eventSnapshot(payload, event.id)
      const res = await as('networkEditor').update(events, event.id, { featured: true, _status: 'published' })
      expect(res.status).toBe(403)
      expect(res.message).toMatch(/bozza non pubblicata/)
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
    })
  })

  describe('network admin', () => {
    it('moves an event to another system and library; its dates follow', async () => {
      const event = await fixtureEvent(payload, net, { title: unique('trasferito') })
      const res = await as('admin').update(events, event.id, { system: net.systems.b, library: net.libraries.b1 })
      expect(res.status).toBe(200)
      const rows = await payload.find({
        collection: SLUGS.occurrences,
        where: { event: { equals: event.id } },
        overrideAccess: true,
        depth: 0,
      })
      expect(rows.docs.map((o) => [o.system, o.library])).toEqual([[net.systems.b, net.libraries.b1]])
    })

    it('still cannot place an event in a library of another system than the event’s', async () => {
      const title = unique('incoerente')
      const res = await as('admin').create(events, eventData(net, { title, library: net.libraries.b1 }))
      expect(res.status).toBe(400)
      expect(await titled(title)).toBe(0)
    })
  })
})

describe('what the admin offers (GET /api/access)', () => {
  it.each([
    ['contributorA1', true],
    ['editorA', true],
    ['networkEditor', false],
    ['admin', true],
  ] as const)('%s may create events: %s', async (who, allowed) => {
    const res = await rest('GET', '/access', { token: await net.token(who) })
    expect(res.status).toBe(200)
    expect(res.json.collections.events.create ?? false).toBe(allowed) // false permissions are left out
  })
})
