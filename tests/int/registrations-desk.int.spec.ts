// The librarian's registrations desk (issue 14) on real SQLite, through the REST endpoints: every endpoint for
// every role (allowed ones work; refused ones get 401/403 with an Italian message and write nothing), desk and
// phone bookings, the waiting list with "oltre i posti", ticked arrivals, check-in by the QR code, the
// headcount's one attendance row, the CSV (safe against formulas), the PDF built by its job, its download and
// its deletion when expired.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'

type Wing = typeof import('../../cms/registrations')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>
type Who = 'admin' | 'networkEditor' | 'editorA' | 'editorB' | 'contributorA1' | 'contributorB1' | 'public'

let payload: Payload
let wing: Wing
let net: Net
let helpers: typeof import('../helpers/network')
let rest: typeof import('../helpers/payload')['rest']
let config: Awaited<typeof import('../../cms/payload.config')['default']>

const HOUR = 3_600_000

const token = async (who: Who) => (who === 'public' ? undefined : await net.token(who))

/** A request as a browser's plain HTML form sends it (urlencoded), with the session as a JWT. */
const formPost = async (apiPath: string, who: Who, fields: [string, string][]) => {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }
  const jwt = await token(who)
  if (jwt) headers.authorization = `JWT ${jwt}`
  const request = new Request(`http://localhost:3000/api${apiPath}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
  })
  const response = await handleEndpoints({ config, request, path: `/api${apiPath}` })
  return { status: response.status, location: response.headers.get('location'), text: await response.text() }
}

/** A GET whose body is kept as bytes (files). */
const download = async (apiPath: string, who: Who) => {
  const headers: Record<string, string> = {}
  const jwt = await token(who)
  if (jwt) headers.authorization = `JWT ${jwt}`
  const request = new Request(`http://localhost:3000/api${apiPath}`, { headers })
  const response = await handleEndpoints({ config, request, path: `/api${apiPath.split('?')[0]}` })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}

const registrable = async (registration: Record<string, unknown> = {}, overrides: Record<string, unknown> = {}) => {
  const event = (await helpers.fixtureEvent(payload, net, {
    title: 'Letture animate',
    registration: {
      mode: 'required',
      places: 5,
      maxPerBooking: 6,
      ageBands: ['0-2', '3-5'],
      waitingList: true,
      ...registration,
    },
    ...overrides,
  } as never)) as Event
  return { event, start: new Date(event.start).toISOString() }
}

const person = (event: number, start: string, overrides: Record<string, unknown> = {}) => ({
  event,
  start,
  adults: 1,
  children: [] as string[],
  name: 'Giulia Rossi',
  email: `p${Math.random().toString(36).slice(2)}@example.org`,
  ...overrides,
})

const booked = async (event: number, start: string, overrides: Record<string, unknown> = {}) => {
  const result = await wing.book(payload, person(event, start, overrides))
  if (!result.ok) throw new Error(result.message)
  return result.id as number
}

const row = (id: number | string) =>
  payload.findByID({ collection: 'registrations', id, overrideAccess: true, depth: 0 }) as Promise<any>

const jobs = async (task: string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: task } },
      pagination: false,
      overrideAccess: true,
      depth: 0,
    })
  ).docs as unknown as { id: number; input: Record<string, string> }[]

/** Everything a desk request could write: bookings (status, arrival), attendance rows, exports, queued jobs. */
const snapshot = async () => ({
  registrations: (
    await payload.find({ collection: 'registrations', pagination: false, overrideAccess: true, depth: 0, sort: 'id' })
  ).docs.map((r) => [r.id, r.status, r.people, r.checkedInAt ?? null, r.cancelledAt ?? null]),
  attendance: (
    await payload.find({ collection: 'attendance', pagination: false, overrideAccess: true, depth: 0, sort: 'id' })
  ).docs.map((a) => [a.id, a.total, a.walkIns, a.checkedIn, a.updatedAt]),
  exports: (
    await payload.find({ collection: 'exports', pagination: false, overrideAccess: true, depth: 0, sort: 'id' })
  ).docs.map((e) => [e.id, e.status]),
  jobs: await helpers.countAll(payload, 'payload-jobs' as never),
})

const checkInToken = async (id: number | string) => {
  const raw = (await payload.db.findOne({ collection: 'registrations', where: { id: { equals: id } } })) as any
  return new URL(wing.checkInUrl(payload.secret, raw)).searchParams.get('t') as string
}

