// Ready-made reports (issue 15) on real SQLite, over REST with real users: the Maggio dei Libri export, the
// yearly per-library summary and the funder's report, each checked against counts made here from the data set
// the test writes (not against the reports' own queries); who gets which rows; bad parameters; the files as a
// spreadsheet reads them (CSV split by a parser written here, XLSX read back with read-excel-file).

import { handleEndpoints } from 'payload'
import { readSheet } from 'read-excel-file/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { answerUnknownRoute } from '../../cms/hardening/unknown-routes'
import config from '../../cms/payload.config'
import { toWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { onSqlite } from '../helpers/db-kind'
import { buildNetwork, fixtureEvent, type Network, romeAt } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

const R = catalogue('it').reports
let payload: Payload
let net: Network

type Id = number
type Fixture = {
  title: string
  library: 'a1' | 'a2' | 'b1' | null
  system: 'a' | 'b'
  venue?: 'a'
  categories: ('read' | 'lab')[]
  audiences: ('kids' | 'adults')[]
  campaign: boolean
  /** In the rassegna and the festival that name the layered funder (issue 15's attribution through them). */
  series?: boolean
  festival?: boolean
  daysAgo: number[]
  staffOnly?: boolean
  cancelled?: boolean
  /** Attendance recorded per date (by the date's position in `daysAgo`). */
  attendance?: Record<number, { total: number; ages?: Partial<Record<'young' | 'child' | 'adult', number>> }>
}

const HYPERLINK = '=HYPERLINK("http://x")'
const FIXTURES: Fixture[] = [
  {
    title: 'Storie in biblioteca',
    library: 'a1',
    system: 'a',
    categories: ['read'],
    audiences: ['kids'],
    campaign: true,
    series: true,
    daysAgo: [30, 20, 10],
    attendance: { 0: { total: 12, ages: { young: 7, adult: 5 } }, 1: { total: 3 } },
  },
  {
    title: HYPERLINK,
    library: 'a2',
    system: 'a',
    categories: ['lab'],
    audiences: [],
    campaign: true,
    daysAgo: [25],
    attendance: { 0: { total: 4 } },
  },
  {
    title: 'Laboratorio di Albino',
    library: 'b1',
    system: 'b',
    categories: ['lab', 'read'],
    audiences: ['kids', 'adults'],
    campaign: true,
    festival: true,
    daysAgo: [12, 11],
    attendance: { 0: { total: 20, ages: { child: 20 } } },
  },
  {
    title: 'Incontro riservato allo staff',
    library: 'a1',
    system: 'a',
    categories: ['read'],
    audiences: [],
    campaign: true,
    daysAgo: [14],
    staffOnly: true,
    attendance: { 0: { total: 6 } },
  },
  {
    title: 'Lettura annullata',
    library: 'a1',
    system: 'a',
    categories: ['read'],
    audiences: ['kids'],
    campaign: true,
    daysAgo: [8],
    cancelled: true,
  },
  {
    title: 'Spettacolo a teatro',
    library: null,
    venue: 'a',
    system: 'a',
    categories: ['read'],
    audiences: ['adults'],
    campaign: false,
    series: true,
    daysAgo: [9],
    attendance: { 0: { total: 2 } },
  },
]

/** The year the figures are asked for: the year of yesterday on Rome's clocks (fixtures in other years drop out). */
const YEAR = toWall(new Date(romeAt(-1, 12))).getUTCFullYear()
const yearOf = (daysAgo: number) => toWall(new Date(romeAt(-daysAgo, 10))).getUTCFullYear()

let ids: {
  categories: Record<'read' | 'lab', Id>
  audiences: Record<'kids' | 'adults', Id>
  bands: Record<'young' | 'child' | 'adult', Id>
  funderDirect: Id
  funderCampaign: Id
  funderLayered: Id
  noRole: string
}

/** A report as the browser downloads it: status, headers and the raw bytes. */
const download = async (path: string, token?: string) => {
  const request = new Request(`http://localhost:3000/api${path}`, {
    headers: token ? { authorization: `JWT ${token}` } : {},
  })
  const res = answerUnknownRoute(await handleEndpoints({ config, request, path: `/api${path.split('?')[0]}` }))
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') }
}

/** CSV as Italian Excel reads it: BOM, `;` between cells, quoted cells with `""` for a quote, CRLF rows. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && body[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

/** The CSV as records keyed by the header row. */
const records = (text: string) => {
  const [header = [], ...rows] = parseCsv(text)
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])))
}

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  const base = { overrideAccess: true, depth: 0 } as const
  const lab = (await payload.create({ collection: SLUGS.categories, data: { name: 'Laboratorio' }, ...base })).id
  const adults = (await payload.create({ collection: SLUGS.audiences, data: { name: 'Adulti', minAge: 18 }, ...base }))
    .id
  const bands = (await payload.find({ collection: SLUGS.attendanceBands, pagination: false, ...base })).docs
  const band = (name: string) => bands.find((b) => b.name === name)?.id as Id
  const funderDirect = (
    await payload.create({
      collection: SLUGS.funders,
      data: { name: 'Fondazione Diretta', kind: 'foundation' },
      ...base,
    })
  ).id
  const funderCampaign = (
    await payload.create({ collection: SLUGS.funders, data: { name: 'Regione dei Libri', kind: 'public' }, ...base })
  ).id
  // Named at every level: on one event (after another funder), on a rassegna, a festival and the campaign.
  const funderLayered = (
    await payload.create({
      collection: SLUGS.funders,
      data: { name: 'Fondazione a strati', kind: 'foundation' },
      ...base,
    })
  ).id
  await payload.update({
    collection: SLUGS.campaigns,
    id: net.campaign,
    data: {
      support: [
        { funder: funderCampaign, role: 'partner', detail: '' },
        { funder: funderLayered, role: 'supported', detail: 'Campagna' },
      ],
    } as never,
    ...base,
  })
  const series = (
    await payload.create({
      collection: SLUGS.series,
      data: {
        title: 'Rassegna sostenuta',
        system: net.systems.a,
        support: [
          { funder: funderLayered, role: 'funded', detail: '  Bando rassegne  ' },
          { funder: funderLayered, role: 'partner', detail: 'Seconda menzione' },
        ],
      } as never,
      ...base,
    })
  ).id
  const festival = (
    await payload.create({
      collection: SLUGS.festivals,
      data: {
        title: 'Festival sostenuto',
        startDate: romeAt(-60, 0),
        endDate: romeAt(0, 0),
        support: [{ funder: funderLayered, role: 'patronage' }],
      } as never,
      ...base,
    })
  ).id
  // A contributor whose library was taken away: staff, but with no rows to report on.
  const noRole = await payload.create({
    collection: SLUGS.users,
    data: {
      email: 'senzabiblioteca@test.example.org',
      password: 'Test-Password-2026',
      name: 'Senza biblioteca',
      roles: ['library-contributor'],
      system: net.systems.a,
      library: net.libraries.a1,
    } as never,
    ...base,
  })
  await payload.db.updateOne({ collection: SLUGS.users, id: noRole.id, data: { library: null } })
  ids = {
    categories: { read: net.category, lab },
    audiences: { kids: net.audience, adults },
    bands: { young: band('0–5 anni'), child: band('6–11 anni'), adult: band('Adulti') },
    funderDirect,
    funderCampaign,
    funderLayered,
    noRole: noRole.email as string,
  }
  for (const f of FIXTURES) {
    const [first, ...rest] = f.daysAgo
    const event = await fixtureEvent(payload, net, {
      title: f.title,
      summary: `Sintesi di ${f.title}`,
      system: net.systems[f.system],
      library: f.library ? net.libraries[f.library] : null,
      venue: f.venue ? net.venues[f.venue] : null,
      categories: f.categories.map((c) => ids.categories[c]),
      audiences: f.audiences.map((a) => ids.audiences[a]),
      campaigns: f.campaign ? [net.campaign] : [],
      series: f.series ? series : null,
      festival: f.festival ? festival : null,
      staffOnly: f.staffOnly ?? false,
      status: f.cancelled ? 'cancelled' : 'scheduled',
      start: romeAt(-(first as number), 10),
      end: romeAt(-(first as number), 11),
      recurrence: { frequency: 'none', extraDates: rest.map((d) => ({ start: romeAt(-d, 10) })) },
      support:
        f.title === 'Storie in biblioteca'
          ? [
              { funder: funderDirect, role: 'funded', detail: 'Bando 2026' },
              { funder: funderLayered, role: 'partner', detail: 'Sala' },
            ]
          : [],
    } as never)
    for (const [index, figures] of Object.entries(f.attendance ?? {})) {
      const daysAgo = f.daysAgo[Number(index)] as number
      await payload.create({
        collection: SLUGS.attendance,
        data: {
          event: event.id,
          start: romeAt(-daysAgo, 10),
          outcome: 'held',
          total: figures.total,
          ages: Object.entries(figures.ages ?? {}).map(([b, count]) => ({
            band: ids.bands[b as keyof typeof ids.bands],
            count,
          })),
        } as never,
        ...base,
      })
    }
  }
})
afterAll(async () => payload.destroy())

