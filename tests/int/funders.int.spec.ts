// Funders and supporters (issue 15): who may write them, the website rule, the credits an event page shows (its
// own and its rassegna's, festival's and campaigns', each funder once) and the funder's report of supported dates,
// checked against lists written out here from the fixtures' own dates (the report's SQL on SQLite and its scan agreeing).
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SupportedActivity, supportedActivities } from '../../cms/funders'
import type { Event } from '../../cms/payload-types'
import { funderActivities } from '../../cms/reports'
import { SLUGS } from '../../collections/slugs'
import { entityView, findEntity } from '../../site/lib/entities'
import { eventView, findEventBySlug } from '../../site/lib/events'
import { onSqlite } from '../helpers/db-kind'
import { buildNetwork, client, countAll, fixtureEvent, type Network, romeAt, stored } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network

type Id = number
const funder = async (name: string, extra: Record<string, unknown> = {}): Promise<Id> =>
  (
    await payload.create({
      collection: SLUGS.funders,
      data: { name, kind: 'foundation', ...extra } as never,
      overrideAccess: true,
    })
  ).id
const container = async (collection: 'series' | 'festivals' | 'campaigns', data: Record<string, unknown>) =>
  (await payload.create({ collection, data: data as never, overrideAccess: true })).id

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

describe('who writes funders', () => {
  it('a system editor creates funders of their own system only; another system’s or the network’s is refused and nothing is written', async () => {
    const token = await net.token('editorA')
    const own = await rest('POST', '/funders', {
      token,
      body: { name: 'Pro Loco di Dalmine', kind: 'sponsor', system: net.systems.a },
    })
    expect(own.status).toBe(201)
    for (const [label, system] of [
      ['another system', net.systems.b],
      ['the network', null],
    ] as const) {
      const name = `Sponsor di ${label}`
      const res = await rest('POST', '/funders', { token, body: { name, kind: 'sponsor', system } })
      expect(res.status, label).toBe(403)
      expect(await countAll(payload, SLUGS.funders, { name: { equals: name } }), label).toBe(0)
    }
  })

  it('network staff write the network’s funders; library contributors and the public write none', async () => {
    for (const who of ['admin', 'networkEditor'] as const) {
      const res = await rest('POST', '/funders', {
        token: await net.token(who),
        body: { name: `Fondazione di ${who}`, kind: 'foundation' },
      })
      expect(res.status, who).toBe(201)
      expect(res.json.doc.system ?? null, who).toBeNull()
    }
    const network = await funder('Fondazione della rete')
    for (const who of ['contributorA1', 'public'] as const) {
      const token = who === 'public' ? undefined : await net.token(who)
      const name = `Tentativo di ${who}`
      expect((await rest('POST', '/funders', { token, body: { name, kind: 'other' } })).status, who).toBe(403)
      expect((await rest('PATCH', `/funders/${network}`, { token, body: { name } })).status, who).toBe(403)
      expect((await rest('DELETE', `/funders/${network}`, { token })).status, who).toBe(403)
      expect(await countAll(payload, SLUGS.funders, { name: { equals: name } }), who).toBe(0)
      expect((await stored(payload, SLUGS.funders, network)).name, who).toBe('Fondazione della rete')
    }
  })

  it('anyone reads a funder’s name and website; the internal note only staff', async () => {
    const id = await funder('Fondazione con nota', {
      note: 'Referente: ufficio bandi',
      website: 'https://f.example.org',
    })
    const anonymous = await rest('GET', `/funders/${id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.json).toMatchObject({ name: 'Fondazione con nota', website: 'https://f.example.org' })
    expect(anonymous.json.note).toBeUndefined()
    const staff = await rest('GET', `/funders/${id}`, { token: await net.token('contributorA1') })
    expect(staff.json.note).toBe('Referente: ufficio bandi')
  })

  it('any member of staff names any funder on their event, also one of another system', async () => {
    const otherSystems = await funder('Comune di Albino', { kind: 'comune', system: net.systems.b })
    const network = await funder('Regione Lombardia', { kind: 'public' })
    const event = await fixtureEvent(payload, net, { title: 'Letture sostenute' })
    const res = await client(payload, net, 'rest', 'editorA').update(SLUGS.events, event.id, {
      support: [
        { funder: otherSystems, role: 'partner' },
        { funder: network, role: 'funded', detail: 'Bando Cultura 2026' },
      ],
    })
    expect(res.status, JSON.stringify(res.errors)).toBe(200)
    const saved = await stored(payload, SLUGS.events, event.id)
    expect(saved.support.map((s: { funder: Id; role: string }) => [s.funder, s.role])).toEqual([
      [otherSystems, 'partner'],
      [network, 'funded'],
    ])
  })

  it('a funder named on an event cannot be deleted: 400 with an Italian message, and it stays', async () => {
    const id = await funder('Fondazione citata', { system: net.systems.a })
    await fixtureEvent(payload, net, { title: 'Evento con sostegno', support: [{ funder: id, role: 'supported' }] })
    const res = await rest('DELETE', `/funders/${id}`, { token: await net.token('editorA') })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.json)).toContain('Non si può eliminare')
    expect(await countAll(payload, SLUGS.funders, { id: { equals: id } })).toBe(1)
  })
})

describe('a funder’s website', () => {
  it.each(['javascript:alert(1)', 'www.fondazione.example.org', 'ftp://fondazione.example.org'])(
    '%s is refused on the field with an Italian message: 400, nothing written',
    async (website) => {
      const name = `Fondazione ${website}`
      const res = await client(payload, net, 'rest', 'admin').create(SLUGS.funders, {
        name,
        kind: 'foundation',
        website,
      })
      expect(res.status).toBe(400)
      expect(res.errors).toContainEqual(
        expect.objectContaining({
          path: 'website',
          message: 'Inserisci un indirizzo web completo che inizi con https:// (o http://).',
        }),
      )
      expect(await countAll(payload, SLUGS.funders, { name: { equals: name } })).toBe(0)
    },
  )

  it('an https address is kept, and an edit to a bad one leaves the stored one', async () => {
    const ok = await client(payload, net, 'rest', 'admin').create(SLUGS.funders, {
      name: 'Fondazione con sito',
      kind: 'foundation',
      website: 'https://www.fondazione.example.org/bandi',
    })
    expect(ok.status).toBe(201)
    const bad = await client(payload, net, 'rest', 'admin').update(SLUGS.funders, ok.doc.id, {
      website: 'javascript:alert(1)',
    })
    expect(bad.status).toBe(400)
    expect((await stored(payload, SLUGS.funders, ok.doc.id)).website).toBe('https://www.fondazione.example.org/bandi')
  })
})

describe('credits on the public pages', () => {
  let event: Event
  let logo: Id
  let seriesSlug = ''

  beforeAll(async () => {
    const pixel = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#224488' } })
      .png()
      .toBuffer()
    logo = (
      await payload.create({
        collection: SLUGS.media,
        data: { alt: 'logo' },
        file: { data: pixel, mimetype: 'image/png', name: 'logo-regione.png', size: pixel.length },
        overrideAccess: true,
      })
    ).id
    const fondazione = await funder('Fondazione della Comunità Bergamasca', {
      website: 'https://www.fondazione.example.org',
    })
    const comune = await funder('Comune di Dalmine', { kind: 'comune', system: net.systems.a })
    const regione = await funder('Regione Lombardia', { kind: 'public', logo })
    const mibac = await funder('Ministero della Cultura', { kind: 'public' })
    const series = await container(SLUGS.series, {
      title: 'Storie sotto l’albero',
      system: net.systems.a,
      support: [
        { funder: comune, role: 'funded', detail: 'Contributo della rassegna' },
        { funder: regione, role: 'funded', detail: 'Bando Biblioteche e promozione della lettura 2026' },
      ],
    })
    seriesSlug = (await stored(payload, SLUGS.series, series)).slug
    const festival = await container(SLUGS.festivals, {
      title: 'Festival della lettura',
      startDate: romeAt(1, 0),
      endDate: romeAt(30, 0),
      support: [{ funder: mibac, role: 'patronage' }],
    })
    await payload.update({
      collection: SLUGS.campaigns,
      id: net.campaign,
      data: { support: [{ funder: fondazione, role: 'funded', detail: 'Da non mostrare: l’evento la nomina già' }] },
      overrideAccess: true,
    })
    event = await fixtureEvent(payload, net, {
      title: 'Letture in giardino',
      series,
      festival,
      campaigns: [net.campaign],
      support: [
        { funder: fondazione, role: 'supported' },
        { funder: comune, role: 'partner', detail: 'Sala civica' },
      ],
    })
  })

  it('an event shows its own credits and its rassegna’s, festival’s and campaign’s, each funder once, as the event names it', async () => {
    const found = await findEventBySlug(event.slug as string)
    const view = await eventView(found as Event, 'it')
    const shown = view.credits.map((g) => [g.label, g.credits.map((c) => [c.name, c.detail])])
    expect(shown).toEqual([
      [null, [['Fondazione della Comunità Bergamasca', '']]],
      ['Finanziato da', [['Regione Lombardia', 'Bando Biblioteche e promozione della lettura 2026']]],
      ['In collaborazione con', [['Comune di Dalmine', 'Sala civica']]],
      ['Con il patrocinio di', [['Ministero della Cultura', '']]],
    ])
    const all = view.credits.flatMap((g) => g.credits)
    expect(all.find((c) => c.name.startsWith('Fondazione'))?.href).toBe('https://www.fondazione.example.org')
    expect(all.find((c) => c.name === 'Regione Lombardia')?.logo).toMatchObject({
      alt: 'Logo di Regione Lombardia',
      url: expect.stringMatching(/logo-regione/),
    })
    expect(all.find((c) => c.name === 'Comune di Dalmine')?.href).toBeNull()
  })

  it('the English page names the roles in English and keeps the funders’ own words', async () => {
    const view = await eventView((await findEventBySlug(event.slug as string)) as Event, 'en')
    expect(view.credits.map((g) => g.label)).toEqual([
      null,
      'Funded by',
      'In partnership with',
      'Under the patronage of',
    ])
    expect(view.credits[1]?.credits[0]?.detail).toBe('Bando Biblioteche e promozione della lettura 2026')
    expect(view.credits[1]?.credits[0]?.logo?.alt).toBe('Regione Lombardia logo')
  })

  it('the rassegna’s page shows its own credits', async () => {
    const doc = await findEntity('rassegna', seriesSlug)
    const view = await entityView('rassegna', doc as never, 'it')
    expect(view.credits.map((g) => [g.label, g.credits.map((c) => c.name)])).toEqual([
      ['Finanziato da', ['Comune di Dalmine', 'Regione Lombardia']],
    ])
  })

  it('a page that names nobody has no credits', async () => {
    const plain = await fixtureEvent(payload, net, { title: 'Evento senza sostenitori' })
    const view = await eventView((await findEventBySlug(plain.slug as string)) as Event, 'it')
    expect(view.credits).toEqual([])
  })
})

describe('supportedActivities: the dates a funder supported', () => {
  const row = (
    title: string,
    start: string,
    library: string,
    comune: string,
    role: string,
    detail: string,
    through: string,
  ) => ({ title, start, library, comune, role, detail, through })
  const shape = (list: SupportedActivity[]) =>
    list.map((a) => row(a.title, a.start, a.library, a.comune, a.role, a.detail, a.through))
  /** The funder's report over the network by both implementations (SQL on SQLite, the scan): they must agree. */
  const reportRows = async (funderId: Id, period: { from: string; to: string }) => {
    try {
      process.env.REPORTS_QUERY = 'scan'
      const scan = await funderActivities(payload, { kind: 'network' }, funderId, period)
      if (!onSqlite) return scan
      process.env.REPORTS_QUERY = 'sql'
      expect(await funderActivities(payload, { kind: 'network' }, funderId, period)).toEqual(scan)
      return scan
    } finally {
      delete process.env.REPORTS_QUERY
    }
  }

  it('lists every date in the period of the events it supports, directly or through a rassegna, festival or campaign, each once', async () => {
    const regione = await funder('Regione Lombardia (rendiconto)', { kind: 'public' })
    const other = await funder('Altro sponsor', { kind: 'sponsor' })
    const bando = 'Bando Biblioteche 2026'
    const series = await container(SLUGS.series, {
      title: 'Rassegna finanziata',
      system: net.systems.a,
      support: [{ funder: regione, role: 'funded', detail: bando }],
    })
    const festival = await container(SLUGS.festivals, {
      title: 'Festival patrocinato',
      startDate: romeAt(1, 0),
      endDate: romeAt(60, 0),
      support: [{ funder: regione, role: 'patronage' }],
    })
    const campaign = await container(SLUGS.campaigns, {
      title: 'Campagna sostenuta',
      startDate: romeAt(1, 0),
      endDate: romeAt(60, 0),
      support: [
        { funder: other, role: 'supported' },
        { funder: regione, role: 'supported', detail: 'Campagna regionale' },
      ],
    })
    // Named directly and through its rassegna: once per date, as the event names it.
    await fixtureEvent(payload, net, {
      title: 'Letture del sabato',
      series,
      start: romeAt(3, 10, 30),
      end: romeAt(3, 11, 30),
      recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      support: [{ funder: regione, role: 'supported', detail: 'Contributo diretto' }],
    })
    await fixtureEvent(payload, net, {
      title: 'Autore in biblioteca',
      series,
      library: net.libraries.a2,
      start: romeAt(5, 18),
      end: romeAt(5, 19),
    })
    // A campaign's event with one date in the period and one after it.
    await fixtureEvent(payload, net, {
      title: 'Laboratorio di fumetto',
      campaigns: [campaign],
      start: romeAt(6, 15),
      end: romeAt(6, 16),
      recurrence: { frequency: 'weekly', interval: 5, count: 2 },
    })
    await fixtureEvent(payload, net, {
      title: 'Spettacolo al festival',
      system: net.systems.b,
      library: net.libraries.b1,
      festival,
      start: romeAt(8, 21),
      end: romeAt(8, 22),
    })
    // Not the funder's: another sponsor only, a draft never published, a date before the period.
    await fixtureEvent(payload, net, {
      title: 'Sostenuto da altri',
      start: romeAt(4, 17),
      end: romeAt(4, 18),
      support: [{ funder: other, role: 'funded' }],
    })
    await fixtureEvent(payload, net, {
      title: 'Bozza sostenuta',
      _status: 'draft',
      start: romeAt(4, 17),
      end: romeAt(4, 18),
      support: [{ funder: regione, role: 'funded' }],
    })
    await fixtureEvent(payload, net, {
      title: 'Prima del periodo',
      series,
      start: romeAt(1, 9),
      end: romeAt(1, 10),
    })

    const period = { from: romeAt(2, 0), to: romeAt(30, 0) }
    const list = await supportedActivities(payload, regione, period)
    const direct = (days: number) =>
      row(
        'Letture del sabato',
        romeAt(days, 10, 30),
        'Biblioteca di Dalmine',
        'Dalmine',
        'supported',
        'Contributo diretto',
        'event',
      )
    expect(shape(list)).toEqual([
      direct(3),
      row('Autore in biblioteca', romeAt(5, 18), 'Biblioteca di Stezzano', 'Stezzano', 'funded', bando, 'series'),
      row(
        'Laboratorio di fumetto',
        romeAt(6, 15),
        'Biblioteca di Dalmine',
        'Dalmine',
        'supported',
        'Campagna regionale',
        'campaign',
      ),
      row('Spettacolo al festival', romeAt(8, 21), 'Biblioteca di Albino', 'Albino', 'patronage', '', 'festival'),
      direct(10),
      direct(17),
    ])
    expect(list.every((a) => a.status === 'scheduled')).toBe(true)
    expect(shape(await reportRows(regione, period))).toEqual(shape(list))
    expect(await supportedActivities(payload, regione, { from: romeAt(40, 0), to: romeAt(50, 0) })).toHaveLength(1)
  })

  it('reads a long run of dates page by page without losing or repeating one', async () => {
    const sponsor = await funder('Sponsor di tutto l’anno', { kind: 'sponsor' })
    await fixtureEvent(payload, net, {
      title: 'Apertura serale',
      start: romeAt(1, 20),
      end: romeAt(1, 21),
      recurrence: { frequency: 'daily', interval: 1, count: 450 },
      support: [{ funder: sponsor, role: 'funded' }],
    })
    const period = { from: romeAt(0, 0), to: romeAt(500, 0) }
    const list = await supportedActivities(payload, sponsor, period)
    expect(list.map((a) => a.start)).toEqual(Array.from({ length: 450 }, (_, i) => romeAt(1 + i, 20)))
    expect((await reportRows(sponsor, period)).map((a) => a.start)).toEqual(list.map((a) => a.start))
  })

  it('a funder nobody names supports nothing', async () => {
    const unnamed = await funder('Fondazione mai citata')
    expect(await supportedActivities(payload, unnamed, { from: romeAt(0, 0), to: romeAt(400, 0) })).toEqual([])
    expect(await reportRows(unnamed, { from: romeAt(0, 0), to: romeAt(400, 0) })).toEqual([])
  })
})