/** Asks for a date's PDF as the admin and runs its job: the export's id. */
const readyPdf = async (event: number, start: string) => {
  const asked = await rest('POST', '/registrations/desk/pdf', { token: await token('admin'), body: { event, start } })
  expect(asked.status).toBe(202)
  const job = (await jobs('renderExport')).find((j) => j.input.exportId === String(asked.json.id))
  expect(job).toBeDefined()
  await payload.jobs.runByID({ id: job!.id, overrideAccess: true })
  return asked.json.id as number
}

beforeAll(async () => {
  const api = await import('../helpers/payload')
  payload = await api.getPayload()
  rest = api.rest
  config = await (await import('../../cms/payload.config')).default
  wing = await import('../../cms/registrations')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
})

afterAll(async () => payload.destroy())

/**
 * Each desk endpoint: how to prepare a target on an event of library A1 (system A), call it, and see that it
 * worked. Refused callers are checked against the same target, then an allowed caller proves it was usable.
 */
type Target = { event: number; start: string; id: number; t: string; exportId: number }
type Spec = {
  name: string
  call: (who: Who, t: Target) => Promise<{ status: number; json: any }>
  worked: (t: Target, res: { status: number; json: any }) => Promise<void>
  needsExport?: boolean
}

const prepare = async (library: 'a1' | 'a2' | 'b1', needsExport = false): Promise<Target> => {
  const system = library === 'b1' ? net.systems.b : net.systems.a
  const { event, start } = await registrable({}, { system, library: net.libraries[library] })
  const id = await booked(event.id, start, { name: 'Anna Verdi' })
  return {
    event: event.id,
    start,
    id,
    t: await checkInToken(id),
    exportId: needsExport ? await readyPdf(event.id, start) : 0,
  }
}

const SPECS: Spec[] = [
  {
    name: 'POST /desk/book',
    call: async (who, t) =>
      rest('POST', '/registrations/desk/book', {
        token: await token(who),
        body: {
          event: t.event,
          start: t.start,
          source: 'phone',
          name: 'Mario Bianchi',
          phone: '035 123456',
          adults: 1,
        },
      }),
    worked: async (t, res) => {
      expect(res.status).toBe(201)
      expect(await row(res.json.id)).toMatchObject({ event: t.event, source: 'phone', name: 'Mario Bianchi' })
    },
  },
  {
    name: 'POST /desk/status (cancel)',
    call: async (who, t) =>
      rest('POST', '/registrations/desk/status', { token: await token(who), body: { id: t.id, action: 'cancel' } }),
    worked: async (t, res) => {
      expect(res.status).toBe(200)
      expect((await row(t.id)).status).toBe('cancelled')
    },
  },
  {
    name: 'POST /desk/arrivals',
    call: async (who, t) =>
      rest('POST', '/registrations/desk/arrivals', {
        token: await token(who),
        body: { event: t.event, start: t.start, listed: [t.id], arrived: [t.id] },
      }),
    worked: async (t, res) => {
      expect(res.json).toMatchObject({ arrived: 1, undone: 0 })
      expect((await row(t.id)).status).toBe('attended')
    },
  },
  {
    name: 'POST /desk/headcount',
    call: async (who, t) =>
      rest('POST', '/registrations/desk/headcount', {
        token: await token(who),
        body: { event: t.event, start: t.start, walkIns: 3 },
      }),
    worked: async (t, res) => {
      expect(res.status).toBe(201)
      expect(res.json.attendance).toMatchObject({ event: t.event, walkIns: 3, total: 3, checkedIn: 0 })
    },
  },
  {
    name: 'POST /desk/pdf',
    call: async (who, t) =>
      rest('POST', '/registrations/desk/pdf', { token: await token(who), body: { event: t.event, start: t.start } }),
    worked: async (_t, res) => {
      expect(res.status).toBe(202)
      expect(await payload.findByID({ collection: 'exports', id: res.json.id, overrideAccess: true })).toMatchObject({
        status: 'queued',
        kind: 'registrations-pdf',
      })
    },
  },
  {
    name: 'GET /desk/csv',
    call: async (who, t) =>
      rest('GET', `/registrations/desk/csv?event=${t.event}&start=${encodeURIComponent(t.start)}`, {
        token: await token(who),
      }),
    worked: async (_t, res) => {
      expect(res.status).toBe(200)
      expect(String(res.json)).toContain('Anna Verdi')
    },
  },
  {
    name: 'POST /check-in',
    call: async (who, t) => rest('POST', '/registrations/check-in', { token: await token(who), body: { t: t.t } }),
    worked: async (t, res) => {
      expect(res.json).toMatchObject({ already: false, booking: { name: 'Anna Verdi', status: 'attended' } })
      expect((await row(t.id)).status).toBe('attended')
    },
  },
  {
    name: 'GET /exports/:id/download',
    needsExport: true,
    call: async (who, t) => {
      const res = await download(`/exports/${t.exportId}/download`, who)
      let json: any = res.body.toString('utf8')
      try {
        json = JSON.parse(json)
      } catch {}
      return { status: res.status, json }
    },
    worked: async (_t, res) => {
      expect(res.status).toBe(200)
      expect(String(res.json).startsWith('%PDF-')).toBe(true)
    },
  },
]

