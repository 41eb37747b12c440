/**
 * The rights matrix (issue 12): every collection the CMS holds × every role, on rows of the actor's own
 * system, of the other system and of the network, through one transport (Local API, Payload's REST handler
 * in process, or the real HTTP server). Each refused write is followed by a read, bypassing access, that
 * shows nothing was written; each allowed one by a read that shows it was.
 *
 * Kept next to the route inventory (route-inventory.int.spec.ts), which fails when the CMS serves a route
 * that neither this matrix nor a named test covers.
 */
import type { CollectionSlug, Payload, Where } from 'payload'
import sharp from 'sharp'
import { SLUGS } from '../../../collections/slugs'
import {
  countAll,
  eventData,
  fixtureEvent,
  type Network,
  romeAt,
  stored,
  toQuery,
  type UserKey,
} from '../../helpers/network'

/** `partnerA`: the account of a partner organisation working with system A (not staff: it proposes its own events). */
export type Actor = 'public' | 'admin' | 'networkEditor' | 'editorA' | 'contributorA1' | 'partnerA'
export const ACTORS: Actor[] = ['public', 'admin', 'networkEditor', 'editorA', 'contributorA1', 'partnerA']
/** Whose row: system A (the acting editor's and contributor's own), system B (another system), the network. */
export type Owner = 'A' | 'B' | 'network'
/** `ignored`: the call succeeds but the fields changed are not the actor's to change (network editors on events). */
export type Right = boolean | 'ignored'
export type Rights = { read: boolean; create: Right; update: Right; delete: boolean }

export type Ctx = { payload: Payload; net: Network }
type Id = number | string
type Doc = Record<string, unknown> & { id: Id }

export type CollectionRights = {
  owners: Owner[]
  /** A fresh row owned by `owner`, created bypassing access. */
  make: (ctx: Ctx, owner: Owner) => Promise<Doc>
  /** Data for a create by `actor`; `marker` is written in the field `key`. */
  data: (ctx: Ctx, owner: Owner, marker: string, actor: Actor) => Record<string, unknown>
  /** The field a create or update writes its marker to. */
  key: string
  /** Data for an update by `actor`, writing `marker`. */
  change?: (ctx: Ctx, marker: string, actor: Actor) => Record<string, unknown>
  rights: (actor: Actor, owner: Owner) => Rights
  /** Creates that are allowed cannot be tried here (uploads need a file): where they are tested. */
  allowedCreateTestedIn?: string
  /** A row an allowed delete may remove (default: a fresh `make`). */
  disposable?: (ctx: Ctx, owner: Owner) => Promise<Doc>
  /** Collections Payload serves no REST routes for: every REST call is refused (404). */
  noRest?: boolean
}

const DALMINE = '016091'
const ALBINO = '016004'
const systemOf = (net: Network, owner: Owner) => (owner === 'A' ? net.systems.a : owner === 'B' ? net.systems.b : null)
const isStaff = (a: Actor) => a !== 'public' && a !== 'partnerA'
const network = (a: Actor) => a === 'admin' || a === 'networkEditor'
const none: Rights = { read: false, create: false, update: false, delete: false }
const all: Rights = { read: true, create: true, update: true, delete: true }

/** Libraries, venues, series: read by all; written by network admins and by the owning system's editors. */
const systemOwned = (actor: Actor, owner: Owner): Rights => {
  const writes = actor === 'admin' || (actor === 'editorA' && owner === 'A')
  return { read: true, create: writes, update: writes, delete: writes }
}
const networkOwned = (actor: Actor): Rights => ({
  ...none,
  read: true,
  create: network(actor),
  update: network(actor),
  delete: network(actor),
})

/**
 * Calendar import (issue 16): network staff read everything, a system's editors their system's rows, a library's
 * contributors their library's (A's rows are library A1's). Sources are written by the same owners, less network
 * editors; runs and items by nobody (network admins may delete them).
 */
