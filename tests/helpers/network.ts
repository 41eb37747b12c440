/**
 * A small network for integration tests: two systems (A = Area di Dalmine, B = Valle Seriana), three
 * libraries, two venues, a category, an audience, a campaign, and one user per role (password PASSWORD).
 *
 *   const net = await buildNetwork(payload)
 *   await payload.create({ collection: 'events', data: eventData(net), overrideAccess: false, user: net.as('editorA') })
 *   const token = await net.token('contributorA1') // REST: rest('GET', '/events', { token })
 *
 * Everything is created with overrideAccess: true (fixtures are not a person's request).
 */
import type { Payload } from 'payload'
import type { Event, User } from '../../cms/payload-types'
import type { Role } from '../../collections/enums'
import { fromWall, toWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { login } from './payload'

export const PASSWORD = 'Test-Password-2026'

type Id = number

export const USER_KEYS = [
  'admin',
  'networkEditor',
  'editorA',
  'editorB',
  'contributorA1',
  'contributorB1',
] as const
export type UserKey = (typeof USER_KEYS)[number]

export type Network = {
  systems: { a: Id; b: Id }
  libraries: { a1: Id; a2: Id; b1: Id }
  venues: { a: Id; b: Id }
  category: Id
  audience: Id
  campaign: Id
  users: Record<UserKey, User & { collection: 'users' }>
  /** The user to pass as `user` to the Local API (with `overrideAccess: false`). */
  as: (key: UserKey) => User & { collection: 'users' }
  /** A JWT for REST calls, logged in once per user through POST /api/users/login. */
  token: (key: UserKey) => Promise<string>
}

const SYSTEM_NAMES = {
  a: { name: 'Sistema Bibliotecario Area di Dalmine', shortName: 'Area di Dalmine' },
  b: { name: 'Sistema Bibliotecario Valle Seriana', shortName: 'Valle Seriana' },
}

/** ISTAT codes: Dalmine, Stezzano, Albino. */
const COMUNE = { dalmine: '016091', stezzano: '016207', albino: '016004' }

export const buildNetwork = async (payload: Payload, tag = ''): Promise<Network> => {
  const base = { overrideAccess: true, depth: 0 } as const
  const systems = {
    a: (await payload.create({ collection: SLUGS.systems, data: SYSTEM_NAMES.a, ...base })).id,
    b: (await payload.create({ collection: SLUGS.systems, data: SYSTEM_NAMES.b, ...base })).id,
  }
  const library = async (name: string, system: Id, comune: string) =>
    (
      await payload.create({
        collection: SLUGS.libraries,
        data: { name, system, comune: comune as never, address: 'Via Roma 1' },
        ...base,
      })
    ).id
  const libraries = {
    a1: await library('Biblioteca di Dalmine', systems.a, COMUNE.dalmine),
    a2: await library('Biblioteca di Stezzano', systems.a, COMUNE.stezzano),
    b1: await library('Biblioteca di Albino', systems.b, COMUNE.albino),
  }
  const venue = async (name: string, system: Id, comune: string) =>
    (
      await payload.create({
        collection: SLUGS.venues,
        data: { name, system, comune: comune as never, address: 'Piazza 1', kind: 'teatro' },
        ...base,
      })
    ).id
  const venues = { a: await venue('Teatro di Dalmine', systems.a, COMUNE.dalmine), b: await venue('Teatro di Albino', systems.b, COMUNE.albino) }
  const category = (await payload.create({ collection: SLUGS.categories, data: { name: 'Lettura ad alta voce' }, ...base }))
    .id
  const audience = (
    await payload.create({ collection: SLUGS.audiences, data: { name: '3–6 anni', minAge: 3, maxAge: 6 }, ...base })
  ).id
  const campaign = (
    await payload.create({
      collection: SLUGS.campaigns,
      data: { title: 'Nati per Leggere', startDate: '2026-01-01T00:00:00.000Z', endDate: '2026-12-31T00:00:00.000Z' },
      ...base,
    })
  ).id

  const spec: Record<UserKey, { roles: Role[]; system?: Id; library?: Id }> = {
    admin: { roles: ['network-admin'] },
    networkEditor: { roles: ['network-editor'] },
    editorA: { roles: ['system-editor'], system: systems.a },
    editorB: { roles: ['system-editor'], system: systems.b },
    contributorA1: { roles: ['library-contributor'], system: systems.a, library: libraries.a1 },
    contributorB1: { roles: ['library-contributor'], system: systems.b, library: libraries.b1 },
  }
  const users = {} as Network['users']
  for (const key of USER_KEYS) {
    const doc = await payload.create({
      collection: SLUGS.users,
      data: { email: `${key.toLowerCase()}${tag}@test.example.org`, password: PASSWORD, name: key, ...spec[key] },
      ...base,
    })
    users[key] = { ...(doc as User), collection: 'users' }
  }
  const tokens = new Map<UserKey, Promise<string>>()
  return {
    systems,
    libraries,
    venues,
    category,
    audience,
    campaign,
    users,
    as: (key) => users[key],
    token: (key) => {
      if (!tokens.has(key)) tokens.set(key, login(users[key].email, PASSWORD))
      return tokens.get(key) as Promise<string>
    },
  }
}

/** The instant at which Rome's clocks show `hour:minute`, `days` after today's Rome date. */
export const romeAt = (days: number, hour: number, minute = 0, now = new Date()): string => {
  const wall = toWall(now)
  return fromWall(
    new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, hour, minute)),
  ).toISOString()
}

/** A valid one-off event of library A1 (system A) in ten days, 10:30–11:30 Rome; override any field. */
export const eventData = (net: Network, overrides: Partial<Event> = {}): Partial<Event> & Record<string, unknown> => ({
  title: 'Letture animate',
  summary: 'Storie per bambini.',
  system: net.systems.a,
  library: net.libraries.a1,
  start: romeAt(10, 10, 30),
  end: romeAt(10, 11, 30),
  recurrence: { frequency: 'none' },
  ...overrides,
})