describe('rights: each desk endpoint for each role', () => {
  it.each(SPECS.map((s) => [s.name, s] as const))(
    '%s: system A’s staff may; other systems, network editors and the anonymous get 401/403 and nothing is written',
    async (_name, spec) => {
      for (const who of ['admin', 'editorA', 'contributorA1'] as const) {
        const target = await prepare('a1', spec.needsExport)
        await spec.worked(target, await spec.call(who, target))
      }
      const target = await prepare('a1', spec.needsExport)
      const refusals: [Who, number, string][] = [
        ['public', 401, wing.DESK_ERRORS.login],
        ['editorB', 403, wing.DESK_ERRORS.forbidden],
        ['contributorB1', 403, wing.DESK_ERRORS.forbidden],
        ['networkEditor', 403, wing.DESK_ERRORS.forbidden],
      ]
      // A library's contributor, on an event of another library of the same system.
      const otherLibrary = await prepare('a2', spec.needsExport)
      const before = await snapshot()
      for (const [who, status, message] of refusals) {
        const res = await spec.call(who, target)
        expect(res.status, who).toBe(status)
        expect(res.json?.error, who).toBe(message)
      }
      const res = await spec.call('contributorA1', otherLibrary)
      expect(res.status).toBe(403)
      expect(res.json?.error).toBe(wing.DESK_ERRORS.forbidden)
      expect(await snapshot()).toEqual(before)
    },
    60_000,
  )

  it('a forged session cookie from another site is not a session: the form post is refused and writes nothing', async () => {
    const target = await prepare('a1')
    const before = await snapshot()
    const jwt = await token('admin')
    const request = new Request('http://localhost:3000/api/registrations/desk/status', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        cookie: `payload-token=${jwt}`,
        origin: 'https://evil.example.org',
      },
      body: new URLSearchParams({ id: String(target.id), action: 'cancel' }).toString(),
    })
    const response = await handleEndpoints({ config, request, path: '/api/registrations/desk/status' })
    expect(response.status).toBe(401)
    expect(await response.text()).toBe(wing.DESK_ERRORS.login)
    expect(await snapshot()).toEqual(before)
  })
})

