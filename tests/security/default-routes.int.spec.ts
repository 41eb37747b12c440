// The routes Payload mounts by itself (issue 12): duplicate, versions/restore, unlock, document locks,
// jobs, and REST reads without bounds. Each refusal is followed by a read that shows nothing was written.
import { createLocalReq } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_REST_LIMIT } from '../../cms/hardening/collection-guards'
import { SLUGS } from '../../collections/slugs'
import {
  buildNetwork,
  countAll,
  eventSnapshot,
  fixtureEvent,
  type Network,
  stored,
  type UserKey,
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
const LOCKS = 'payload-locked-documents' as const
const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`
const statusOf = (error: unknown) => (error as { status?: number }).status ?? 500
const lockUntil = async (key: UserKey) =>
  (
    (await payload.findByID({
      collection: SLUGS.users,
      id: net.users[key].id,
      overrideAccess: true,
      showHiddenFields: true,
    })) as {
      lockUntil?: string | null
    }
  ).lockUntil
const titled = (title: string) => countAll(payload, events, { title: { equals: title } })

/** Duplicate one document as `who` over `via`; resolves with the status. */
const duplicate = async (via: Via, who: UserKey, collection: string, id: number, draft: boolean) => {
  if (via === 'rest') {
    const res = await rest('POST', `/${collection}/${id}/duplicate?draft=${draft}`, {
      token: await net.token(who),
      body: {},
    })
    return { status: res.status, doc: res.json?.doc }
  }
  try {
    const doc = await payload.duplicate({
      collection: collection as never,
      id,
      draft,
      overrideAccess: false,
      user: net.as(who),
      depth: 0,
    })
    return { status: 200, doc: doc as { id: number } }
  } catch (error) {
    return { status: statusOf(error), doc: undefined }
  }
}

const restore = async (via: Via, who: UserKey, versionId: number | string, draft: boolean) => {
  if (via === 'rest')
    return (await rest('POST', `/events/versions/${versionId}?draft=${draft}`, { token: await net.token(who) })).status
  try {
    await payload.restoreVersion({
      collection: events,
      id: versionId as never,
      draft,
      overrideAccess: false,
      user: net.as(who),
    })
    return 200
  } catch (error) {
    return statusOf(error)
  }
}

describe.each(['rest', 'local'] as Via[])('duplicate over %s', (via) => {
  it('a system editor cannot duplicate another system’s published event, library, venue or series', async () => {
    const event = await fixtureEvent(payload, net, {
      title: unique('di B'),
      system: net.systems.b,
      library: net.libraries.b1,
    })
    for (const draft of [false, true]) {
      expect((await duplicate(via, 'editorA', events, event.id, draft)).status, `draft=${draft}`).toBe(403)
      expect(await titled(event.title)).toBe(1)
    }
    const others: [string, number][] = [
      [SLUGS.libraries, net.libraries.b1],
      [SLUGS.venues, net.venues.b],
    ]
    const series = await payload.create({
      collection: SLUGS.series,
      data: { title: unique('rassegna di B'), system: net.systems.b },
      overrideAccess: true,
    })
    others.push([SLUGS.series, series.id])
    for (const [collection, id] of others) {
      const before = await countAll(payload, collection as never)
      expect((await duplicate(via, 'editorA', collection, id, false)).status, collection).toBe(403)
      expect(await countAll(payload, collection as never), collection).toBe(before)
    }
  })

  it('a contributor cannot publish by duplicating its own library’s event; a draft copy is allowed', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('pubblicato A1') })
    expect((await duplicate(via, 'contributorA1', events, event.id, false)).status).toBe(403)
    expect(await titled(event.title)).toBe(1)
    const copy = await duplicate(via, 'contributorA1', events, event.id, true)
    expect(copy.status).toBe(200)
    const saved = await stored(payload, events, copy.doc.id)
    expect(saved._status).toBe('draft')
    expect(await countAll(payload, SLUGS.occurrences, { event: { equals: copy.doc.id } })).toBe(0)
  })

  it('a contributor cannot duplicate another library’s event', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('di A2'), library: net.libraries.a2 })
    expect((await duplicate(via, 'contributorA1', events, event.id, true)).status).toBe(403)
    expect(await titled(event.title)).toBe(1)
  })

  it('a system editor duplicates its own system’s event and it stays in its system', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('di A') })
    const copy = await duplicate(via, 'editorA', events, event.id, false)
    expect(copy.status).toBe(200)
    expect((await stored(payload, events, copy.doc.id)).system).toBe(net.systems.a)
  })
})

describe.each(['rest', 'local'] as Via[])('restoring a version over %s', (via) => {
  /** A published event of library A1 whose latest version is a contributor's draft. */
  const eventWithDraft = async () => {
    const event = await fixtureEvent(payload, net, { title: unique('in linea') })
    await payload.update({
      collection: events,
      id: event.id,
      data: { title: `${event.title} (bozza)` },
      draft: true,
      overrideAccess: false,
      user: net.as('contributorA1'),
    })
    const { docs } = await payload.findVersions({
      collection: events,
      where: { and: [{ parent: { equals: event.id } }, { 'version._status': { equals: 'draft' } }] },
      overrideAccess: true,
      depth: 0,
    })
    return { event, draftVersion: docs[0]?.id as number | string }
  }

  it('a contributor cannot take a live event offline by restoring a draft as published', async () => {
    const { event, draftVersion } = await eventWithDraft()
    const before = await eventSnapshot(payload, event.id)
    expect(before.published._status).toBe('published')
    expect(await restore(via, 'contributorA1', draftVersion, false)).toBe(403)
    expect(await eventSnapshot(payload, event.id)).toEqual(before)
  })

  it('a contributor may restore a version as a draft: the published event and its dates stay', async () => {
    const { event, draftVersion } = await eventWithDraft()
    const before = await eventSnapshot(payload, event.id)
    if (via === 'local') {
      // Payload's Local API restoreVersion has no `draft` option: it always restores as published.
      expect(await restore(via, 'contributorA1', draftVersion, true)).toBe(403)
      expect(await eventSnapshot(payload, event.id)).toEqual(before)
      return
    }
    expect(await restore(via, 'contributorA1', draftVersion, true)).toBe(200)
    const after = await eventSnapshot(payload, event.id)
    expect(after.published).toEqual(before.published)
    expect(after.occurrences).toBe(before.occurrences)
  })

  it('another system’s editor cannot restore a version, and nothing changes', async () => {
    const { event, draftVersion } = await eventWithDraft()
    const before = await eventSnapshot(payload, event.id)
    expect([403, 404]).toContain(await restore(via, 'editorB', draftVersion, false))
    expect(await eventSnapshot(payload, event.id)).toEqual(before)
  })
})

describe('unlock', () => {
  const lockOut = async (key: UserKey) =>
    payload.update({
      collection: SLUGS.users,
      id: net.users[key].id,
      data: { loginAttempts: 5, lockUntil: new Date(Date.now() + 600_000).toISOString() } as never,
      overrideAccess: true,
    })

  it('staff other than network admins cannot unlock an account, existing or not (403 either way)', async () => {
    await lockOut('editorB')
    for (const who of ['editorA', 'contributorA1', 'networkEditor'] as UserKey[]) {
      for (const email of [net.users.editorB.email, 'nessuno@test.example.org']) {
        const res = await rest('POST', '/users/unlock', { token: await net.token(who), body: { email } })
        expect(res.status, `${who} ${email}`).toBe(403)
      }
      const req = await createLocalReq({ user: net.as(who) as never }, payload)
      await expect(
        payload.unlock({
          collection: SLUGS.users,
          data: { email: net.users.editorB.email } as never,
          overrideAccess: false,
          req,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    expect(await lockUntil('editorB')).toBeTruthy()
    expect((await rest('POST', '/users/unlock', { body: { email: net.users.editorB.email } })).status).toBe(403)
  })

  it('a network admin unlocks an account', async () => {
    await lockOut('contributorB1')
    const res = await rest('POST', '/users/unlock', {
      token: await net.token('admin'),
      body: { email: net.users.contributorB1.email },
    })
    expect(res.status).toBe(200)
    expect(await lockUntil('contributorB1')).toBeFalsy()
  })
})

describe('document locks', () => {
  const lockOf = async (key: UserKey, eventId: number) =>
    payload.create({
      collection: LOCKS,
      data: {
        document: { relationTo: events, value: eventId },
        user: { relationTo: SLUGS.users, value: net.users[key].id },
      },
      overrideAccess: true,
    })

  it('no staff user creates a lock through the API, and none is written', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('bloccato') })
    for (const who of ['editorB', 'editorA', 'contributorA1'] as UserKey[]) {
      const res = await rest('POST', `/${LOCKS}`, {
        token: await net.token(who),
        body: {
          document: { relationTo: events, value: event.id },
          user: { relationTo: 'users', value: net.users[who].id },
        },
      })
      expect(res.status, who).toBe(403)
    }
    expect(await countAll(payload, LOCKS, { 'document.value': { equals: event.id } })).toBe(0)
  })

  it('another system’s editor can neither take over nor remove a lock on a document it cannot edit', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('in modifica') })
    const lock = await lockOf('editorA', event.id)
    const token = await net.token('editorB')
    const takeOver = await rest('PATCH', `/${LOCKS}/${lock.id}`, {
      token,
      body: { user: { relationTo: 'users', value: net.users.editorB.id } },
    })
    expect(takeOver.status).toBe(403)
    expect((await rest('DELETE', `/${LOCKS}/${lock.id}`, { token })).status).toBe(403)
    expect((await rest('DELETE', `/${LOCKS}?where[id][equals]=${lock.id}`, { token })).status).toBe(403)
    const kept = await stored(payload, LOCKS as never, lock.id)
    expect(kept.user).toEqual({ relationTo: 'users', value: net.users.editorA.id })
  })

  it('the owner releases its lock; a contributor of the library takes over its own event’s lock', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('rilascio'), _status: 'draft' })
    const lock = await lockOf('editorA', event.id)
    const takeOver = await rest('PATCH', `/${LOCKS}/${lock.id}`, {
      token: await net.token('contributorA1'),
      body: { user: { relationTo: 'users', value: net.users.contributorA1.id } },
    })
    expect(takeOver.status).toBe(200)
    expect((await rest('DELETE', `/${LOCKS}/${lock.id}`, { token: await net.token('contributorA1') })).status).toBe(200)
    expect(await stored(payload, LOCKS as never, lock.id)).toBeNull()
  })
})

describe('jobs', () => {
  it('the run and handle-schedules routes answer no staff user, and no job runs', async () => {
    const job = await payload.jobs.queue({ task: 'extendOccurrences', input: {} } as never)
    for (const who of ['contributorA1', 'editorA', 'admin'] as UserKey[]) {
      const token = await net.token(who)
      for (const path of ['/payload-jobs/run?allQueues=true&limit=100', '/payload-jobs/handle-schedules']) {
        const res = await rest('GET', path, { token })
        expect(res.status, `${who} ${path}`).toBeGreaterThanOrEqual(400)
        expect(res.status).toBeLessThan(500)
      }
    }
    expect(
      (await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })).completedAt,
    ).toBeFalsy()
  })

  it('a system editor cannot cancel another system’s scheduled publication; its own system’s editor can', async () => {
    const event = await fixtureEvent(payload, net, { title: unique('programmato'), _status: 'draft' })
    const job = await payload.jobs.queue({
      task: 'schedulePublish',
      input: { type: 'publish', doc: { relationTo: events, value: event.id } },
      waitUntil: new Date(Date.now() + 86_400_000),
    } as never)
    const cancelAs = async (who: UserKey) => {
      // What the admin's schedule drawer does (Local API, access skipped, the user on the request).
      const req = await createLocalReq({ user: { ...net.as(who), collection: 'users' } as never }, payload)
      return payload
        .delete({
          collection: 'payload-jobs',
          where: { and: [{ id: { equals: job.id } }, { taskSlug: { equals: 'schedulePublish' } }] },
          req,
        })
        .then(() => 200)
        .catch(statusOf)
    }
    for (const who of ['editorB', 'contributorA1'] as UserKey[]) expect(await cancelAs(who), who).toBe(403)
    expect(await countAll(payload, 'payload-jobs', { id: { equals: job.id } })).toBe(1)
    expect(await cancelAs('editorA')).toBe(200)
    expect(await countAll(payload, 'payload-jobs', { id: { equals: job.id } })).toBe(0)
  })
})

describe('bounded REST reads', () => {
  beforeAll(async () => {
    for (let i = 0; i < MAX_REST_LIMIT + 5; i++)
      await payload.create({ collection: SLUGS.categories, data: { name: `Categoria ${i}` }, overrideAccess: true })
  })

  it.each(['?limit=0', '?pagination=false', '?limit=100000', '?limit=0&pagination=false&depth=50'])(
    'GET /api/categories%s returns at most one bounded page',
    async (query) => {
      const total = await countAll(payload, SLUGS.categories)
      expect(total).toBeGreaterThan(MAX_REST_LIMIT)
      const res = await rest('GET', `/categories${query}`)
      expect(res.status).toBe(200)
      expect(res.json.docs.length).toBe(MAX_REST_LIMIT)
      expect(res.json.totalDocs).toBe(total)
      expect(res.json.hasNextPage).toBe(true)
    },
  )

  it('the Local API used by the site is not bounded', async () => {
    const all = await payload.find({ collection: SLUGS.categories, pagination: false, overrideAccess: false, depth: 0 })
    expect(all.docs.length).toBe(await countAll(payload, SLUGS.categories))
  })
})
