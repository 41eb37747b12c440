// Statistics (issue 15) on real SQLite: the figures of a period and scope are counted in the database by the
// SQL implementation and by the Local API one, and both agree with counts made here from the data set this
// file writes; a system sees only its own figures; the tables download as CSV and XLSX, formula-safe.
import type { Payload } from 'payload'
import { handleEndpoints } from 'payload'
import readXlsxFile from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { onSqlite } from '../helpers/db-kind'

type Wing = typeof import('../../cms/statistics')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>
type Helpers = typeof import('../helpers/network')
type Who = 'admin' | 'networkEditor' | 'editorA' | 'editorB' | 'contributorA1' | 'contributorB1' | 'public'
type Id = number | string

let payload: Payload
let wing: Wing
let net: Net
let helpers: Helpers
let config: Awaited<typeof import('../../cms/payload.config')['default']>
let bands: Record<string, Id>
let funder: Id
let formulaFunder: Id

const DAY = 86_400_000
/** `YYYY-MM` as Rome's calendar has it, written here independently of the wing. */
const ROME_MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' })
const now = new Date()
/** The period every report here asks for: the last 120 days and the next 30; the year before is seeded too. */
const period = () => ({ from: new Date(now.getTime() - 120 * DAY), to: new Date(now.getTime() + 30 * DAY) })

/** What this file wrote, kept to count the expected figures by hand. */
type Seeded = {
  start: string
  system: 'a' | 'b'
  library: 'a1' | 'a2' | 'b1'
  category: boolean
  campaign: boolean
  /** The event's own support list. */
  funders: Id[]
  /** A rassegna of the event, supported by these funders. */
  series?: Id
  /** The funders the event has by its rassegna or campaign (mergeSupport's rule), written here by hand. */
  via?: Id[]
  attendance?: { total: number; format: string; outcome: string; ages: Record<string, number> }
  bookings: { status: string; people: number }[]
  places?: number
}
const seeded: Seeded[] = []

let slot = 0
const seedDate = async (s: Omit<Seeded, 'start'>, days: number, hour = 10) => {
  slot++
  const start = helpers.romeAt(days, hour, slot)
  const event = await helpers.fixtureEvent(payload, net, {
    title: `Incontro ${slot}`,
    start,
    end: helpers.romeAt(days, hour + 1, slot),
    system: net.systems[s.system],
    library: net.libraries[s.library],
    categories: s.category ? [net.category] : [],
    campaigns: s.campaign ? [net.campaign] : [],
    support: s.funders.map((f) => ({ funder: f, role: 'supported' })),
    ...(s.series ? { series: s.series } : {}),
    ...(s.places ? { registration: { mode: 'required', places: s.places, maxPerBooking: 6 } } : {}),
  } as never)
  const at = new Date(event.start).toISOString()
  const base = { event: event.id, start: at, system: net.systems[s.system], library: net.libraries[s.library] }
  if (s.attendance)
    await payload.create({
      collection: 'attendance',
      data: {
        ...base,
        total: s.attendance.total,
        format: s.attendance.format,
        outcome: s.attendance.outcome,
        ages: Object.entries(s.attendance.ages).map(([band, count]) => ({ band: bands[band], count })),
      } as never,
      overrideAccess: true,
    })
  for (const b of s.bookings)
    await payload.create({
      collection: 'registrations',
      data: {
        ...base,
        status: b.status as never,
        people: b.people,
        adults: b.people,
        source: 'desk',
        name: 'Famiglia',
        phone: '035 1',
      },
      overrideAccess: true,
    })
  seeded.push({ ...s, start: at })
}

const subscribersSeed: { confirmedAt: Date; status: string; systems: ('a' | 'b')[] }[] = []
const subscriber = async (daysAgo: number, status: string, systems: ('a' | 'b')[]) => {
  const { newNonce } = await import('../../cms/newsletter/tokens')
  const confirmedAt = new Date(now.getTime() - daysAgo * DAY)
  await payload.create({
    collection: 'subscribers',
    data: {
      email: `iscritto${subscribersSeed.length}@example.org`,
      status,
      language: 'it',
      tokenNonce: newNonce(),
      consent: { confirmedAt: confirmedAt.toISOString() },
      preferences: { weeklyDigest: true, systems: systems.map((k) => net.systems[k]) },
    } as never,
    overrideAccess: true,
  })
  subscribersSeed.push({ confirmedAt, status, systems })
}