describe('bookings at the desk', () => {
  it('a phone booking needs no email: it is confirmed with the phone only, and no confirmation mail is queued', async () => {
    const { event, start } = await registrable({ closesHoursBefore: 24 * 30 })
    const mails = (await jobs('sendRegistrationMail')).length
    // Online booking is already closed (30 days before); the desk may still book.
    expect(await wing.book(payload, person(event.id, start))).toMatchObject({ ok: false, code: 'closed' })
    const res = await rest('POST', '/registrations/desk/book', {
      token: await token('contributorA1'),
      body: {
        event: event.id,
        start,
        source: 'phone',
        name: 'Pietro Gallo',
        phone: '+39 035 123456',
        adults: 2,
        bands: { '3-5': 1, '0-2': 1 },
      },
    })
    expect(res.status).toBe(201)
    expect(res.json.status).toBe('confirmed')
    expect(await row(res.json.id)).toMatchObject({
      source: 'phone',
      email: null,
      phone: '+39 035 123456',
      adults: 2,
      people: 4,
      children: [{ band: '3-5' }, { band: '0-2' }],
    })
    expect((await jobs('sendRegistrationMail')).length).toBe(mails)
  })

  it('bad input gets its Italian message naming the field and writes nothing; a form is sent back with it', async () => {
    const { event, start } = await registrable()
    const before = await snapshot()
    const jwt = await token('editorA')
    const base = { event: event.id, start, source: 'desk', name: 'Lia Neri', adults: 1 }
    const cases: [Record<string, unknown>, string][] = [
      [{ email: '', phone: '' }, wing.BOOK_ERRORS.contact],
      [{ source: 'web', phone: '1' }, wing.DESK_ERRORS.source],
      [{ adults: 0, phone: '1' }, wing.BOOK_ERRORS.adults],
      [{ phone: '1', bands: { '3-5': 'tre' } }, wing.DESK_ERRORS.count('3–5 anni')],
      [{ phone: '1', bands: { '6-10': 1 } }, wing.BOOK_ERRORS.band('6-10')],
      [{ phone: '1', name: 'Lia\r\nBcc: x' }, wing.BOOK_ERRORS.nameControl],
      [{ phone: '1', start: '2020-01-01T10:00:00.000Z' }, wing.DESK_ERRORS.noDate],
    ]
    for (const [extra, message] of cases) {
      const res = await rest('POST', '/registrations/desk/book', { token: jwt, body: { ...base, ...extra } })
      expect(res.status, message).toBeGreaterThanOrEqual(400)
      expect(res.status, message).toBeLessThan(500)
      expect(res.json.error).toBe(message)
    }
    const form = await formPost('/registrations/desk/book', 'editorA', [
      ['event', String(event.id)],
      ['start', start],
      ['source', 'desk'],
      ['name', 'Lia Neri'],
      ['adults', '0'],
      ['phone', '035 1'],
    ])
    expect(form.status).toBe(303)
    const back = new URL(form.location ?? '', 'http://x')
    expect(back.pathname).toBe(`/admin/iscrizioni/${event.id}/${start}`)
    expect(back.hash).toBe('#aggiungi')
    expect(back.searchParams.get('esito')).toBe('book.adults')
    expect(wing.deskMessage('it', wing.noticeFrom(Object.fromEntries(back.searchParams))!)).toBe(
      wing.BOOK_ERRORS.adults,
    )
    expect(await snapshot()).toEqual(before)
  })

  it('a full date: the desk booking joins the waiting list; confirming it is refused, then forced “oltre i posti”', async () => {
    const { event, start } = await registrable({ places: 2 })
    await booked(event.id, start, { adults: 2 })
    const jwt = await token('editorA')
    const res = await rest('POST', '/registrations/desk/book', {
      token: jwt,
      body: { event: event.id, start, source: 'desk', name: 'Carla Riva', email: 'carla@example.org', adults: 1 },
    })
    expect(res.json.status).toBe('waiting')
    const waiting = res.json.id as number
    const before = await snapshot()
    const refused = await rest('POST', '/registrations/desk/status', {
      token: jwt,
      body: { id: waiting, action: 'confirm' },
    })
    expect(refused.status).toBe(409)
    expect(refused.json.error).toBe(wing.STATUS_ERRORS.full)
    expect(await snapshot()).toEqual(before)

    const forced = await rest('POST', '/registrations/desk/status', {
      token: jwt,
      body: { id: waiting, action: 'confirm', force: true },
    })
    expect(forced.status).toBe(200)
    expect((await row(waiting)).status).toBe('confirmed')
    expect(await wing.sumHeld(payload, { event: event.id, start: new Date(start) })).toBe(3)
    expect(
      (await jobs('sendRegistrationMail')).filter(
        (j) => j.input.registrationId === String(waiting) && j.input.kind === 'confirmation',
      ),
    ).toHaveLength(2) // the waiting-list mail when booked, the confirmation now
  })

  it('cancelling at the desk gives the places back, tells the person by mail and offers the places to the list', async () => {
    const { event, start } = await registrable({ places: 1 })
    const a = await booked(event.id, start, { email: 'anna@example.org' })
    const phoneOnly = await wing.book(payload, person(event.id, start, { email: '', phone: '035 2' }), undefined, {
      source: 'phone',
    })
    expect(phoneOnly).toMatchObject({ status: 'waiting' })
    const form = await formPost('/registrations/desk/status', 'editorA', [
      ['id', String(a)],
      ['action', 'cancel'],
      ['event', String(event.id)],
      ['start', start],
    ])
    expect(form.status).toBe(303)
    expect(new URL(form.location ?? '', 'http://x').searchParams.get('esito')).toBe('done.cancelled')
    expect((await row(a)).status).toBe('cancelled')
    expect(await wing.sumHeld(payload, { event: event.id, start: new Date(start) })).toBe(0)
    const mails = await jobs('sendRegistrationMail')
    expect(mails.filter((j) => j.input.registrationId === String(a) && j.input.kind === 'cancelled')).toHaveLength(1)
    expect((await jobs('promoteWaitingList')).some((j) => j.input.event === String(event.id))).toBe(true)
    // Cancelling a booking without an address queues no mail.
    const cancelled = await rest('POST', '/registrations/desk/status', {
      token: await token('editorA'),
      body: { id: (phoneOnly as { id: number }).id, action: 'cancel' },
    })
    expect(cancelled.status).toBe(200)
    expect(
      (await jobs('sendRegistrationMail')).filter(
        (j) => j.input.registrationId === String((phoneOnly as { id: number }).id) && j.input.kind === 'cancelled',
      ),
    ).toHaveLength(0)
  })
})