const importRights =
  (writable: boolean) =>
  (actor: Actor, owner: Owner): Rights => {
    const reads = network(actor) || ((actor === 'editorA' || actor === 'contributorA1') && owner === 'A')
    if (!writable) return { ...none, read: reads, delete: actor === 'admin' }
    const writes = actor === 'admin' || ((actor === 'editorA' || actor === 'contributorA1') && owner === 'A')
    return { read: reads, create: writes, update: writes, delete: writes }
  }

let pixel: Buffer | undefined
const png = async () => {
  pixel ??= await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  return pixel
}

/** The free second date of the last past event `make` built for attendance, per owner. */
const lastPastDate = new Map<Owner, { event: number; start: string }>()

const userOf = (net: Network, actor: Actor) => (actor === 'public' ? undefined : net.users[actor as UserKey])

export const MATRIX: Record<string, CollectionRights> = {
  [SLUGS.events]: {
    owners: ['A', 'B'],
    key: 'summary',
    make: async ({ payload, net }, owner) =>
      (await fixtureEvent(payload, net, {
        system: systemOf(net, owner) as number,
        library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) =>
      eventData(net, {
        title: `Evento ${marker}`,
        summary: marker,
        _status: 'draft',
        system: systemOf(net, owner) as number,
        library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
      }),
    // A contributor's edit is saved as a draft: the marker is checked on the latest version (see `stored` below).
    change: (_ctx, marker) => ({ summary: marker }),
    rights: (actor, owner) => {
      if (actor === 'admin') return all
      if (actor === 'editorA' || actor === 'contributorA1') {
        const own = owner === 'A'
        return { read: true, create: own, update: own, delete: own && actor === 'editorA' }
      }
      // Network editors feature published events: other fields are read-only for them.
      if (actor === 'networkEditor') return { read: true, create: false, update: 'ignored', delete: false }
      // A partner's create that names no organiser becomes its own organisation's draft (the field's default), which
      // it may propose in its partner's system (A); in B the organiser's rule refuses it.
      if (actor === 'partnerA') return { ...none, read: true, create: owner === 'A' }
      return { ...none, read: true }
    },
  },
  [SLUGS.series]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.series,
        data: { title: `serie ${owner}`, system: systemOf(net, owner) } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({ title: marker, system: systemOf(net, owner) }),
    rights: systemOwned,
  },
  [SLUGS.libraries]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.libraries,
        data: {
          name: `biblioteca ${Math.random()}`,
          system: systemOf(net, owner),
          comune: owner === 'A' ? DALMINE : ALBINO,
          address: 'Via 1',
        } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      name: marker,
      system: systemOf(net, owner),
      comune: DALMINE,
      address: 'Via 2',
    }),
    rights: systemOwned,
  },
  [SLUGS.venues]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.venues,
        data: {
          name: `luogo ${Math.random()}`,
          system: systemOf(net, owner),
          comune: DALMINE,
          address: 'P 1',
          kind: 'piazza',
        } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      name: marker,
      system: systemOf(net, owner),
      comune: DALMINE,
      address: 'P 2',
      kind: 'piazza',
    }),
    rights: systemOwned,
  },
  [SLUGS.festivals]: {
    owners: ['A', 'B', 'network'],
    key: 'title',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.festivals,
        data: {
          title: `festival ${Math.random()}`,
          system: systemOf(net, owner),
          startDate: '2026-06-01',
          endDate: '2026-06-08',
        } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      title: marker,
      system: systemOf(net, owner),
      startDate: '2026-06-01',
      endDate: '2026-06-08',
    }),
    rights: (actor, owner) => (network(actor) ? all : systemOwned(actor, owner)),
  },
  // Funders (issue 15): like festivals, a system's or (no system) the network's; network staff write all of them.
  [SLUGS.funders]: {
    owners: ['A', 'B', 'network'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.funders,
        data: { name: `sostenitore ${Math.random()}`, kind: 'sponsor', system: systemOf(net, owner) },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({ name: marker, kind: 'foundation', system: systemOf(net, owner) }),
    rights: (actor, owner) => (network(actor) ? all : systemOwned(actor, owner)),
  },
  // Partner organisations (issue 16): they work with systems; a system's editors write those of their system,
  // network staff all of them. A/B: a partner of system A's or B's (only).
  [SLUGS.partners]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.partners,
        data: {
          name: `partner ${Math.random()}`,
          kind: 'associazione',
          comune: owner === 'A' ? DALMINE : ALBINO,
          systems: [systemOf(net, owner) as number],
        },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      name: marker,
      kind: 'teatro',
      comune: DALMINE,
      systems: [systemOf(net, owner)],
    }),
    rights: (actor, owner) => (network(actor) ? all : systemOwned(actor, owner)),
  },
  // Calendar sources (issue 16): owned like events' drafts. A: system A's source for library A1 (the acting
  // contributor's library); B: system B's. Network editors read them, they do not run a system's imports.
  [SLUGS.calendarSources]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.calendarSources,
        data: {
          name: `calendario ${Math.random()}`,
          url: 'https://calendar.example.org/basic.ics',
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      name: marker,
      url: 'https://calendar.example.org/other.ics',
      system: systemOf(net, owner),
      library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
    }),
    rights: importRights(true),
  },
  // A source's run log and remembered items: written by the import wing only, read by the source's owners.
  [SLUGS.importRuns]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async (ctx, owner) => {
      const source = await MATRIX[SLUGS.calendarSources]?.make(ctx, owner)
      return (await ctx.payload.create({
        collection: SLUGS.importRuns,
        data: {
          title: `run ${Math.random()}`,
          source: source?.id as number,
          system: systemOf(ctx.net, owner) as number,
          library: owner === 'A' ? ctx.net.libraries.a1 : ctx.net.libraries.b1,
          status: 'done',
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({ title: marker, source: 1, system: systemOf(net, owner), status: 'done' }),
    rights: importRights(false),
  },
  [SLUGS.importItems]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async (ctx, owner) => {
      const source = await MATRIX[SLUGS.calendarSources]?.make(ctx, owner)
      return (await ctx.payload.create({
        collection: SLUGS.importItems,
        data: {
          title: `item ${Math.random()}`,
          key: `uid-${Math.random()}`,
          source: source?.id as number,
          system: systemOf(ctx.net, owner) as number,
          library: owner === 'A' ? ctx.net.libraries.a1 : ctx.net.libraries.b1,
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({ title: marker, key: marker, source: 1, system: systemOf(net, owner) }),
    rights: importRights(false),
  },
  // Event proposals (issue 16): a citizen's contact, written only by the proposals wing. Network staff and the
  // chosen system's editors read them and may write a refusal's reason (only that: the rest is locked); network
  // admins delete one (a person's request); nobody creates one through the API.
  [SLUGS.eventProposals]: {
    owners: ['A', 'B'],
    key: 'refusalReason',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.eventProposals,
        data: {
          state: 'review',
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
          title: `proposta ${Math.random()}`,
          start: romeAt(10, 17),
          organiserName: 'Associazione di prova',
          proposer: { name: 'Chi propone', email: 'propone@example.org' },
        },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      state: 'review',
      system: systemOf(net, owner),
      library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
      title: 'proposta',
      start: romeAt(10, 17),
      refusalReason: marker,
    }),
    change: (_ctx, marker) => ({ refusalReason: marker }),
    rights: (actor, owner) => {
      const decides = network(actor) || (actor === 'editorA' && owner === 'A')
      return { read: decides, create: false, update: decides, delete: actor === 'admin' }
    },
  },
  [SLUGS.campaigns]: {
    owners: ['network'],
    key: 'title',
    make: async ({ payload }) =>
      (await payload.create({
        collection: SLUGS.campaigns,
        data: { title: `campagna ${Math.random()}`, startDate: '2026-06-01', endDate: '2026-06-30' },
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ title: marker, startDate: '2026-06-01', endDate: '2026-06-30' }),
    rights: networkOwned,
  },
  [SLUGS.categories]: {
    owners: ['network'],
    key: 'name',
    make: async ({ payload }) =>
      (await payload.create({
        collection: SLUGS.categories,
        data: { name: `categoria ${Math.random()}` },
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ name: marker }),
    rights: networkOwned,
  },
  [SLUGS.audiences]: {
    owners: ['network'],
    key: 'name',
    make: async ({ payload }) =>
      (await payload.create({
        collection: SLUGS.audiences,
        data: { name: `pubblico ${Math.random()}`, minAge: 3, maxAge: 6 },
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ name: marker, minAge: 3, maxAge: 6 }),
    rights: networkOwned,
  },
  [SLUGS.systems]: {
    owners: ['A', 'B'],
    key: 'description',
    // Systems own themselves: A is the actors' own. Writes that would remove one go to a fresh system.
    make: async ({ payload, net }, owner) =>
      (await stored(payload, SLUGS.systems, systemOf(net, owner) as number)) as unknown as Doc,
    disposable: async ({ payload }) =>
      (await payload.create({
        collection: SLUGS.systems,
        data: { name: `Sistema ${Math.random()}`, shortName: `S${Math.random().toString(36).slice(2, 8)}` },
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ name: `Sistema ${marker}`, shortName: marker.slice(-12), description: marker }),
    rights: (actor, owner) => ({
      read: true,
      create: actor === 'admin',
      update: actor === 'admin' || (actor === 'editorA' && owner === 'A'),
      delete: actor === 'admin',
    }),
  },
  [SLUGS.media]: {
    owners: ['A', 'B', 'network'],
    key: 'alt',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.media,
        data: { alt: 'immagine', system: systemOf(net, owner) },
        file: {
          data: await png(),
          mimetype: 'image/png',
          name: `m-${Math.random().toString(36).slice(2)}.png`,
          size: (await png()).length,
        },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({ alt: marker, system: systemOf(net, owner) }),
    allowedCreateTestedIn: 'tests/int/media-uploads.int.spec.ts',
    rights: (actor, owner) => {
      if (network(actor)) return all
      const own = owner === 'A'
      if (actor === 'editorA') return { read: true, create: own, update: own, delete: own }
      if (actor === 'contributorA1') return { read: true, create: own, update: false, delete: false }
      return { ...none, read: true }
    },
  },
  [SLUGS.users]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.users,
        data: {
          email: `u-${Math.random().toString(36).slice(2)}@test.example.org`,
          password: 'Matrix-Password-2026',
          roles: ['system-editor'],
          system: systemOf(net, owner) as number,
        },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({
      email: `${marker.replace(/\W/g, '')}@test.example.org`,
      password: 'Matrix-Password-2026',
      name: marker,
      roles: ['network-admin'],
      system: systemOf(net, owner),
    }),
    // Own profile: tests/int/access-users.int.spec.ts. Here: other people of one's own or another system.
    rights: (actor) => (actor === 'admin' ? all : none),
  },
  [SLUGS.occurrences]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async ({ payload, net }, owner) => {
      const event = await MATRIX[SLUGS.events]?.make({ payload, net }, owner)
      const { docs } = await payload.find({
        collection: SLUGS.occurrences,
        where: { event: { equals: event?.id } },
        overrideAccess: true,
        depth: 0,
      })
      return docs[0] as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({ title: marker, event: 1, start: romeAt(3, 10), system: systemOf(net, owner) }),
    rights: () => ({ ...none, read: true }),
  },
  [SLUGS.newsletters]: {
    owners: ['A', 'B', 'network'],
    key: 'subject',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.newsletters,
        data: { subject: `nl ${Math.random()}`, system: systemOf(net, owner) } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({ subject: marker, system: systemOf(net, owner) }),
    rights: (actor, owner) => {
      if (actor === 'admin') return all
      if (actor === 'networkEditor') return { ...none, read: true }
      if (actor === 'editorA' && owner === 'A') return all
      return none
    },
  },
  [SLUGS.subscribers]: {
    owners: ['network'],
    key: 'firstName',
    make: async ({ payload }) =>
      (await payload.create({
        collection: SLUGS.subscribers,
        data: { email: `s-${Math.random().toString(36).slice(2)}@test.example.org`, status: 'confirmed' } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({
      email: `${marker.replace(/\W/g, '')}@test.example.org`,
      firstName: marker,
      status: 'confirmed',
    }),
    rights: (actor) => (actor === 'admin' ? { ...all, create: false } : none),
  },
  // Bookings (issue 14): personal data of the event's system; created only by the registrations wing.
  [SLUGS.registrations]: {
    owners: ['A', 'B'],
    key: 'name',
    make: async ({ payload, net }, owner) => {
      const event = await MATRIX[SLUGS.events]?.make({ payload, net }, owner)
      return (await payload.create({
        collection: SLUGS.registrations,
        data: {
          event: event?.id as number,
          start: romeAt(3, 10),
          status: 'confirmed',
          adults: 1,
          people: 1,
          name: 'Persona Prenotata',
          email: `r-${Math.random().toString(36).slice(2)}@test.example.org`,
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({
      event: 1,
      start: romeAt(3, 10),
      adults: 1,
      name: marker,
      email: `${marker.replace(/\W/g, '')}@test.example.org`,
      system: systemOf(net, owner),
    }),
    rights: (actor, owner) => {
      if (actor === 'admin') return { ...all, create: false }
      if (owner !== 'A') return none
      if (actor === 'editorA') return { ...all, create: false }
      if (actor === 'contributorA1') return { read: true, create: false, update: true, delete: false }
      return none
    },
  },
  // Who came to a date (issues 14, 15): counts of the event's system, recorded by its system and library.
  [SLUGS.attendance]: {
    owners: ['A', 'B'],
    key: 'notes',
    // A past event with two dates: the row takes the first, a create by an actor the second (see `data`).
    make: async ({ payload, net }, owner) => {
      const event = await fixtureEvent(payload, net, {
        system: systemOf(net, owner) as number,
        library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        venue: owner === 'A' ? net.venues.a : net.venues.b,
        start: romeAt(-5, 10),
        end: romeAt(-5, 11),
        recurrence: { frequency: 'daily', interval: 1, count: 2 },
      })
      lastPastDate.set(owner, { event: event.id, start: romeAt(-4, 10) })
      return (await payload.create({
        collection: SLUGS.attendance,
        data: {
          event: event.id,
          start: romeAt(-5, 10),
          total: 12,
          walkIns: 2,
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({
      ...lastPastDate.get(owner),
      total: 3,
      notes: marker,
      system: systemOf(net, owner),
    }),
    rights: (actor, owner) => {
      if (actor === 'admin') return all
      if (owner !== 'A') return none
      if (actor === 'editorA') return all
      if (actor === 'contributorA1') return { read: true, create: true, update: true, delete: false }
      return none
    },
  },
  // The age bands attendance is counted in (issue 15): read by all, edited by network admins only.
  [SLUGS.attendanceBands]: {
    owners: ['network'],
    key: 'name',
    // Every age is already in a default band: fixtures skip the overlap check (renaming one does not run it).
    make: async ({ payload }) =>
      (await payload.db.create({
        collection: SLUGS.attendanceBands,
        data: { name: `fascia ${Math.random()}`, minAge: 120, maxAge: 120, order: 99 },
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ name: marker, minAge: 120, maxAge: 120 }),
    allowedCreateTestedIn: 'tests/int/attendance.int.spec.ts (a band in the range the defaults leave free)',
    rights: (actor) => (actor === 'admin' ? all : { ...none, read: true }),
  },
  // Change notices to the people booked on a date: written only by the registrations wing.
  [SLUGS.notices]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async ({ payload, net }, owner) => {
      const event = await MATRIX[SLUGS.events]?.make({ payload, net }, owner)
      return (await payload.create({
        collection: SLUGS.notices,
        data: {
          title: 'Avviso',
          event: event?.id as number,
          start: romeAt(3, 10),
          kind: 'cancelled',
          recipients: 1,
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: ({ net }, owner, marker) => ({ title: marker, event: 1, kind: 'cancelled', system: systemOf(net, owner) }),
    rights: (actor, owner) => {
      if (actor === 'admin') return { read: true, create: false, update: false, delete: true }
      if (owner !== 'A') return none
      if (actor === 'editorA') return { read: true, create: false, update: false, delete: true }
      if (actor === 'contributorA1') return { ...none, read: true }
      return none
    },
  },
  // Files built by jobs (a registration list as PDF): the system's staff read them, nobody writes them.
  [SLUGS.exports]: {
    owners: ['A', 'B'],
    key: 'title',
    make: async ({ payload, net }, owner) =>
      (await payload.create({
        collection: SLUGS.exports,
        data: {
          title: 'Elenco iscritti',
          kind: 'registrations-pdf',
          status: 'queued',
          system: systemOf(net, owner) as number,
          library: owner === 'A' ? net.libraries.a1 : net.libraries.b1,
        },
        overrideAccess: true,
      })) as unknown as Doc,
    data: ({ net }, owner, marker) => ({ title: marker, kind: 'x', system: systemOf(net, owner) }),
    rights: (actor, owner) => {
      if (actor === 'admin') return { read: true, create: false, update: false, delete: true }
      if (owner !== 'A') return none
      if (actor === 'editorA') return { read: true, create: false, update: false, delete: true }
      if (actor === 'contributorA1') return { ...none, read: true }
      return none
    },
  },
  // Per-date counters of places taken (the MongoDB-safe capacity path): server-only, no request reads them.
  [SLUGS.placeCounters]: {
    owners: ['network'],
    key: 'taken',
    make: async ({ payload, net }) => {
      const event = await MATRIX[SLUGS.events]?.make({ payload, net }, 'A')
      return (await payload.create({
        collection: SLUGS.placeCounters,
        data: { event: event?.id as number, start: romeAt(3, 10), taken: 4 },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: () => ({ event: 1, start: romeAt(3, 10), taken: 0 }),
    change: () => ({ taken: 0 }),
    rights: () => none,
  },
  // Who a change notice was mailed to (ids only): server-only, no request reads or writes it.
  [SLUGS.noticeDeliveries]: {
    owners: ['network'],
    key: 'error',
    make: async ({ payload, net }) => {
      const notice = await MATRIX[SLUGS.notices]?.make({ payload, net }, 'A')
      return (await payload.create({
        collection: SLUGS.noticeDeliveries,
        data: { notice: notice?.id as number, state: 'sent', error: 'x' },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: (_ctx, _owner, marker) => ({ notice: 1, state: 'queued', error: marker }),
    change: (_ctx, marker) => ({ error: marker }),
    rights: () => none,
  },
  // Follows of pages by email (issue 17): personal data, written only by the follow wing; network admins
  // read them and may delete one (a person's request), nobody else sees them.
  [SLUGS.follows]: {
    owners: ['network'],
    key: 'title',
    make: async (ctx) => {
      const subscriber = await MATRIX[SLUGS.subscribers]?.make(ctx, 'network')
      return (await ctx.payload.create({
        collection: SLUGS.follows,
        data: {
          subscriber: subscriber?.id as number,
          kind: 'events',
          targetId: Math.floor(Math.random() * 1e9),
          state: 'active',
          title: 'Pagina seguita',
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: (_ctx, _owner, marker) => ({ subscriber: 1, kind: 'events', targetId: 1, state: 'active', title: marker }),
    rights: (actor) => (actor === 'admin' ? { read: true, create: false, update: false, delete: true } : none),
  },
  // The changes of one event its followers are told in one mail: written only by the follow wing.
  [SLUGS.followNotices]: {
    owners: ['network'],
    key: 'title',
    make: async (ctx) => {
      const event = await MATRIX[SLUGS.events]?.make(ctx, 'A')
      return (await ctx.payload.create({
        collection: SLUGS.followNotices,
        data: { title: 'Avviso ai follower', event: event?.id as number, state: 'open' },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: (_ctx, _owner, marker) => ({ title: marker, event: 1, state: 'open' }),
    rights: (actor) => (actor === 'admin' ? { read: true, create: false, update: false, delete: true } : none),
  },
  [SLUGS.deliveries]: {
    owners: ['network'],
    key: 'error',
    make: async ({ payload, net }) => {
      const newsletter = await MATRIX[SLUGS.newsletters]?.make({ payload, net }, 'network')
      return (await payload.create({
        collection: SLUGS.deliveries,
        data: { key: `k-${Math.random()}`, newsletter: newsletter?.id as number, state: 'sent' },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: (_ctx, _owner, marker) => ({ key: marker, newsletter: 1, state: 'queued', error: marker }),
    rights: (actor) => (actor === 'admin' ? { read: true, create: false, update: false, delete: true } : none),
  },
  'payload-locked-documents': {
    owners: ['A', 'B'],
    key: 'globalSlug',
    // A lock taken by the owning system's editor on a published event of that system.
    make: async ({ payload, net }, owner) => {
      const event = await MATRIX[SLUGS.events]?.make({ payload, net }, owner)
      return (await payload.create({
        collection: 'payload-locked-documents',
        data: {
          document: { relationTo: SLUGS.events, value: event?.id as number },
          user: { relationTo: SLUGS.users, value: net.users[owner === 'A' ? 'editorA' : 'editorB'].id },
        },
        overrideAccess: true,
      })) as unknown as Doc
    },
    data: (_ctx, _owner, marker) => ({ globalSlug: marker, user: { relationTo: 'users', value: 1 } }),
    // A take-over names oneself.
    change: ({ net }, _marker, actor) => ({ user: { relationTo: 'users', value: userOf(net, actor)?.id ?? 1 } }),
    rights: (actor, owner) => {
      // Payload shows every logged-in account who is editing what (ids only); a partner edits no published event.
      if (actor === 'partnerA') return { ...none, read: true }
      if (!isStaff(actor)) return none
      // Whoever may edit the locked (published) event may take over or release the lock.
      const edits = actor === 'admin' || actor === 'networkEditor' || owner === 'A'
      return { read: true, create: false, update: edits, delete: edits }
    },
  },
  'payload-preferences': {
    owners: ['B'],
    key: 'key',
    // Someone else's preference (system B's editor's): nobody else reads or changes it.
    make: async ({ payload, net }) =>
      (await payload.create({
        collection: 'payload-preferences',
        data: {
          key: `pref-${Math.random()}`,
          value: { a: 1 },
        } as never,
        user: net.users.editorB as never, // the user field is always set from the request
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ key: marker, value: { b: 2 } }),
    change: (_ctx, marker) => ({ key: marker }),
    // Creating stores the preference as one's own (the user field is set from the request).
    rights: (actor) => ({ ...none, create: actor !== 'public' }),
  },
  'payload-jobs': {
    owners: ['network'],
    key: 'taskSlug',
    make: async ({ payload }) =>
      (await payload.jobs.queue({ task: 'extendOccurrences', input: {} } as never)) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ taskSlug: 'extendOccurrences', input: {}, queue: marker }),
    change: (_ctx, marker) => ({ queue: marker }),
    rights: () => none,
  },
  'payload-kv': {
    owners: ['network'],
    key: 'key',
    make: async ({ payload }) =>
      (await payload.create({
        collection: 'payload-kv' as never,
        data: { key: `kv-${Math.random()}`, data: { a: 1 } } as never,
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ key: marker, data: { forged: true } }),
    rights: () => none,
  },
  'payload-migrations': {
    owners: ['network'],
    key: 'name',
    make: async ({ payload }) =>
      (await payload.create({
        collection: 'payload-migrations',
        data: { name: `m-${Math.random()}`, batch: 99 },
        overrideAccess: true,
      })) as unknown as Doc,
    data: (_ctx, _owner, marker) => ({ name: marker, batch: 100 }),
    noRest: true,
    rights: (actor) => ({ ...none, read: actor === 'admin' }),
  },
}

/** What a call returned: the HTTP status (Local API errors carry theirs). */
export type Call = { status: number; doc?: Doc; docs?: Doc[] }

export type Transport = {
  name: string
  find: (actor: Actor, collection: string, where: Where) => Promise<Call>
  findByID: (actor: Actor, collection: string, id: Id) => Promise<Call>
  create: (actor: Actor, collection: string, data: Record<string, unknown>) => Promise<Call>
  update: (actor: Actor, collection: string, id: Id, data: Record<string, unknown>) => Promise<Call>
  updateMany: (actor: Actor, collection: string, where: Where, data: Record<string, unknown>) => Promise<Call>
  delete: (actor: Actor, collection: string, id: Id) => Promise<Call>
  deleteMany: (actor: Actor, collection: string, where: Where) => Promise<Call>
  duplicate: (actor: Actor, collection: string, id: Id) => Promise<Call>
}

const statusOf = (error: unknown) => (error as { status?: number }).status ?? 500

/** Payload's Local API with `overrideAccess: false` and the actor as `user` (what site and hooks must do). */
export const localTransport = ({ payload, net }: Ctx): Transport => {
  const common = (actor: Actor) => ({ overrideAccess: false, user: userOf(net, actor) as never, depth: 0 })
  const run = async (status: number, fn: () => Promise<unknown>): Promise<Call> => {
    try {
      const result = (await fn()) as { docs?: Doc[] } & Doc
      return { status, doc: result, docs: result?.docs }
    } catch (error) {
      return { status: statusOf(error) }
    }
  }
  const c = (slug: string) => slug as CollectionSlug
  return {
    name: 'Local API',
    find: (a, col, where) => run(200, () => payload.find({ collection: c(col), where, ...common(a) })),
    findByID: (a, col, id) => run(200, () => payload.findByID({ collection: c(col), id, ...common(a) })),
    create: (a, col, data) => run(201, () => payload.create({ collection: c(col), data: data as never, ...common(a) })),
    update: (a, col, id, data) =>
      run(200, () => payload.update({ collection: c(col), id, data: data as never, ...common(a) })),
    updateMany: (a, col, where, data) =>
      run(200, () => payload.update({ collection: c(col), where, data: data as never, ...common(a) })),
    delete: (a, col, id) => run(200, () => payload.delete({ collection: c(col), id, ...common(a) })),
    deleteMany: (a, col, where) => run(200, () => payload.delete({ collection: c(col), where, ...common(a) })),
    duplicate: (a, col, id) =>
      run(200, () => payload.duplicate({ collection: c(col), id, draft: false, ...common(a) })),
  }
}

/** REST: `send` is Payload's handler in process or `fetch` to the real server; `token` logs an actor in. */
export const restTransport = (
  name: string,
  send: (method: string, path: string, token?: string, body?: unknown) => Promise<{ status: number; json: any }>,
  token: (actor: Actor) => Promise<string | undefined>,
): Transport => {
  const call = async (actor: Actor, method: string, path: string, body?: unknown): Promise<Call> => {
    const res = await send(method, path, await token(actor), body)
    return { status: res.status, doc: res.json?.doc ?? res.json, docs: res.json?.docs }
  }
  return {
    name,
    find: (a, col, where) => call(a, 'GET', `/${col}${toQuery({ where, depth: 0 })}`),
    findByID: (a, col, id) => call(a, 'GET', `/${col}/${id}?depth=0`),
    create: (a, col, data) => call(a, 'POST', `/${col}?depth=0`, data),
    update: (a, col, id, data) => call(a, 'PATCH', `/${col}/${id}?depth=0`, data),
    updateMany: (a, col, where, data) => call(a, 'PATCH', `/${col}${toQuery({ where, depth: 0 })}`, data),
    delete: (a, col, id) => call(a, 'DELETE', `/${col}/${id}`),
    deleteMany: (a, col, where) => call(a, 'DELETE', `/${col}${toQuery({ where })}`),
    duplicate: (a, col, id) => call(a, 'POST', `/${col}/${id}/duplicate?draft=false&depth=0`, {}),
  }
}

export const rowCount = (ctx: Ctx, collection: string, where?: Where) =>
  countAll(ctx.payload, collection as CollectionSlug, where)
/** The row as stored (latest version for drafts collections), bypassing access. */
export const rowOf = async (ctx: Ctx, collection: string, id: Id) => {
  const drafts = collection === SLUGS.events
  return stored(ctx.payload, collection as CollectionSlug, id as number, drafts)
}