beforeAll(async () => {
  payload = await (await import('../helpers/payload')).getPayload()
  config = await (await import('../../cms/payload.config')).default
  wing = await import('../../cms/statistics')
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
  const attendanceWing = await import('../../cms/attendance')
  await attendanceWing.ensureAttendanceBands(payload)
  const list = await attendanceWing.listBands(payload)
  const named = (name: string) => list.find((b) => b.name === name)?.id as Id
  bands = { young: named('0–5 anni'), child: named('6–11 anni'), adult: named('Adulti') }
  const newFunder = async (name: string) =>
    (await payload.create({ collection: 'funders', data: { name, kind: 'foundation' } as never, overrideAccess: true }))
      .id
  funder = await newFunder('Fondazione Comunità Bergamasca')
  formulaFunder = await newFunder('=HYPERLINK("http://x")')
  // The campaign is supported by the same funder as its event (counted once); a rassegna by the other one.
  await payload.update({
    collection: 'campaigns',
    id: net.campaign,
    data: { support: [{ funder, role: 'funded' }] } as never,
    overrideAccess: true,
  })
  const series = (
    await payload.create({
      collection: 'series',
      data: {
        title: 'Storie in biblioteca',
        system: net.systems.a,
        support: [{ funder: formulaFunder, role: 'partner' }],
      } as never,
      overrideAccess: true,
    })
  ).id

  // This period.
  await seedDate(
    {
      system: 'a',
      library: 'a1',
      category: true,
      campaign: false,
      funders: [funder],
      series,
      via: [formulaFunder],
      attendance: { total: 20, format: 'presence', outcome: 'held', ages: { child: 8, adult: 12 } },
      bookings: [
        { status: 'confirmed', people: 3 },
        { status: 'attended', people: 5 },
        { status: 'waiting', people: 2 },
        { status: 'cancelled', people: 4 },
      ],
    },
    -10,
  )
  await seedDate(
    {
      system: 'a',
      library: 'a2',
      category: false,
      campaign: false,
      funders: [formulaFunder],
      attendance: { total: 7, format: 'online', outcome: 'held', ages: { adult: 7 } },
      bookings: [],
    },
    -40,
  )
  await seedDate(
    {
      system: 'b',
      library: 'b1',
      category: true,
      campaign: true,
      funders: [funder],
      via: [funder],
      attendance: { total: 15, format: 'outdoor', outcome: 'held', ages: { young: 5, adult: 10 } },
      bookings: [{ status: 'offered', people: 1 }],
    },
    -70,
  )
  await seedDate(
    {
      system: 'b',
      library: 'b1',
      category: false,
      campaign: false,
      funders: [],
      attendance: { total: 0, format: 'presence', outcome: 'cancelled', ages: {} },
      bookings: [],
    },
    -100,
  )
  await seedDate(
    {
      system: 'a',
      library: 'a1',
      category: true,
      campaign: false,
      funders: [],
      places: 30,
      bookings: [
        { status: 'confirmed', people: 4 },
        { status: 'waiting', people: 3 },
      ],
    },
    5,
  )
  // A few minutes after midnight on the 1st of last month in Rome: still the month before in UTC.
  const today = new Date(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now)}T00:00:00Z`)
  const firstOfLastMonth = Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1)
  await seedDate(
    {
      system: 'b',
      library: 'b1',
      category: false,
      campaign: false,
      funders: [],
      attendance: { total: 3, format: 'presence', outcome: 'held', ages: {} },
      bookings: [],
    },
    Math.round((firstOfLastMonth - today.getTime()) / DAY),
    0,
  )
  const midnight = seeded.at(-1)?.start ?? ''
  expect(midnight.slice(0, 7)).not.toBe(ROME_MONTH.format(new Date(midnight)))
  // The same period a year earlier.
  await seedDate(
    {
      system: 'a',
      library: 'a1',
      category: true,
      campaign: false,
      funders: [funder],
      attendance: { total: 9, format: 'presence', outcome: 'held', ages: { adult: 9 } },
      bookings: [{ status: 'confirmed', people: 2 }],
    },
    -375,
  )
  // Outside both periods.
  await seedDate(
    {
      system: 'a',
      library: 'a1',
      category: true,
      campaign: false,
      funders: [],
      attendance: { total: 100, format: 'presence', outcome: 'held', ages: { adult: 100 } },
      bookings: [],
    },
    -200,
  )

  await subscriber(400, 'confirmed', ['b'])
  await subscriber(380, 'confirmed', ['a'])
  await subscriber(50, 'confirmed', ['a'])
  await subscriber(5, 'confirmed', ['a', 'b'])
  await subscriber(6, 'unsubscribed', ['a'])
}, 180_000)

afterAll(async () => payload?.destroy())

/** The figures counted here from `seeded`, for a period and an optional system or library. */
const expected = (from: Date, to: Date, where: { system?: 'a' | 'b'; library?: 'a1' | 'a2' | 'b1' } = {}) => {
  const rows = seeded.filter(
    (s) =>
      s.start >= from.toISOString() &&
      s.start < to.toISOString() &&
      (!where.system || s.system === where.system) &&
      (!where.library || s.library === where.library),
  )
  const sum = (f: (s: Seeded) => number) => rows.reduce((n, s) => n + f(s), 0)
  const people = (statuses: string[], past = false) =>
    sum((s) =>
      s.bookings
        .filter((b) => statuses.includes(b.status) && (!past || s.start < now.toISOString()))
        .reduce((n, b) => n + b.people, 0),
    )
  const withAttendance = rows.filter((s) => s.attendance)
  const by = (key: (s: Seeded) => string[]) => {
    const map = new Map<string, { dates: number; people: number }>()
    for (const s of withAttendance)
      for (const k of key(s)) {
        const row = map.get(k) ?? { dates: 0, people: 0 }
        row.dates += s.attendance?.outcome === 'held' ? 1 : 0
        row.people += s.attendance?.total ?? 0
        map.set(k, row)
      }
    return Object.fromEntries(map)
  }
  return {
    summary: {
      dates: rows.length,
      events: rows.length,
      places: sum((s) => s.places ?? 0),
      people: sum((s) => s.attendance?.total ?? 0),
      heldDates: withAttendance.filter((s) => s.attendance?.outcome === 'held').length,
      booked: people(['confirmed', 'attended']),
      noShows: people(['confirmed'], true),
      waiting: people(['waiting', 'offered']),
    },
    system: by((s) => [String(net.systems[s.system])]),
    library: by((s) => [String(net.libraries[s.library])]),
    month: by((s) => [ROME_MONTH.format(new Date(s.start))]),
    format: by((s) => [s.attendance?.format ?? '']),
    category: by((s) => (s.category ? [String(net.category)] : [])),
    campaign: by((s) => (s.campaign ? [String(net.campaign)] : [])),
    funder: by((s) => [...new Set([...s.funders, ...(s.via ?? [])].map(String))]),
  }
}

const asObject = (rows: { key: string; dates: number; people: number }[]) =>
  Object.fromEntries(rows.map((r) => [r.key, { dates: r.dates, people: r.people }]))

describe.each((['sql', 'api'] as const).filter((q) => onSqlite || q !== 'sql'))(
  'the figures counted by the %s implementation',
  (queries) => {
    it('dates, events, places, attendance, bookings, no-shows and waiting-list demand match a count made by hand', async () => {
      const { from, to } = period()
      const report = await wing.buildReport(payload, { from, to }, now, queries)
      expect(report.current.summary).toEqual(expected(from, to).summary)
      const last = wing.lastYear({ from, to })
      expect(report.previous.summary).toEqual(expected(last.from, last.to).summary)
      expect(report.previous.summary.people).toBe(9)
    })

    it('attendance is grouped by system, library, month, format, category, campaign and funder', async () => {
      const { from, to } = period()
      const { current } = await wing.buildReport(payload, { from, to }, now, queries)
      const want = expected(from, to)
      for (const group of ['system', 'library', 'month', 'format', 'category', 'campaign', 'funder'] as const)
        expect(asObject(current.groups[group]), group).toEqual(want[group])
    })

    it('attendance by age band adds up each band, and by comune follows the library', async () => {
      const { from, to } = period()
      const { current } = await wing.buildReport(payload, { from, to }, now, queries)
      expect(asObject(current.groups.band)).toEqual({
        [String(bands.young)]: { dates: 1, people: 5 },
        [String(bands.child)]: { dates: 1, people: 8 },
        [String(bands.adult)]: { dates: 3, people: 29 },
      })
      const comune = async (library: Id) =>
        String((await payload.findByID({ collection: 'libraries', id: library, overrideAccess: true })).comune)
      const byComune = asObject(current.groups.comune)
      expect(byComune[await comune(net.libraries.b1)]?.people).toBe(18)
      expect(Object.values(byComune).reduce((n, r) => n + r.people, 0)).toBe(45)
    })

    it('filters narrow every figure: a system, a library, a category, a funder, a format', async () => {
      const { from, to } = period()
      const onlyB = await wing.buildReport(payload, { from, to, system: net.systems.b }, now, queries)
      expect(onlyB.current.summary).toEqual(expected(from, to, { system: 'b' }).summary)
      const a2 = await wing.buildReport(payload, { from, to, library: net.libraries.a2 }, now, queries)
      expect(a2.current.summary).toEqual(expected(from, to, { library: 'a2' }).summary)
      const category = await wing.buildReport(payload, { from, to, category: net.category }, now, queries)
      expect(category.current.summary.people).toBe(35)
      expect(category.current.summary.dates).toBe(3)
      const funded = await wing.buildReport(payload, { from, to, funder }, now, queries)
      expect(funded.current.summary.people).toBe(35)
      expect(funded.current.summary.booked).toBe(8)
      // A funder of the rassegna counts the rassegna's events, as the credits on the public page show it.
      const viaSeries = await wing.buildReport(payload, { from, to, funder: formulaFunder }, now, queries)
      expect(viaSeries.current.summary.people).toBe(27)
      const online = await wing.buildReport(payload, { from, to, format: 'online' }, now, queries)
      expect(online.current.summary.people).toBe(7)
      expect(asObject(online.current.groups.format)).toEqual({ online: { dates: 1, people: 7 } })
    })

    it('newsletter subscribers: confirmed per month with the running total, and by system', async () => {
      const { from, to } = period()
      const { current } = await wing.buildReport(payload, { from, to }, now, queries)
      const stillConfirmed = subscribersSeed.filter((s) => s.status === 'confirmed')
      const before = stillConfirmed.filter((s) => s.confirmedAt < from).length
      expect(current.subscribers.before).toBe(before)
      const months = new Map<string, number>()
      for (const s of stillConfirmed.filter((s) => s.confirmedAt >= from))
        months.set(
          s.confirmedAt.toISOString().slice(0, 7),
          (months.get(s.confirmedAt.toISOString().slice(0, 7)) ?? 0) + 1,
        )
      let running = before
      expect(current.subscribers.byMonth).toEqual(
        [...months.keys()].sort().map((key) => {
          running += months.get(key) ?? 0
          return { key, value: months.get(key), cumulative: running }
        }),
      )
      expect(current.subscribers.byMonth.at(-1)?.cumulative).toBe(4)
      expect(Object.fromEntries(current.subscribers.bySystem.map((s) => [s.key, s.value]))).toEqual({
        [String(net.systems.a)]: 3,
        [String(net.systems.b)]: 2,
      })
      const onlyB = await wing.buildReport(payload, { from, to, system: net.systems.b }, now, queries)
      expect(onlyB.current.subscribers.bySystem).toEqual([{ key: String(net.systems.b), value: 2 }])
    })
  },
)

describe.runIf(onSqlite)(
  'the SQL implementation groups on one packed integer or, when it cannot, on four columns',
  () => {
    it('both give the same groups and totals (a period ending after the year 9998 takes the columns)', async () => {
      const { from } = period()
      const packed = await wing.buildReport(payload, { from, to: new Date('2100-01-01T00:00:00Z') }, now, 'sql')
      const columns = await wing.buildReport(payload, { from, to: new Date('9999-12-31T00:00:00Z') }, now, 'sql')
      for (const group of ['system', 'library', 'comune', 'month', 'format'] as const) {
        expect(columns.current.groups[group].length, group).toBeGreaterThan(0)
        expect(packed.current.groups[group], group).toEqual(columns.current.groups[group])
      }
      expect(packed.current.summary).toEqual(columns.current.summary)
    })
  },
)

describe('the period of a report', () => {
  it('defaults to the current year in Rome and reads the form’s days, both included', () => {
    const parsed = wing.parseFilter(new URLSearchParams(''), new Date('2026-06-15T10:00:00Z'))
    expect(parsed.ok && parsed.filter.from.toISOString()).toBe('2025-12-31T23:00:00.000Z')
    expect(parsed.ok && parsed.filter.to.toISOString()).toBe('2026-12-31T23:00:00.000Z')
    const july = wing.parseFilter(new URLSearchParams('dal=2026-07-01&al=2026-07-31'))
    expect(july.ok && july.filter.from.toISOString()).toBe('2026-06-30T22:00:00.000Z')
    expect(july.ok && july.filter.to.toISOString()).toBe('2026-07-31T22:00:00.000Z')
    expect(wing.parseFilter(new URLSearchParams('dal=2026-02-30'))).toEqual({ ok: false, field: 'dal' })
    expect(wing.parseFilter(new URLSearchParams('dal=2026-05-01&al=2026-04-01'))).toEqual({ ok: false, field: 'al' })
    expect(wing.parseFilter(new URLSearchParams('sistema=1;DROP'))).toEqual({ ok: false, field: 'sistema' })
    expect(wing.parseFilter(new URLSearchParams('formato=tv'))).toEqual({ ok: false, field: 'formato' })
  })
})

/** A GET whose body is kept as bytes (files). */
const download = async (apiPath: string, who: Who) => {
  const headers: Record<string, string> = {}
  if (who !== 'public') headers.authorization = `JWT ${await net.token(who)}`
  const request = new Request(`http://localhost:3000/api${apiPath}`, { headers })
  const response = await handleEndpoints({ config, request, path: `/api${apiPath.split('?')[0]}` })
  return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) }
}