describe('arrivals and the headcount', () => {
  it('ticking arrivals: ticked ones arrive, unticked ones go back; the attendance row follows', async () => {
    const { event, start } = await registrable({ places: 10 })
    const a = await booked(event.id, start, { adults: 1, children: ['3-5'] })
    const b = await booked(event.id, start, { adults: 2 })
    const c = await booked(event.id, start, { adults: 1 })
    const tick = (arrived: number[]) =>
      formPost('/registrations/desk/arrivals', 'contributorA1', [
        ['event', String(event.id)],
        ['start', start],
        ...[a, b, c].map((id): [string, string] => ['listed', String(id)]),
        ...arrived.map((id): [string, string] => ['arrived', String(id)]),
      ])
    const first = await tick([a, b])
    expect(first.status).toBe(303)
    const notice = new URL(first.location ?? '', 'http://x').searchParams
    expect(wing.deskMessage('it', wing.noticeFrom(Object.fromEntries(notice))!)).toBe(
      'Arrivi salvati: 2 arrivi segnati, 0 annullati.',
    )
    expect([(await row(a)).status, (await row(b)).status, (await row(c)).status]).toEqual([
      'attended',
      'attended',
      'confirmed',
    ])
    // The headcount: 2 walk-ins; the total is the arrivals (4 people) plus them.
    const saved = await rest('POST', '/registrations/desk/headcount', {
      token: await token('editorA'),
      body: { event: event.id, start, walkIns: 2, bands: { '3-5': 2 }, format: 'outdoor', notes: 'Sole' },
    })
    expect(saved.status).toBe(201)
    expect(saved.json.attendance).toMatchObject({ checkedIn: 4, walkIns: 2, total: 6, format: 'outdoor' })
    // Unticking B: checkedIn and the computed total follow.
    await tick([a])
    expect((await row(b)).status).toBe('confirmed')
    const rows = await payload.find({
      collection: 'attendance',
      where: { event: { equals: event.id } },
      overrideAccess: true,
    })
    expect(rows.docs).toHaveLength(1)
    expect(rows.docs[0]).toMatchObject({ checkedIn: 2, walkIns: 2, total: 4 })
  })

  it('the headcount creates the date’s one attendance row, then updates it (a new version); checkedIn is recomputed, never taken from the form', async () => {
    const { event, start } = await registrable({ places: 10 })
    const a = await booked(event.id, start, { adults: 2 })
    await wing.changeStatus(payload, a, 'attended')
    const jwt = await token('editorA')
    const body = { event: event.id, start, walkIns: 5, checkedIn: 99, bands: { '0-2': 1, '6-10': 2 } }
    const created = await rest('POST', '/registrations/desk/headcount', { token: jwt, body })
    expect(created.status).toBe(201)
    expect(created.json.attendance).toMatchObject({
      checkedIn: 2,
      walkIns: 5,
      total: 7,
      format: 'presence',
      system: net.systems.a,
      library: net.libraries.a1,
    })
    expect(created.json.attendance.bands.map((b: any) => [b.band, b.count])).toEqual([
      ['0-2', 1],
      ['6-10', 2],
    ])
    const updated = await rest('POST', '/registrations/desk/headcount', {
      token: jwt,
      body: { event: event.id, start, walkIns: 4, total: 10, notes: 'Pioggia' },
    })
    expect(updated.status).toBe(200)
    expect(updated.json.attendance).toMatchObject({
      id: created.json.attendance.id,
      total: 10,
      walkIns: 4,
      notes: 'Pioggia',
    })
    const versions = await payload.countVersions({
      collection: 'attendance',
      where: { parent: { equals: created.json.attendance.id } },
      overrideAccess: true,
    })
    expect(versions.totalDocs).toBeGreaterThanOrEqual(2)
    // A typed total is kept when an arrival is added later; checkedIn follows.
    const b = await booked(event.id, start, { adults: 1 })
    await rest('POST', '/registrations/desk/status', { token: jwt, body: { id: b, action: 'arrive' } })
    const after = await payload.findByID({
      collection: 'attendance',
      id: created.json.attendance.id,
      overrideAccess: true,
    })
    expect(after).toMatchObject({ checkedIn: 3, total: 10 })
    // A plain form sends back the computed total it showed, untouched: it is computed again from the walk-ins.
    const untouched = await rest('POST', '/registrations/desk/headcount', {
      token: jwt,
      body: { event: event.id, start, walkIns: 6, total: 10, totalShown: 10 },
    })
    expect(untouched.json.attendance).toMatchObject({ checkedIn: 3, walkIns: 6, total: 9 })

    const before = await snapshot()
    for (const [extra, message] of [
      [{ total: 2 }, wing.DESK_ERRORS.totalTooSmall(3, 4)],
      [{ total: 2, totalShown: 3 }, wing.DESK_ERRORS.totalTooSmall(3, 4)],
      [{ total: 8, bands: { '3-5': 9 } }, wing.DESK_ERRORS.bandsTooMany(9, 8)],
      [{ walkIns: -1 }, wing.DESK_ERRORS.count('Persone venute senza iscrizione')],
      [{ format: 'teatro' }, wing.DESK_ERRORS.format],
      [{ bands: { adulti: 1 } }, wing.DESK_ERRORS.unknownBand],
    ] as const) {
      const res = await rest('POST', '/registrations/desk/headcount', {
        token: jwt,
        body: { event: event.id, start, walkIns: 4, ...extra },
      })
      expect(res.status, message).toBe(400)
      expect(res.json.error).toBe(message)
    }
    expect(await snapshot()).toEqual(before)
  })
})