/** The dates of the fixtures, one per (fixture, date), as the test wrote them. */
const allDates = () =>
  FIXTURES.flatMap((f) => f.daysAgo.map((daysAgo, index) => ({ f, daysAgo, attendance: f.attendance?.[index] })))

describe.each(
  [
    ['one statement on SQLite', 'sql'],
    ['the adapter-neutral scan', 'scan'],
  ].filter(([, query]) => onSqlite || query !== 'sql'),
)('the Maggio dei Libri export (%s)', (_label, query) => {
  beforeAll(() => {
    process.env.REPORTS_QUERY = query
  })
  afterAll(() => {
    delete process.env.REPORTS_QUERY
  })

  it('lists each public, not cancelled activity of the campaign once with its dates, and counts one activity per date', async () => {
    const res = await download(`/reports/maggio-dei-libri?campaign=${net.campaign}`, await net.token('admin'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/csv')
    expect(res.headers.get('content-disposition')).toContain('maggio-dei-libri-nati-per-leggere.csv')
    const rows = records(res.text)
    const C = R.maggio.columns
    const expected = FIXTURES.filter((f) => f.campaign && !f.staffOnly && !f.cancelled)
    const activities = rows.filter((r) => r[C.title] !== R.maggio.total)
    expect(activities.map((r) => r[C.title]).sort()).toEqual(
      expected.map((f) => (f.title.startsWith('=') ? `'${f.title}` : f.title)).sort(),
    )
    const stories = activities.find((r) => r[C.title] === 'Storie in biblioteca')
    expect(stories?.[C.activities]).toBe('3')
    expect(stories?.[C.dates].split(', ')).toHaveLength(3)
    expect(stories?.[C.place]).toBe('Biblioteca di Dalmine')
    expect(stories?.[C.address]).toBe('Via Roma 1')
    expect(stories?.[C.comune]).toBe('Dalmine')
    expect(stories?.[C.organiser]).toBe('Biblioteca di Dalmine')
    expect(stories?.[C.audience]).toBe('3–6 anni')
    expect(stories?.[C.description]).toBe('Sintesi di Storie in biblioteca')
    const total = rows.find((r) => r[C.title] === R.maggio.total)
    expect(total?.[C.activities]).toBe(String(expected.reduce((n, f) => n + f.daysAgo.length, 0)))
  })

  it('a title that starts a formula comes out as text, in the CSV and in the XLSX', async () => {
    const token = await net.token('admin')
    const csv = await download(`/reports/maggio-dei-libri?campaign=${net.campaign}`, token)
    expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`)
    const xlsx = await download(`/reports/maggio-dei-libri?campaign=${net.campaign}&format=xlsx`, token)
    expect(xlsx.status).toBe(200)
    const sheet = await readSheet(xlsx.bytes)
    expect(sheet[0]?.[0]).toBe(R.maggio.columns.title)
    const titles = sheet.slice(1).map((r) => r[0])
    expect(titles).toContain(HYPERLINK)
    expect(xlsx.bytes.toString('latin1')).not.toContain('<f>')
    const total = sheet.find((r) => r[0] === R.maggio.total)
    expect(total?.[2]).toBe(6)
  })

  it('a library contributor gets only their library’s activities', async () => {
    const res = await download(`/reports/maggio-dei-libri?campaign=${net.campaign}`, await net.token('contributorA1'))
    const titles = records(res.text).map((r) => r[R.maggio.columns.title])
    expect(titles).toEqual(['Storie in biblioteca', R.maggio.total])
  })
})

describe.each(
  [
    ['GROUP BY on SQLite', 'sql'],
    ['the adapter-neutral scan', 'scan'],
  ].filter(([, query]) => onSqlite || query !== 'sql'),
)('the yearly per-library summary (%s)', (_label, query) => {
  beforeAll(() => {
    process.env.REPORTS_QUERY = query
  })
  afterAll(() => {
    delete process.env.REPORTS_QUERY
  })

  /** What the summary must say of a library, counted here from the fixtures. */
  const expectedFor = (library: Fixture['library'], system: Fixture['system']) => {
    const held = allDates().filter(
      ({ f, daysAgo }) =>
        f.library === library && f.system === system && !f.staffOnly && !f.cancelled && yearOf(daysAgo) === YEAR,
    )
    const sum = (pick: (a: NonNullable<Fixture['attendance']>[number]) => number) =>
      held.reduce((n, d) => n + (d.attendance ? pick(d.attendance) : 0), 0)
    return {
      events: new Set(held.map((d) => d.f.title)).size,
      dates: held.length,
      readDates: held.filter((d) => d.f.categories.includes('read')).length,
      labEvents: new Set(held.filter((d) => d.f.categories.includes('lab')).map((d) => d.f.title)).size,
      kidsDates: held.filter((d) => d.f.audiences.includes('kids')).length,
      attendance: sum((a) => a.total),
      young: sum((a) => a.ages?.young ?? 0),
      child: sum((a) => a.ages?.child ?? 0),
    }
  }

  it('gives the network every library with its events, dates, categories, audiences and attendance by age band', async () => {
    const res = await download(`/reports/annual?year=${YEAR}`, await net.token('networkEditor'))
    expect(res.status).toBe(200)
    const rows = records(res.text)
    const C = R.annual.columns
    const cases = [
      ['Biblioteca di Dalmine', 'a1', 'a'],
      ['Biblioteca di Stezzano', 'a2', 'a'],
      ['Biblioteca di Albino', 'b1', 'b'],
      [R.annual.noLibrary, null, 'a'],
    ] as const
    for (const [name, library, system] of cases) {
      const row = rows.find((r) => r[C.library] === name)
      const want = expectedFor(library, system)
      expect(row, name).toBeDefined()
      expect(Number(row?.[C.events]), name).toBe(want.events)
      expect(Number(row?.[C.dates]), name).toBe(want.dates)
      expect(Number(row?.[C.datesOf('Lettura ad alta voce')] ?? 0), name).toBe(want.readDates)
      expect(Number(row?.[C.eventsOf('Laboratorio')] ?? 0), name).toBe(want.labEvents)
      expect(Number(row?.[C.datesOf('3–6 anni')] ?? 0), name).toBe(want.kidsDates)
      expect(Number(row?.[C.attendance]), name).toBe(want.attendance)
      expect(Number(row?.[C.attendanceOf('0–5 anni')]), name).toBe(want.young)
      expect(Number(row?.[C.attendanceOf('6–11 anni')]), name).toBe(want.child)
    }
    expect(rows.find((r) => r[C.library] === 'Biblioteca di Dalmine')?.[C.comune]).toBe('Dalmine')
    expect(rows.find((r) => r[C.library] === 'Biblioteca di Albino')?.[C.system]).toBe(
      'Sistema Bibliotecario Valle Seriana',
    )
  })

  it('a system editor gets only their system’s libraries, and the XLSX has the same figures', async () => {
    const token = await net.token('editorB')
    const csv = records((await download(`/reports/annual?year=${YEAR}`, token)).text)
    expect(csv.map((r) => r[R.annual.columns.library])).toEqual(['Biblioteca di Albino'])
    const sheet = await readSheet((await download(`/reports/annual?year=${YEAR}&format=xlsx`, token)).bytes)
    const header = sheet[0] as string[]
    const row = sheet[1] as unknown[]
    expect(row[header.indexOf(R.annual.columns.attendance)]).toBe(expectedFor('b1', 'b').attendance)
    expect(row[header.indexOf(R.annual.columns.dates)]).toBe(expectedFor('b1', 'b').dates)
  })

  it('a library contributor gets their library’s row only', async () => {
    const res = await download(`/reports/annual?year=${YEAR}`, await net.token('contributorA1'))
    expect(records(res.text).map((r) => r[R.annual.columns.library])).toEqual(['Biblioteca di Dalmine'])
  })
})

describe('the two implementations of the yearly figures', () => {
  it('give the same figures for every scope', async () => {
    const { libraryYears } = await import('../../cms/reports')
    const sorted = (rows: Awaited<ReturnType<typeof libraryYears>>) =>
      [...rows].sort((a, b) => `${a.system}-${a.library}`.localeCompare(`${b.system}-${b.library}`))
    const scopes = [
      { kind: 'network' },
      { kind: 'system', system: net.systems.a },
      { kind: 'library', library: net.libraries.b1 },
    ] as const
    try {
      for (const scope of scopes) {
        process.env.REPORTS_QUERY = 'sql'
        const sql = sorted(await libraryYears(payload, scope, YEAR))
        process.env.REPORTS_QUERY = 'scan'
        const scan = sorted(await libraryYears(payload, scope, YEAR))
        expect(sql.length, scope.kind).toBeGreaterThan(0)
        expect(sql, scope.kind).toEqual(scan)
      }
    } finally {
      delete process.env.REPORTS_QUERY
    }
  })
})

const funderPeriod = () => {
  const day = (daysAgo: number) =>
    toWall(new Date(romeAt(-daysAgo, 12)))
      .toISOString()
      .slice(0, 10)
  return `from=${day(60)}&to=${day(0)}`
}

describe.each(
  [
    ['two statements on SQLite', 'sql'],
    ['the adapter-neutral scan', 'scan'],
  ].filter(([, query]) => onSqlite || query !== 'sql'),
)('the funder’s report (%s)', (_label, query) => {
  beforeAll(() => {
    process.env.REPORTS_QUERY = query
  })
  afterAll(() => {
    delete process.env.REPORTS_QUERY
  })
  const period = funderPeriod

  it('lists every date the funder supported directly, with its attendance, and totals them', async () => {
    const res = await download(`/reports/funder?funder=${ids.funderDirect}&${period()}`, await net.token('admin'))
    expect(res.status).toBe(200)
    const rows = records(res.text)
    const C = R.funder.columns
    const dates = rows.filter((r) => r[C.title] !== R.funder.total)
    expect(dates.map((r) => r[C.title])).toEqual([
      'Storie in biblioteca',
      'Storie in biblioteca',
      'Storie in biblioteca',
    ])
    expect(dates.map((r) => r[C.attendance])).toEqual(['12', '3', ''])
    expect(dates[0]?.[C.role]).toBe('Finanziato da')
    expect(dates[0]?.[C.detail]).toBe('Bando 2026')
    expect(dates[0]?.[C.library]).toBe('Biblioteca di Dalmine')
    const total = rows.find((r) => r[C.title] === R.funder.total)
    expect(total?.[C.date]).toBe('3')
    expect(total?.[C.attendance]).toBe('15')
  })

  it('a funder named on the campaign gets all its dates; a system editor sees only their system’s', async () => {
    const campaignDates = allDates().filter(({ f }) => f.campaign)
    const all = records(
      (await download(`/reports/funder?funder=${ids.funderCampaign}&${period()}`, await net.token('admin'))).text,
    ).filter((r) => r[R.funder.columns.title] !== R.funder.total)
    expect(all).toHaveLength(campaignDates.length)
    const sumAll = campaignDates.reduce((n, d) => n + (d.attendance?.total ?? 0), 0)
    expect(all.reduce((n, r) => n + Number(r[R.funder.columns.attendance] || 0), 0)).toBe(sumAll)
    const b = records(
      (await download(`/reports/funder?funder=${ids.funderCampaign}&${period()}`, await net.token('editorB'))).text,
    ).filter((r) => r[R.funder.columns.title] !== R.funder.total)
    expect(b.map((r) => r[R.funder.columns.title])).toEqual(['Laboratorio di Albino', 'Laboratorio di Albino'])
  })

  it('a funder named at every level is credited, per date, as the most specific mention names it', async () => {
    const C = R.funder.columns
    const T = R.funder.through
    const credit = (f: Fixture): [string, string, string] =>
      f.title === 'Storie in biblioteca'
        ? ['In collaborazione con', 'Sala', T.event]
        : f.series
          ? ['Finanziato da', 'Bando rassegne', T.series]
          : f.festival
            ? ['Con il patrocinio di', '', T.festival]
            : ['Con il sostegno di', 'Campagna', T.campaign]
    const expected = (keep: (f: Fixture) => boolean) =>
      allDates()
        .filter(({ f }) => (f.campaign || f.series || f.festival) && keep(f))
        .sort((a, b) => b.daysAgo - a.daysAgo)
        .map(({ f, attendance }) => [
          f.title.startsWith('=') ? `'${f.title}` : f.title,
          ...credit(f),
          attendance ? String(attendance.total) : '',
        ])
    const listed = async (who: 'admin' | 'contributorA1') =>
      records((await download(`/reports/funder?funder=${ids.funderLayered}&${period()}`, await net.token(who))).text)
        .filter((r) => r[C.title] !== R.funder.total)
        .map((r) => [r[C.title], r[C.role], r[C.detail], r[C.through], r[C.attendance]])
    expect(await listed('admin')).toEqual(expected(() => true))
    expect(await listed('contributorA1')).toEqual(expected((f) => f.library === 'a1'))
  })
})