const day = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(d)
const query = () => `dal=${day(period().from)}&al=${day(period().to)}`
/** The CSV's rows, split by hand: `;` between cells, CRLF between rows, a BOM first. */
const csvRows = (body: Buffer) =>
  body
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(';'))

describe('who sees which figures', () => {
  it('the network sees every system; a system editor only their own, whatever system they ask for', async () => {
    const net_ = csvRows((await download(`/attendance/statistics/system?${query()}`, 'admin')).body)
    expect(
      net_
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['Sistema Bibliotecario Area di Dalmine', 'Sistema Bibliotecario Valle Seriana'])
    for (const ask of ['', `&sistema=${net.systems.a}`]) {
      const res = await download(`/attendance/statistics/system?${query()}${ask}`, 'editorB')
      expect(res.status).toBe(200)
      const rows = csvRows(res.body)
      expect(rows.slice(1).map((r) => r[0])).toEqual(['Sistema Bibliotecario Valle Seriana'])
      expect(rows[1]?.[2]).toBe('18')
    }
    const summary = csvRows((await download(`/attendance/statistics/riepilogo?${query()}`, 'editorB')).body)
    expect(summary.find((r) => r[0] === 'Presenze')?.[1]).toBe('18')
  })

  it('a library contributor sees their library only', async () => {
    const rows = csvRows((await download(`/attendance/statistics/library?${query()}`, 'contributorA1')).body)
    const own = await payload.findByID({ collection: 'libraries', id: net.libraries.a1, overrideAccess: true })
    expect(rows.slice(1).map((r) => r[0])).toEqual([own.name])
    expect(rows[1]?.[2]).toBe('20')
  })

  it('anonymous callers get 401, a bad filter 400 in Italian, an unknown table 404', async () => {
    expect((await download(`/attendance/statistics/riepilogo`, 'public')).status).toBe(401)
    const bad = await download(`/attendance/statistics/riepilogo?dal=ieri`, 'admin')
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body.toString()).error).toBe('Il filtro «dal» non è valido: correggilo e riprova.')
    expect((await download(`/attendance/statistics/nessuna`, 'admin')).status).toBe(404)
  })

  it('a signed-in user with no system or library to see gets 403', async () => {
    // A system editor whose system was taken away (the collection's validation keeps one from being saved so).
    const user = await payload.create({
      collection: 'users',
      data: {
        email: 'senza-sistema@example.org',
        password: helpers.PASSWORD,
        name: 'Nessuno',
        roles: ['system-editor'],
        system: net.systems.a,
      } as never,
      overrideAccess: true,
    })
    await payload.db.updateOne({ collection: 'users', id: user.id, data: { system: null } })
    const { login } = await import('../helpers/payload')
    const jwt = await login(user.email as string, helpers.PASSWORD)
    const request = new Request('http://localhost:3000/api/attendance/statistics/riepilogo', {
      headers: { authorization: `JWT ${jwt}` },
    })
    const response = await handleEndpoints({ config, request, path: '/api/attendance/statistics/riepilogo' })
    expect(response.status).toBe(403)
  })
})

