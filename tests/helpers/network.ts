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
import type { CollectionSlug, Payload, Where } from 'payload'
import type { Event, User } from '../../cms/payload-types'
import type { Role } from '../../collections/enums'
import { fromWall, toWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { login, rest } from './payload'

export const PASSWORD = 'Test-Password-2026'

type Id = number

export const USER_KEYS = [
  'admin',
  'networkEditor',
  'editorA',
  'editorB',
  'contributorA1',
  'contributorB1',
  'partnerA',
] as const
export type UserKey = (typeof USER_KEYS)[number]
/** The library staff among them: everyone but the partner organisation's account. */
export const STAFF_KEYS = USER_KEYS.filter((key) => key !== 'partnerA')

export type Network = {
  systems: { a: Id; b: Id }
  libraries: { a1: Id; a2: Id; b1: Id }
  venues: { a: Id; b: Id }
  category: Id
  audience: Id
  campaign: Id
  /** A partner organisation working with system A; `partnerA` is its account. */
  partner: Id
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
  const venues = {
    a: await venue('Teatro di Dalmine', systems.a, COMUNE.dalmine),
    b: await venue('Teatro di Albino', systems.b, COMUNE.albino),
  }
  const category = (
    await payload.create({ collection: SLUGS.categories, data: { name: 'Lettura ad alta voce' }, ...base })
  ).id
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

  const partner = (
    await payload.create({
      collection: SLUGS.partners,
      data: {
        name: `Associazione Genitori Dalmine${tag}`,
        kind: 'associazione',
        comune: '016091',
        systems: [systems.a],
      },
      ...base,
    })
  ).id

  const spec: Record<UserKey, { roles: Role[]; system?: Id; library?: Id; partner?: Id }> = {
    admin: { roles: ['network-admin'] },
    networkEditor: { roles: ['network-editor'] },
    editorA: { roles: ['system-editor'], system: systems.a },
    editorB: { roles: ['system-editor'], system: systems.b },
    contributorA1: { roles: ['library-contributor'], system: systems.a, library: libraries.a1 },
    contributorB1: { roles: ['library-contributor'], system: systems.b, library: libraries.b1 },
    partnerA: { roles: ['partner'], partner },
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
    partner,
    users,
    as: (key) => users[key],
    token: (key) => {
      if (!tokens.has(key)) tokens.set(key, login(users[key].email, PASSWORD))
      return tokens.get(key) as Promise<string>
    },
  }
}

type DeepPartial<T> = T extends (infer U)[]
  ? DeepPartial<U>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T
/** Event data as tests write it: any subset, `_tz` companions optional (they default to Europe/Rome). */
export type EventInput = DeepPartial<Event>

/** The instant at which Rome's clocks show `hour:minute`, `days` after today's Rome date. */
export const romeAt = (days: number, hour: number, minute = 0, now = new Date()): string => {
  const wall = toWall(now)
  return fromWall(
    new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, hour, minute)),
  ).toISOString()
}

/** A valid one-off event of library A1 (system A) in ten days, 10:30–11:30 Rome; override any field. */
export const eventData = (net: Network, overrides: EventInput = {}): EventInput & Record<string, unknown> => ({
  title: 'Letture animate',
  summary: 'Storie per bambini.',
  system: net.systems.a,
  library: net.libraries.a1,
  start: romeAt(10, 10, 30),
  end: romeAt(10, 11, 30),
  recurrence: { frequency: 'none' },
  ...overrides,
})

/** How a test reaches Payload: REST (JWT through the real HTTP handler) or the Local API as that user. */
export type Via = 'rest' | 'local'
export type Who = UserKey | 'public'

/** One shape for both channels: the HTTP status (Local API errors carry theirs) and what came back. */
export type Outcome = {
  status: number
  doc?: any
  docs?: any[]
  totalDocs?: number
  message?: string
  /** Field errors: `path` names the field, `message` is shown on it in the admin. */
  errors: { path: string; message: string }[]
}

type Options = { draft?: boolean; where?: Where; limit?: number; sort?: string }

/** `where` as Payload's REST query string (`where[and][0][title][equals]=x`). */
export const toQuery = (params: Record<string, unknown>): string => {
  const parts: string[] = []
  const walk = (value: unknown, key: string) => {
    if (value === undefined) return
    if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, key ? `${key}[${k}]` : k)
    else parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
  }
  walk(params, '')
  return parts.length ? `?${parts.join('&')}` : ''
}

const fromError = (error: unknown): Outcome => {
  const e = error as { status?: number; message?: string; data?: { errors?: Outcome['errors'] } }
  return { status: e.status ?? 500, message: e.message, errors: e.data?.errors ?? [] }
}