describe('the two implementations of the funder’s report', () => {
  it('give the same rows, in the same order, for every funder and scope', async () => {
    const { funderActivities } = await import('../../cms/reports')
    const period = { from: romeAt(-60, 0), to: romeAt(1, 0) }
    const scopes = [
      { kind: 'network' },
      { kind: 'system', system: net.systems.a },
      { kind: 'library', library: net.libraries.b1 },
    ] as const
    try {
      for (const funder of [ids.funderDirect, ids.funderCampaign, ids.funderLayered])
        for (const scope of scopes) {
          const label = `funder ${funder}, ${scope.kind}`
          process.env.REPORTS_QUERY = 'sql'
          const sql = await funderActivities(payload, scope, funder, period)
          process.env.REPORTS_QUERY = 'scan'
          const scan = await funderActivities(payload, scope, funder, period)
          if (scope.kind === 'network') expect(sql.length, label).toBeGreaterThan(0)
          expect(sql, label).toEqual(scan)
        }
    } finally {
      delete process.env.REPORTS_QUERY
    }
  })
})

describe('who may download, and bad parameters', () => {
  const paths = () => [
    `/reports/maggio-dei-libri?campaign=${net.campaign}`,
    `/reports/annual?year=${YEAR}`,
    `/reports/funder?funder=${ids.funderDirect}&from=2026-01-01&to=2026-12-31`,
  ]

  it('the public gets 401 with an Italian message and no file', async () => {
    for (const path of paths()) {
      const res = await download(path)
      expect(res.status, path).toBe(401)
      expect(JSON.parse(res.text).error, path).toBe(R.errors.login)
    }
  })

  it('a member of staff with no library or system to report on gets 403', async () => {
    const { login } = await import('../helpers/payload')
    const token = await login(ids.noRole, 'Test-Password-2026')
    for (const path of paths()) expect((await download(path, token)).status, path).toBe(403)
  })

  it('bad parameters get 400 with the Italian reason, never a server error', async () => {
    const token = await net.token('admin')
    const cases: [string, string][] = [
      [`/reports/annual?year=${YEAR}&format=pdf`, R.errors.format],
      ['/reports/annual?year=due', R.errors.year],
      ['/reports/annual', R.errors.year],
      ['/reports/maggio-dei-libri?campaign=999999', R.errors.campaign],
      ['/reports/maggio-dei-libri?campaign=%27%3B--', R.errors.campaign],
      ['/reports/funder?funder=999999&from=2026-01-01&to=2026-02-01', R.errors.funder],
      [`/reports/funder?funder=${ids.funderDirect}&from=2026-03-01&to=2026-02-01`, R.errors.period],
      [`/reports/funder?funder=${ids.funderDirect}&from=2026-02-30&to=2026-03-01`, R.errors.period],
      [`/reports/funder?funder=${ids.funderDirect}&from=2000-01-01&to=2026-01-01`, R.errors.period],
    ]
    for (const [path, message] of cases) {
      const res = await download(path, token)
      expect(res.status, path).toBe(400)
      expect(JSON.parse(res.text).error, path).toBe(message)
    }
  })
})

