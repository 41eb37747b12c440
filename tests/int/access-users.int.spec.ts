// Only the network admin manages accounts; everyone else reads and edits their own profile, without
// being able to change their own roles, system or library. REST and Local API alike.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, type Network, PASSWORD, stored, type Via, type Who } from '../helpers/network'
import { getPayload, login, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const users = SLUGS.users
const STAFF: Who[] = ['networkEditor', 'editorA', 'contributorA1']

describe.each(['rest', 'local'] as Via[])('users over %s', (via) => {
  const as = (who: Who) => client(payload, net, via, who)
  const email = (what: string) => `${what}-${via}-${Math.random().toString(36).slice(2, 8)}@test.example.org`

  it('the network admin creates a system editor, changes their system and removes them', async () => {
    const address = email('nuovo')
    const created = await as('admin').create(users, {
      email: address,
      password: PASSWORD,
      roles: ['system-editor'],
      system: net.systems.a,
    })
    expect(created.status).toBe(201)
    expect(await login(address, PASSWORD)).toBeTruthy()
    const moved = await as('admin').update(users, created.doc.id, { system: net.systems.b })
    expect(moved.status).toBe(200)
    expect((await stored(payload, users, created.doc.id)).system).toBe(net.systems.b)
    expect((await as('admin').delete(users, created.doc.id)).status).toBe(200)
    expect(await stored(payload, users, created.doc.id)).toBeNull()
  })

  it('a contributor needs a library of its own system (field errors in Italian)', async () => {
    const address = email('collaboratore')
    const res = await as('admin').create(users, {
      email: address,
      password: PASSWORD,
      roles: ['library-contributor'],
      system: net.systems.a,
      library: net.libraries.b1,
    })
    expect(res.status).toBe(400)
    expect(res.errors).toContainEqual({
      path: 'library',
      message: 'La biblioteca deve appartenere al sistema indicato.',
    })
    expect(await countAll(payload, users, { email: { equals: address } })).toBe(0)
  })

  it.each([...STAFF, 'public'] as Who[])('%s cannot create accounts, and none is written', async (who) => {
    const address = email('intruso')
    const res = await as(who).create(users, { email: address, password: PASSWORD, roles: ['network-admin'] })
    expect(res.status).toBe(403)
    expect(await countAll(payload, users, { email: { equals: address } })).toBe(0)
  })

  it.each(STAFF)('%s sees only their own account in the list and by id', async (who) => {
    const list = await as(who).find(users)
    expect(list.status).toBe(200)
    expect(list.docs?.map((u) => u.id)).toEqual([net.users[who as 'editorA'].id])
    expect(list.totalDocs).toBe(1)
    expect((await as(who).findByID(users, net.users.editorB.id)).status).toBe(404)
  })

  it('the public cannot list accounts', async () => {
    expect((await as('public').find(users)).status).toBe(403)
  })

  it.each(STAFF)('%s cannot edit or delete another account, and nothing changes', async (who) => {
    const before = await stored(payload, users, net.users.editorB.id)
    expect((await as(who).update(users, net.users.editorB.id, { name: 'preso' })).status).toBe(403)
    expect((await as(who).delete(users, net.users.editorB.id)).status).toBe(403)
    expect(await stored(payload, users, net.users.editorB.id)).toEqual(before)
  })

  it.each(STAFF)('%s edits their own name, but their roles, system and library do not change', async (who) => {
    const me = net.users[who as 'editorA']
    const before = await stored(payload, users, me.id)
    const res = await as(who).update(users, me.id, {
      name: `Nome ${via}`,
      roles: ['network-admin'],
      system: net.systems.b,
      library: net.libraries.b1,
    })
    expect(res.status).toBe(200)
    const after = await stored(payload, users, me.id)
    expect({ roles: after.roles, system: after.system, library: after.library }).toEqual({
      roles: before.roles,
      system: before.system,
      library: before.library,
    })
    expect(after.name).toBe(`Nome ${via}`)
  })
})
