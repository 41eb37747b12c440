// The route inventory (issue 12): every route the CMS serves, read from the built Payload config (each
// collection's and global's REST routes, the routes Payload adds on its own, the project's endpoints).
// A route that neither the rights matrix (helpers/rights.ts) nor a test named below covers fails this file.
import type { SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import configPromise from '../../cms/payload.config'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, countAll, type Network } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'
import { MATRIX } from './helpers/rights'

let config: SanitizedConfig
let payload: Payload
let net: Network

beforeAll(async () => {
  config = await configPromise
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

type Route = { method: string; path: string }

/** Every route of the built config, as `METHOD /api/...`. */
const inventory = (c: SanitizedConfig): Route[] => [
  ...c.collections.flatMap((col) =>
    (col.endpoints || []).map((e) => ({ method: e.method.toUpperCase(), path: `/api/${col.slug}${e.path}` })),
  ),
  ...(c.globals ?? []).flatMap((g) =>
    (g.endpoints || []).map((e) => ({ method: e.method.toUpperCase(), path: `/api/globals/${g.slug}${e.path}` })),
  ),
  ...(c.endpoints || []).map((e) => ({ method: e.method.toUpperCase(), path: `/api${e.path}` })),
]
const key = (r: Route) => `${r.method} ${r.path}`

/** The routes the rights matrix exercises on each of its collections (tests/security/helpers/run-matrix.ts). */
const MATRIX_ROUTES = [
  'GET /',
  'GET /:id',
  'POST /',
  'PATCH /:id',
  'PATCH /',
  'DELETE /:id',
  'DELETE /',
  'POST /:id/duplicate',
]

/**
 * Every other route, with the test that covers its rights. `*` stands for any collection. Adding a route
 * to the CMS means adding it here, with a test.
 */
const COVERED: Record<string, string> = {
  'GET /api/*/count': 'this file: anonymous counts follow read access',
  'GET /api/*/versions': 'this file (anonymous) and access-events.int.spec.ts (other systems’ drafts)',
  'GET /api/*/versions/:id': 'this file (anonymous) and access-events.int.spec.ts',
  'POST /api/*/versions/:id': 'default-routes.int.spec.ts: restoring a version',
  'POST /api/*/access/:id?': 'this file: answers only the caller’s own permissions, writes nothing',
  'GET /api/access': 'this file: answers only the caller’s own permissions',
  'POST /api/users/login': 'login-lockout.int.spec.ts, auth-rate-limit.e2e.spec.ts',
  'POST /api/users/logout': 'this file (anonymous sweep)',
  'GET /api/users/me': 'this file (anonymous sweep: no user)',
  'POST /api/users/refresh-token': 'this file (anonymous sweep)',
  'GET /api/users/init': 'this file (anonymous sweep)',
  'POST /api/users/first-register': 'this file: refused once a user exists',
  'POST /api/users/forgot-password': 'auth-forgot-password.int.spec.ts (project endpoint overriding Payload’s)',
  'POST /api/users/reset-password': 'this file (anonymous sweep), auth-rate-limit.e2e.spec.ts',
  'POST /api/users/unlock': 'default-routes.int.spec.ts: unlock',
  'POST /api/users/verify/:id': 'this file (anonymous sweep: verification is off)',
  'GET /api/media/file/:filename': 'media-uploads.int.spec.ts (public images, sandboxed CSP in headers.e2e)',
  'GET /api/media/paste-url/:id?': 'this file: no URL uploads for anyone',
  'GET /api/subscribers/counts': 'newsletter-campaigns.int.spec.ts and this file',
  'POST /api/subscribers/bounces': 'newsletter-campaigns.int.spec.ts (webhook secret)',
  'POST /api/subscribers/one-click': 'newsletter-campaigns.int.spec.ts (signed token)',
  'GET /api/subscribers/one-click': 'newsletter-campaigns.int.spec.ts (signed token)',
  'GET /api/subscribers/:id/export': 'newsletter-campaigns.int.spec.ts and this file',
  'POST /api/subscribers/:id/erase': 'newsletter-campaigns.int.spec.ts and this file',
  'GET /api/newsletters/:id/preview': 'this file: project endpoints',
  'POST /api/newsletters/:id/test': 'this file: project endpoints',
  'GET /api/newsletters/:id/audience': 'this file: project endpoints',
  'POST /api/newsletters/:id/send-now': 'newsletter-status.int.spec.ts (status rules, rights) and this file',
  'GET /api/newsletters/event-options': 'newsletter-picker.int.spec.ts (newsletter writers only: 401/403, input)',
  'POST /api/registrations/staff-book': 'registrations-staff.int.spec.ts (staff only: 401/403, input, own bookings)',
  'POST /api/registrations/staff-cancel': 'registrations-staff.int.spec.ts (only one’s own booking; 401 without login)',
  'POST /api/registrations/desk/book': 'registrations-desk.int.spec.ts: every role, nothing written on refusal',
  'POST /api/registrations/desk/status': 'registrations-desk.int.spec.ts: every role, nothing written on refusal',
  'POST /api/registrations/desk/arrivals': 'registrations-desk.int.spec.ts: every role, nothing written on refusal',
  'POST /api/registrations/desk/headcount': 'registrations-desk.int.spec.ts: every role, nothing written on refusal',
  'POST /api/registrations/desk/pdf': 'registrations-desk.int.spec.ts: every role, nothing written on refusal',
  'GET /api/registrations/desk/csv': 'registrations-desk.int.spec.ts: every role',
  'GET /api/attendance/statistics/:table': 'statistics.int.spec.ts: every role, a system only its own figures',
  'POST /api/registrations/check-in': 'registrations-desk.int.spec.ts: every role, other system, forged code',
  'GET /api/exports/:id/download': 'registrations-desk.int.spec.ts: every role (the exports’ read rule)',
  'GET /api/reports/maggio-dei-libri': 'reports.int.spec.ts: 401/403, each role’s own rows, bad parameters 400',
  'GET /api/reports/annual': 'reports.int.spec.ts: 401/403, each role’s own rows, bad parameters 400',
  'GET /api/reports/funder': 'reports.int.spec.ts: 401/403, each role’s own rows, bad parameters 400',
  'POST /api/exports/programme': 'print-programme.int.spec.ts: 401 without login, bad address 400, queued once',
  'GET /api/exports/programme/:id': 'print-programme.int.spec.ts: state of a programme (public data only)',
  'POST /api/follows/one-click': 'follow-notices.int.spec.ts: RFC 8058 body and signed token, other follows kept',
  'GET /api/follows/one-click': 'follow-notices.int.spec.ts: a GET changes nothing',
  'POST /api/calendar-sources/:id/sync': 'calendar-import.int.spec.ts: 401/403/404 by role, nothing queued on refusal',
  'GET /api/payload-jobs/run': 'default-routes.int.spec.ts: jobs',
  'GET /api/payload-jobs/handle-schedules': 'default-routes.int.spec.ts: jobs',
  'GET /api/payload-preferences/:key': 'rights matrix (payload-preferences: only one’s own)',
  'POST /api/payload-preferences/:key': 'rights matrix (payload-preferences)',
  'DELETE /api/payload-preferences/:key': 'rights matrix (payload-preferences)',
  'GET /api/globals/payload-jobs-stats/': 'this file: globals',
  'POST /api/globals/payload-jobs-stats/': 'this file: globals',
  'GET /api/globals/payload-jobs-stats/versions': 'this file: globals',
  'GET /api/globals/payload-jobs-stats/versions/:id': 'this file: globals',
  'POST /api/globals/payload-jobs-stats/versions/:id': 'this file: globals',
  'POST /api/globals/payload-jobs-stats/access': 'this file: answers only the caller’s own permissions',
}

const coveredBy = (route: Route): string | undefined => {
  const match = /^\/api\/([^/]+)(\/.*)$/.exec(route.path)
  if (match && match[1] in MATRIX && MATRIX_ROUTES.includes(`${route.method} ${match[2]}`)) return 'rights matrix'
  const generic = match ? `${route.method} /api/*${match[2]}` : ''
  return COVERED[key(route)] ?? COVERED[generic]
}

describe('route inventory', () => {
  it('lists the routes Payload mounts by itself, not only the ones we wrote', () => {
    const keys = inventory(config).map(key)
    for (const expected of [
      'POST /api/events/:id/duplicate',
      'POST /api/events/versions/:id',
      'POST /api/users/unlock',
      'GET /api/payload-locked-documents/',
      'GET /api/payload-preferences/:key',
      'GET /api/payload-jobs/run',
      'GET /api/payload-jobs/handle-schedules',
      'GET /api/globals/payload-jobs-stats/',
      'POST /api/newsletters/:id/test',
    ])
      expect(keys).toContain(expected)
  })

  it('every collection the CMS holds is in the rights matrix, and the matrix names no other', () => {
    expect(config.collections.map((c) => c.slug).sort()).toEqual(Object.keys(MATRIX).sort())
  })

  it('every route is covered by the rights matrix or a named test', () => {
    const uncovered = inventory(config)
      .filter((r) => !coveredBy(r))
      .map(key)
    expect(uncovered, 'routes nobody tests: add them to the matrix or to COVERED with a test').toEqual([])
  })

  it('names no route the CMS does not serve', () => {
    const keys = new Set(inventory(config).map(key))
    const generic = new Set(
      inventory(config).map((r) => `${r.method} ${r.path.replace(/^\/api\/(?!globals\/)[^/]+/, '/api/*')}`),
    )
    expect(Object.keys(COVERED).filter((k) => !keys.has(k) && !generic.has(k))).toEqual([])
  })
})

/** Answers that say a feature is switched off in this environment (no BOUNCE_WEBHOOK_SECRET here). */
const UNCONFIGURED: Record<string, number> = { 'POST /api/subscribers/bounces': 503 }

describe('the anonymous client on every route', () => {
  it('gets no server error, and writes nothing anywhere', async () => {
    const rows = async () =>
      Object.fromEntries(
        await Promise.all(config.collections.map(async (c) => [c.slug, await countAll(payload, c.slug as never)])),
      )
    const before = await rows()
    const event = (await payload.find({ collection: SLUGS.events, limit: 1, overrideAccess: true })).docs[0]
    const answers: string[] = []
    for (const route of inventory(config)) {
      const path = route.path
        .replace('/api', '')
        .replace(/:id\??/, String(event?.id ?? 1))
        .replace(':key', 'x')
        .replace(':filename', 'nessuno.png')
      const res = await rest(route.method as never, path, { body: route.method === 'GET' ? undefined : {} })
      answers.push(`${key(route)} → ${res.status}`)
      if (UNCONFIGURED[key(route)] === res.status) continue
      expect(res.status, `${key(route)}: never a server error`).toBeLessThan(500)
    }
    expect(await rows(), answers.join('\n')).toEqual(before)
  })

  it.each(Object.keys(MATRIX))('reads of %s follow read access in lists, counts and versions', async (slug) => {
    const publicRead = MATRIX[slug]?.rights('public', MATRIX[slug]?.owners[0] ?? 'network').read
    const count = await rest('GET', `/${slug}/count`)
    expect(count.status).toBeLessThan(500)
    // payload-preferences answers /count as a preference key: 200, no value.
    const empty = count.json?.totalDocs === 0 || (count.json?.totalDocs === undefined && count.json?.value == null)
    if (!publicRead) expect([401, 403, 404].includes(count.status) || empty, JSON.stringify(count)).toBe(true)
    const versions = await rest('GET', `/${slug}/versions`)
    expect(versions.status).toBeLessThan(500)
    if (versions.status < 400) expect(versions.json.docs ?? []).toEqual([])
  })

  it('an anonymous GET /api/subscribers, /api/deliveries and /api/registrations is refused', async () => {
    for (const slug of [SLUGS.subscribers, SLUGS.deliveries, SLUGS.registrations]) {
      const res = await rest('GET', `/${slug}`)
      expect(res.status, slug).toBe(403)
      expect(res.json.docs).toBeUndefined()
    }
  })

  it('first-register is refused once a user exists, and no user is written', async () => {
    const users = await countAll(payload, SLUGS.users)
    const res = await rest('POST', '/users/first-register', {
      body: { email: 'intruso@example.org', password: 'Intruso-2026-password', roles: ['network-admin'] },
    })
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(await countAll(payload, SLUGS.users)).toBe(users)
  })

  it('nobody uploads from a URL', async () => {
    for (const token of [undefined, await net.token('admin')]) {
      const res = await rest('GET', '/media/paste-url?src=http://127.0.0.1:1/x.png', { token })
      expect(res.status).toBeGreaterThanOrEqual(400)
      expect(res.status).toBeLessThan(500)
    }
  })

  it('access routes answer the caller’s permissions and no data', async () => {
    const res = await rest('GET', '/access')
    expect(res.status).toBe(200)
    expect(JSON.stringify(res.json)).not.toContain('@test.example.org')
  })
})

describe('project endpoints and globals, as staff of another system', () => {
  it('newsletter preview, test send and audience of system A are refused to system B and to contributors', async () => {
    const newsletter = await payload.create({
      collection: SLUGS.newsletters,
      data: { subject: 'Di A', system: net.systems.a } as never,
      overrideAccess: true,
    })
    for (const who of ['editorB', 'contributorA1', 'networkEditor'] as const) {
      const token = await net.token(who)
      const preview = await rest('GET', `/newsletters/${newsletter.id}/preview`, { token })
      const audience = await rest('GET', `/newsletters/${newsletter.id}/audience`, { token })
      const test = await rest('POST', `/newsletters/${newsletter.id}/test`, { token, body: {} })
      if (who === 'networkEditor') {
        // Network editors read every newsletter (they coordinate); a test goes to the caller's own address only.
        for (const [name, res] of Object.entries({ preview, audience, test }))
          expect(res.status, `${who} ${name}`).toBe(200)
        expect(test.json.sentTo).toBe(net.users.networkEditor.email)
        continue
      }
      for (const [name, res] of Object.entries({ preview, audience, test })) {
        expect(res.status, `${who} ${name}`).toBeGreaterThanOrEqual(400)
        expect(res.status, `${who} ${name}`).toBeLessThan(500)
      }
    }
  })

  it('"Invia ora" of system A is refused to system B, contributors and network editors; nothing is scheduled', async () => {
    const newsletter = await payload.create({
      collection: SLUGS.newsletters,
      data: { subject: 'Di A, da non inviare', system: net.systems.a } as never,
      overrideAccess: true,
    })
    for (const who of ['editorB', 'contributorA1', 'networkEditor'] as const) {
      const res = await rest('POST', `/newsletters/${newsletter.id}/send-now`, {
        token: await net.token(who),
        body: { confirm: true },
      })
      expect([403, 404], who).toContain(res.status)
    }
    const stored = await payload.findByID({ collection: SLUGS.newsletters, id: newsletter.id, overrideAccess: true })
    expect(stored.status).toBe('draft')
    expect(stored.scheduledAt ?? null).toBeNull()
  })

  it('subscriber export and erase are network admins’ only; the subscriber is still there', async () => {
    const subscriber = await payload.create({
      collection: SLUGS.subscribers,
      data: { email: 'persona@example.org', status: 'confirmed' } as never,
      overrideAccess: true,
    })
    for (const who of ['editorA', 'networkEditor', 'contributorA1'] as const) {
      const token = await net.token(who)
      expect((await rest('GET', `/subscribers/${subscriber.id}/export`, { token })).status, who).toBe(403)
      expect((await rest('POST', `/subscribers/${subscriber.id}/erase`, { token, body: {} })).status, who).toBe(403)
    }
    expect(await countAll(payload, SLUGS.subscribers, { id: { equals: subscriber.id } })).toBe(1)
  })

  it('the jobs stats global is read by network admins only and written by nobody', async () => {
    for (const who of ['editorA', 'contributorA1', 'networkEditor', 'admin'] as const) {
      const token = await net.token(who)
      const write = await rest('POST', '/globals/payload-jobs-stats', { token, body: { stats: { forged: true } } })
      expect(write.status, who).toBe(403)
      const read = await rest('GET', '/globals/payload-jobs-stats', { token })
      expect(read.status, who).toBe(who === 'admin' ? 200 : 403)
    }
    const stored = await payload.findGlobal({ slug: 'payload-jobs-stats' as never, overrideAccess: true })
    expect(JSON.stringify(stored)).not.toContain('forged')
  })
})