describe('the public figures (/dati) and their small-number suppression', () => {
  /** Public dates held in YEAR, counted here from the fixtures, per system. */
  const heldIn = (system?: Fixture['system']) =>
    allDates().filter(
      ({ f, daysAgo }) => !f.staffOnly && !f.cancelled && yearOf(daysAgo) === YEAR && (!system || f.system === system),
    )
  const counts = (system?: Fixture['system']) => {
    const held = heldIn(system)
    return {
      events: new Set(held.map((d) => d.f.title)).size,
      dates: held.length,
      attendance: held.reduce((n, d) => n + (d.attendance?.total ?? 0), 0),
    }
  }

  it('a breakdown publishes every count under 5 as "<5", and hides a second one when only one would be hidden', async () => {
    const { suppress } = await import('../../cms/reports')
    const out = suppress([
      { name: 'a', events: 10, dates: 3, attendance: 0 },
      { name: 'b', events: 12, dates: 9, attendance: 4 },
      { name: 'c', events: 30, dates: 7, attendance: 50 },
    ])
    expect(out.map((r) => r.events)).toEqual([10, 12, 30])
    // One small date count: the smallest other (7) goes too, so total − shown cells reveals nothing.
    expect(out.map((r) => r.dates)).toEqual(['<5', 9, '<5'])
    expect(out.map((r) => r.attendance)).toEqual(['<5', '<5', 50])
  })

  it('the network’s figures by system match a count made here, with "<5" where due', async () => {
    const { yearFigures } = await import('../../site/lib/figures')
    const figures = await yearFigures(YEAR)
    const total = counts()
    const shown = (n: number) => (n < 5 ? '<5' : n)
    expect(figures.total).toMatchObject({
      events: shown(total.events),
      dates: shown(total.dates),
      attendance: shown(total.attendance),
    })
    const names = { a: 'Sistema Bibliotecario Area di Dalmine', b: 'Sistema Bibliotecario Valle Seriana' } as const
    for (const m of ['events', 'dates', 'attendance'] as const) {
      const small = (['a', 'b'] as const).filter((s) => counts(s)[m] < 5)
      for (const s of ['a', 'b'] as const) {
        const cell = figures.bySystem.find((r) => r.name === names[s])?.[m]
        const n = counts(s)[m]
        // Two systems: one hidden cell would be revealed by the total, so both go.
        expect(cell, `${s} ${m}`).toBe(n < 5 || small.length === 1 ? '<5' : n)
      }
    }
    expect(figures.bySystem.find((r) => r.name === names.b)?.attendance).toBe(20)
  })

  it('the CSV and JSON downloads carry the same cells, "<5" as text, and the CC BY 4.0 licence', async () => {
    const csvRoute = await import('../../site/pages/dati.csv')
    const jsonRoute = await import('../../site/pages/dati.json')
    const url = (path: string) => ({ url: new URL(`http://localhost:4321${path}`) }) as never
    const csv = (await csvRoute.GET(url(`/dati.csv?anno=${YEAR}`))) as Response
    expect(csv.status).toBe(200)
    expect(csv.headers.get('link')).toContain('creativecommons.org/licenses/by/4.0')
    const rows = records(await csv.text())
    const b = rows.find((r) => r.nome === 'Sistema Bibliotecario Valle Seriana')
    expect(b).toMatchObject({ anno: String(YEAR), gruppo: 'sistema', eventi: '<5', date: '<5', presenze: '20' })
    const json = (await jsonRoute.GET(url(`/dati.json?anno=${YEAR}`))) as Response
    const body = await json.json()
    expect(body.license).toBe('CC-BY-4.0')
    expect(body.bySystem.find((r: { name: string }) => r.name === 'Sistema Bibliotecario Valle Seriana')).toMatchObject(
      { events: '<5', dates: '<5', attendance: 20 },
    )
    const bad = (await jsonRoute.GET(url('/dati.json?anno=1999'))) as Response
    expect(bad.status).toBe(400)
  })
})