const fromRest = (res: { status: number; json: any }): Outcome => {
  const json = res.json ?? {}
  const errors = Array.isArray(json.errors) ? json.errors : []
  return {
    status: res.status,
    doc: json.doc ?? (res.status < 300 && json.id != null ? json : undefined),
    docs: json.docs,
    totalDocs: json.totalDocs,
    message: errors[0]?.message ?? json.message,
    errors: errors.flatMap((e: { data?: { errors?: Outcome['errors'] } }) => e.data?.errors ?? []),
  }
}

/** Create, update, delete and read as `who` through `via`; forbidden and invalid calls resolve with their status. */
export const client = (payload: Payload, net: Network, via: Via, who: Who) => {
  const user = who === 'public' ? undefined : net.as(who)
  const token = async () => (who === 'public' ? undefined : await net.token(who))
  const local = async (run: () => Promise<Partial<Outcome>>, ok: number): Promise<Outcome> => {
    try {
      return { status: ok, errors: [], ...(await run()) }
    } catch (error) {
      return fromError(error)
    }
  }
  const common = { overrideAccess: false, user, depth: 0 } as const
  return {
    create: async (collection: CollectionSlug, data: Record<string, unknown>, o: Options = {}) =>
      via === 'local'
        ? local(
            async () => ({ doc: await payload.create({ collection, data: data as never, draft: o.draft, ...common }) }),
            201,
          )
        : fromRest(
            await rest('POST', `/${collection}${toQuery({ draft: o.draft, depth: 0 })}`, {
              token: await token(),
              body: data,
            }),
          ),
    update: async (collection: CollectionSlug, id: Id, data: Record<string, unknown>, o: Options = {}) =>
      via === 'local'
        ? local(
            async () => ({
              doc: await payload.update({ collection, id, data: data as never, draft: o.draft, ...common }),
            }),
            200,
          )
        : fromRest(
            await rest('PATCH', `/${collection}/${id}${toQuery({ draft: o.draft, depth: 0 })}`, {
              token: await token(),
              body: data,
            }),
          ),
    delete: async (collection: CollectionSlug, id: Id) =>
      via === 'local'
        ? local(async () => ({ doc: await payload.delete({ collection, id, ...common }) }), 200)
        : fromRest(await rest('DELETE', `/${collection}/${id}`, { token: await token() })),
    find: async (collection: CollectionSlug, o: Options = {}) =>
      via === 'local'
        ? local(async () => {
            const r = await payload.find({
              collection,
              where: o.where,
              draft: o.draft,
              limit: o.limit ?? 100,
              sort: o.sort,
              ...common,
            })
            return { docs: r.docs, totalDocs: r.totalDocs }
          }, 200)
        : fromRest(
            await rest(
              'GET',
              `/${collection}${toQuery({ where: o.where, draft: o.draft, limit: o.limit ?? 100, sort: o.sort, depth: 0 })}`,
              { token: await token() },
            ),
          ),
    findByID: async (collection: CollectionSlug, id: Id, o: Options = {}) =>
      via === 'local'
        ? local(async () => ({ doc: await payload.findByID({ collection, id, draft: o.draft, ...common }) }), 200)
        : fromRest(
            await rest('GET', `/${collection}/${id}${toQuery({ draft: o.draft, depth: 0 })}`, { token: await token() }),
          ),
  }
}

/** What the database holds, bypassing access: the published (main) document, or the latest version with `draft`. */
export const stored = async (payload: Payload, collection: CollectionSlug, id: Id, draft = false) =>
  payload.findByID({ collection, id, draft, depth: 0, disableErrors: true, overrideAccess: true }) as Promise<any>

/** How many rows a collection holds, bypassing access. */
export const countAll = async (payload: Payload, collection: CollectionSlug, where?: Where) =>
  (await payload.count({ collection, where, overrideAccess: true })).totalDocs

/**
 * Everything a write could have changed about one event: the published document, the latest version,
 * the number of versions and of occurrence rows. Compare before/after a refused write with toEqual.
 */
export const eventSnapshot = async (payload: Payload, id: Id) => ({
  published: await stored(payload, SLUGS.events, id),
  latest: await stored(payload, SLUGS.events, id, true),
  versions: (
    await payload.countVersions({ collection: SLUGS.events, where: { parent: { equals: id } }, overrideAccess: true })
  ).totalDocs,
  occurrences: await countAll(payload, SLUGS.occurrences, { event: { equals: id } }),
})

/** Creates an event as a fixture (no access checks): published unless `_status: 'draft'` is given. */
export const fixtureEvent = async (payload: Payload, net: Network, overrides: EventInput = {}) =>
  (await payload.create({
    collection: SLUGS.events,
    data: eventData(net, { _status: 'published', ...overrides }) as never,
    draft: overrides._status === 'draft',
    depth: 0,
    overrideAccess: true,
  })) as Event