describe('the scope the view and its link follow', () => {
  it('network staff see the network; a system editor, a library contributor only their own, whatever they ask for', () => {
    const scopeOf = (who: Exclude<Who, 'public'>) => wing.statisticsScope(net.as(who) as never)
    expect(scopeOf('admin')).toEqual({ kind: 'network' })
    expect(scopeOf('networkEditor')).toEqual({ kind: 'network' })
    expect(scopeOf('editorA')).toEqual({ kind: 'system', system: net.systems.a })
    expect(scopeOf('contributorB1')).toEqual({ kind: 'library', system: net.systems.b, library: net.libraries.b1 })
    expect(wing.statisticsScope(null)).toBeNull()
    const asked = { ...period(), system: net.systems.a, library: net.libraries.a1 }
    expect(wing.withinScope(scopeOf('editorB') as never, asked)).toMatchObject({ system: net.systems.b })
    expect(wing.withinScope(scopeOf('contributorB1') as never, asked)).toMatchObject({
      system: net.systems.b,
      library: net.libraries.b1,
    })
    expect(wing.withinScope(scopeOf('admin') as never, asked)).toEqual(asked)
  })
})

describe('the tables as files', () => {
  it('CSV for Italian Excel and XLSX with string cells; a name that would run as a formula stays text', async () => {
    const csv = await download(`/attendance/statistics/funder?${query()}&file=csv`, 'admin')
    expect(csv.status).toBe(200)
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="presenze-per-finanziatore.csv"')
    expect([...csv.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = csv.body.toString('utf8')
    expect(text).toContain(`"'=HYPERLINK(""http://x"")";2;27;0;0`)
    expect(text).toContain('Fondazione Comunità Bergamasca;2;35;1;9')
    const xlsx = await download(`/attendance/statistics/funder?${query()}&file=xlsx`, 'admin')
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toBe('attachment; filename="presenze-per-finanziatore.xlsx"')
    const rows = ((await readXlsxFile(xlsx.body)) as unknown as { data: unknown[][] }[])[0]?.data ?? []
    expect(rows[0]?.[0]).toBe('Finanziatore')
    expect(rows).toContainEqual(['=HYPERLINK("http://x")', 2, 27, 0, 0])
    expect(rows).toContainEqual(['Fondazione Comunità Bergamasca', 2, 35, 1, 9])
  })
})