describe('check-in by the QR code of the confirmation', () => {
  it('staff of the event’s system record the arrival once; another system, a forged or a cancelled code are refused and write nothing', async () => {
    const { event, start } = await registrable({ places: 10 })
    const a = await booked(event.id, start, { adults: 1, children: ['0-2'] })
    const t = await checkInToken(a)
    const before = await snapshot()
    const other = await rest('POST', '/registrations/check-in', { token: await token('editorB'), body: { t } })
    expect(other.status).toBe(403)
    expect(other.json.error).toBe(wing.DESK_ERRORS.forbidden)
    const forged = `${t.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`
    const bad = await rest('POST', '/registrations/check-in', { token: await token('editorA'), body: { t: forged } })
    expect(bad.status).toBe(400)
    expect(bad.json.error).toBe(wing.DESK_ERRORS.token)
    // A cancel link's token is of another purpose: not a check-in code.
    const raw = (await payload.db.findOne({ collection: 'registrations', where: { id: { equals: a } } })) as any
    const cancelLink = new URL(wing.cancelUrl(payload.secret, raw)).searchParams.get('t')
    expect(
      (await rest('POST', '/registrations/check-in', { token: await token('editorA'), body: { t: cancelLink } }))
        .status,
    ).toBe(400)
    expect(await snapshot()).toEqual(before)

    const jwt = await token('editorA')
    const lookup = await wing.checkInLookup(
      payload,
      { user: net.as('editorA') as never, where: { system: { equals: net.systems.a } } },
      t,
    )
    expect(lookup).toMatchObject({ ok: true, booking: { name: 'Giulia Rossi', people: 2, status: 'confirmed' } })
    const form = await formPost('/registrations/check-in', 'editorA', [['t', t]])
    expect(form.status).toBe(303)
    const back = new URL(form.location ?? '', 'http://x')
    expect(back.pathname).toBe('/admin/iscrizioni/arrivo')
    expect(back.searchParams.get('t')).toBe(t)
    expect(back.searchParams.get('esito')).toBe('done.arrived')
    expect((await row(a)).status).toBe('attended')
    const again = await rest('POST', '/registrations/check-in', { token: jwt, body: { t } })
    expect(again.json).toMatchObject({ already: true })

    // A booking cancelled by staff: its code no longer records an arrival.
    const b = await booked(event.id, start)
    await wing.changeStatus(payload, b, 'cancelled')
    const cancelled = await rest('POST', '/registrations/check-in', { token: jwt, body: { t: await checkInToken(b) } })
    expect(cancelled.status).toBe(409)
    expect(cancelled.json.error).toBe(wing.DESK_ERRORS.cancelledBooking)
    // A booking on the waiting list has no place to arrive to.
    const full = await registrable({ places: 1 })
    await booked(full.event.id, full.start)
    const waiting = await booked(full.event.id, full.start)
    const notConfirmed = await rest('POST', '/registrations/check-in', {
      token: jwt,
      body: { t: await checkInToken(waiting) },
    })
    expect(notConfirmed.status).toBe(409)
    expect(notConfirmed.json.error).toBe(wing.DESK_ERRORS.notConfirmed('In lista d’attesa'))
    // The code expires a day after the date.
    const late = await wing.checkInLookup(
      payload,
      { user: net.as('admin') as never, where: null },
      t,
      new Date(new Date(start).getTime() + 25 * HOUR),
    )
    expect(late).toMatchObject({ ok: false, status: 410, message: wing.DESK_ERRORS.tokenExpired })
  })
})

describe('the list as CSV and PDF', () => {
  it('CSV for Italian Excel: BOM, “;”, one row per booking; cells that would run as formulas are neutralised', async () => {
    const { event, start } = await registrable({ places: 10, question: 'Allergie?' })
    await booked(event.id, start, { name: '=HYPERLINK("http://x")', children: ['3-5', '3-5'], answer: '@SUM(1)' })
    await wing.book(payload, person(event.id, start, { name: '+1', email: '', phone: '+39 035 1' }), undefined, {
      source: 'phone',
    })
    await booked(event.id, start, { name: 'Rossi; Bianchi "Famiglia"' })
    const res = await download(
      `/registrations/desk/csv?event=${event.id}&start=${encodeURIComponent(start)}`,
      'editorA',
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="iscrizioni-[a-z0-9-]+-\d{4}-\d\d-\d\d-\d{4}\.csv"$/,
    )
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = res.body.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe(
      'Nome;Email;Telefono;Adulti;0–2 anni;3–5 anni;Persone;Stato;Canale;Iscritto il;Arrivo;Risposta',
    )
    expect(lines[1]).toMatch(
      /^"'=HYPERLINK\(""http:\/\/x""\)";p\w+@example\.org;;1;0;2;3;Confermata;Dal sito;\d\d\/\d\d\/\d{4} \d\d:\d\d;;'@SUM\(1\)$/,
    )
    expect(lines[2]).toMatch(/^'\+1;;'\+39 035 1;1;0;0;1;Confermata;Per telefono;/)
    expect(lines[3]).toMatch(/^"Rossi; Bianchi ""Famiglia""";/)
    // Every cell that a spreadsheet would evaluate starts with an apostrophe.
    for (const value of ['=1+1', '+1', '-1', '@A1', '\t=1', '\r=1', '＝1'])
      expect(wing.csvCell(value).replace(/^"/, '').startsWith("'")).toBe(true)
    expect(wing.csvCell('Anna')).toBe('Anna')
  })

  it('the PDF: asked by the sheet, built by its job, with the names and counts; downloaded only by the event’s system', async () => {
    const { event, start } = await registrable({ places: 4 })
    const a = await booked(event.id, start, { name: 'Anna Verdi', adults: 1, children: ['3-5'] })
    await booked(event.id, start, { name: 'Łukasz Nowak', adults: 2 })
    await booked(event.id, start, { name: 'Bruno Neri', adults: 1 })
    await wing.changeStatus(payload, a, 'attended')
    const form = await formPost('/registrations/desk/pdf', 'editorA', [
      ['event', String(event.id)],
      ['start', start],
    ])
    expect(form.status).toBe(303)
    expect(new URL(form.location ?? '', 'http://x').hash).toBe('#elenco')
    const [queued] = await wing.listExports(
      payload,
      { user: net.as('editorA') as never, where: null },
      { event: event.id, start },
    )
    expect(queued).toMatchObject({ status: 'queued' })
    const pending = await download(`/exports/${queued!.id}/download`, 'editorA')
    expect(pending.status).toBe(409)
    const job = (await jobs('renderExport')).find((j) => j.input.exportId === String(queued!.id))
    await payload.jobs.runByID({ id: job!.id, overrideAccess: true })
    const stored = await payload.findByID({ collection: 'exports', id: queued!.id, overrideAccess: true })
    expect(stored).toMatchObject({ status: 'ready', mimeType: 'application/pdf' })
    expect(new Date(stored.expiresAt as string).getTime() - new Date(stored.createdAt).getTime()).toBeCloseTo(
      24 * HOUR,
      -4,
    )

    const res = await download(`/exports/${queued!.id}/download`, 'contributorA1')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="iscrizioni-.+\.pdf"$/)
    const dir = mkdtempSync(path.join(tmpdir(), 'desk-pdf-'))
    const file = path.join(dir, 'list.pdf')
    writeFileSync(file, res.body)
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    for (const expected of [
      'Letture animate',
      'Anna Verdi',
      'Łukasz Nowak',
      'In lista d’attesa',
      'Bruno Neri',
      '1 adulto, 1 bambino (3–5 anni)',
      'Posti: 4',
      'Confermati: 4',
      'Arrivati: 2',
      'In attesa: 1',
      'Posti liberi: 0',
      'Pagina 1 di 1',
    ])
      expect(text).toContain(expected)

    for (const [who, status] of [
      ['editorB', 403],
      ['contributorB1', 403],
      ['networkEditor', 403],
      ['public', 401],
    ] as const) {
      const refused = await download(`/exports/${queued!.id}/download`, who)
      expect(refused.status, who).toBe(status)
      expect(refused.body.toString('utf8')).not.toContain('%PDF')
    }
  })

  it('purgeExports deletes expired files and their rows, and files no row names; fresh ones stay', async () => {
    const { event, start } = await registrable()
    await booked(event.id, start)
    const old = await readyPdf(event.id, start)
    const dir = path.join(process.env.DATA_DIR as string, 'exports')
    const files = () => (existsSync(dir) ? readdirSync(dir) : [])
    expect(files().length).toBeGreaterThan(0)
    writeFileSync(path.join(dir, 'stray.bin'), 'x')
    // Tomorrow this one has expired; one asked for tomorrow has not.
    const tomorrow = new Date(Date.now() + 25 * HOUR)
    const fresh = await wing.requestListPdf(
      payload,
      { user: net.as('admin') as never, where: null },
      event.id,
      start,
      tomorrow,
    )
    expect(fresh.ok).toBe(true)
    const job = (await jobs('renderExport')).find((j) => j.input.exportId === String((fresh as { id: number }).id))
    await payload.jobs.runByID({ id: job!.id, overrideAccess: true })
    const deleted = await wing.purgeExports(payload, new Date(tomorrow.getTime() + 2 * HOUR))
    expect(deleted).toBeGreaterThanOrEqual(2)
    expect(await helpers.countAll(payload, 'exports' as never, { id: { equals: old } })).toBe(0)
    expect(files()).not.toContain(`${old}.bin`)
    expect(files()).not.toContain('stray.bin')
    expect(files()).toContain(`${(fresh as { id: number }).id}.bin`)
    const gone = await download(`/exports/${old}/download`, 'admin')
    expect(gone.status).toBe(404)
  })
})

describe('the desk’s index and sheet', () => {
  it('lists only the caller’s dates with their counts; a contributor sees only their library', async () => {
    const a1 = await registrable({ places: 6 }, { title: 'Storie in A1' })
    const a2 = await registrable({ places: 6 }, { title: 'Storie in A2', library: net.libraries.a2 })
    const b1 = await registrable(
      { places: 6 },
      { title: 'Storie in B1', system: net.systems.b, library: net.libraries.b1 },
    )
    await booked(a1.event.id, a1.start, { adults: 2 })
    const w = await booked(a1.event.id, a1.start, { adults: 1 })
    await wing.changeStatus(payload, w, 'cancelled')
    await booked(b1.event.id, b1.start)
    const scopeOf = async (who: Exclude<Who, 'public'>) => {
      const allowed = await wing.deskScope({ user: net.as(who) } as never)
      if (!allowed.ok) throw new Error(allowed.message)
      return allowed.scope
    }
    const titles = async (who: Exclude<Who, 'public'>) =>
      (await wing.deskDates(payload, await scopeOf(who), { to: new Date(Date.now() + 365 * 24 * HOUR) })).rows.map(
        (r) => r.title,
      )
    expect(await titles('editorA')).toEqual(expect.arrayContaining(['Storie in A1', 'Storie in A2']))
    expect(await titles('editorA')).not.toContain('Storie in B1')
    expect(await titles('contributorA1')).toContain('Storie in A1')
    expect(await titles('contributorA1')).not.toContain('Storie in A2')
    expect(await titles('editorB')).toEqual(['Storie in B1'])
    const row = (await wing.deskDates(payload, await scopeOf('editorA'))).rows.find((r) => r.title === 'Storie in A1')
    expect(row).toMatchObject({ capacity: 6, left: 4 })
    expect(row?.counts.people).toMatchObject({ confirmed: 2, cancelled: 1, waiting: 0 })
    expect((await wing.deskScope({ user: net.as('networkEditor') } as never)).ok).toBe(false)
    expect(await wing.deskScope({ user: null } as never)).toMatchObject({ ok: false, status: 401 })

    const sheet = await wing.dateSheet(payload, await scopeOf('contributorA1'), a1.event.id, a1.start)
    expect(sheet.ok && sheet.sheet.bookings.map((b) => b.status)).toEqual(['confirmed', 'cancelled'])
    expect(await wing.dateSheet(payload, await scopeOf('contributorA1'), a2.event.id, a2.start)).toMatchObject({
      ok: false,
      status: 403,
    })
    expect(
      await wing.dateSheet(payload, await scopeOf('admin'), a1.event.id, '2020-01-01T00:00:00.000Z'),
    ).toMatchObject({
      ok: false,
      status: 404,
    })
  })
})
