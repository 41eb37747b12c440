import { commitTransaction, createLocalReq, initTransaction, type Payload, type PayloadRequest } from 'payload'
import { COMUNI } from '../../collections/data/comuni'
import { COMUNE_COORDINATES } from '../../collections/data/comuni-geo'
import type { EventStatus } from '../../collections/enums'
import { plainTextToLexical } from '../../collections/lib/lexical-text'
import { fromWall, toWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { type Band, ensureAttendanceBands, listBands, waitingDates } from '../attendance'
import { seedCalendarImport } from './calendar-import'
import { DEMO_NOTE, TEMPLATES } from './events'
import { seedFunders } from './funders'
import { seedPictures } from './images'
import { AUDIENCES, CATEGORIES, CITY_LIBRARIES, SYSTEMS, VENUES } from './network'
import { seedPartners } from './partners'
import { seedProposals } from './proposals'
import { prng } from './random'
import { eventSlugBook } from './slugs'

type Id = number | string

const EVENTS_PER_TRANSACTION = 100

const comuneByName = (name: string) => {
  const c = COMUNI.find((x) => x.name === name)
  if (!c) throw new Error(`Unknown comune in seed: ${name}`)
  return c
}

/**
 * Plausible coordinates of the n-th demo place in a comune: near the comune's seat (GeoNames), a few hundred
 * metres apart. Derived from `n`, not from the seed's random stream, so the demo events stay the same.
 */
const placeIn = (istat: string, n: number): { lat?: number; lng?: number } => {
  const seat = COMUNE_COORDINATES[istat]
  if (!seat) return {}
  const round = (x: number) => Math.round(x * 100_000) / 100_000
  return { lat: round(seat[0] + 0.0018 * ((n % 5) - 2)), lng: round(seat[1] + 0.0025 * (((n * 3) % 5) - 2)) }
}

/** A Rome wall-clock time `days` after today's Rome date, as an ISO instant. */
const romeAt = (today: Date, days: number, hour: number, minute = 0) => {
  const wall = toWall(today)
  return fromWall(
    new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + days, hour, minute)),
  ).toISOString()
}
const romeDate = (today: Date, days: number) => romeAt(today, days, 0)

/** Days from today to the Saturday on or after `today + offset` (Rome calendar). */
const saturdayAround = (today: Date, offset: number) => {
  const weekday = toWall(new Date(romeAt(today, offset, 12))).getUTCDay()
  return offset + ((6 - weekday + 7) % 7)
}

/** Offsets from today of the next yearly period (month/day to month/day, Rome calendar) that is not over yet. */
const yearly = (today: Date, from: [number, number], to: [number, number]): [number, number] => {
  const wall = toWall(today)
  const day0 = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate())
  const year = wall.getUTCFullYear() + (Date.UTC(wall.getUTCFullYear(), to[0] - 1, to[1]) < day0 ? 1 : 0)
  const offset = ([m, d]: [number, number]) => Math.round((Date.UTC(year, m - 1, d) - day0) / 86_400_000)
  return [offset(from), offset(to)]
}

export type SeedOptions = { events?: number; today?: Date; log?: (line: string) => void }

/** Builds the demo network. Deterministic for a given `today`; the caller decides whether the database is empty. */
export const seedNetwork = async (payload: Payload, options: SeedOptions = {}) => {
  const today = options.today ?? new Date()
  const eventCount = options.events ?? 300
  const log = options.log ?? (() => {})
  const rnd = prng(20_241_120)
  const base = { overrideAccess: true, depth: 0, context: { seed: true } } as const // seeding is not a person's request

  const systems = new Map<string, Id>()
  for (const s of SYSTEMS) {
    const doc = await payload.create({
      collection: SLUGS.systems,
      data: {
        name: s.name,
        shortName: s.shortName,
        description: `${s.name}: le biblioteche di ${s.comuni.join(', ')}. (Contenuto dimostrativo.)`,
        email: `info@${s.key}.rbbg.example.org`,
        newsletter: { fromName: s.fromName, replyTo: `newsletter@${s.key}.rbbg.example.org` },
      },
      ...base,
    })
    systems.set(s.key, doc.id)
  }
  log(`${systems.size} sistemi`)

  const categories = new Map<string, Id>()
  for (const name of CATEGORIES)
    categories.set(name, (await payload.create({ collection: SLUGS.categories, data: { name }, ...base })).id)
  const audiences = new Map<string, Id>()
  for (const [order, a] of AUDIENCES.entries())
    audiences.set(a.slug, (await payload.create({ collection: SLUGS.audiences, data: { ...a, order }, ...base })).id)

  const libraries: { id: Id; system: string }[] = []
  for (const s of SYSTEMS) {
    const names = s.key === 'urbano' ? CITY_LIBRARIES : s.comuni.map((c) => `Biblioteca comunale di ${c}`)
    for (const [i, name] of names.entries()) {
      const comune = comuneByName(s.comuni[Math.min(i, s.comuni.length - 1)] as string)
      const doc = await payload.create({
        collection: SLUGS.libraries,
        data: {
          name,
          system: systems.get(s.key) as number,
          comune: comune.istat as never,
          address: `Via Roma ${10 + i} (indirizzo dimostrativo)`,
          ...placeIn(comune.istat, i),
          email: `biblioteca.${comune.slug}@rbbg.example.org`,
          phone: `035 ${String(200000 + i * 1111).slice(0, 6)}`,
          accessibilityNotes: i % 2 === 0 ? 'Ingresso senza barriere, ascensore per il primo piano.' : undefined,
        },
        ...base,
      })
      libraries.push({ id: doc.id, system: s.key })
    }
  }
  log(`${libraries.length} biblioteche`)

  const venues: { id: Id; system: string }[] = []
  for (const [n, v] of VENUES.entries()) {
    const doc = await payload.create({
      collection: SLUGS.venues,
      data: {
        name: v.name,
        kind: v.kind as never,
        comune: comuneByName(v.comune).istat as never,
        address: 'Indirizzo dimostrativo',
        ...placeIn(comuneByName(v.comune).istat, n + 7),
        system: systems.get(v.system) as number,
      },
      ...base,
    })
    venues.push({ id: doc.id, system: v.system })
  }

  // Each campaign's period agrees with its events: an event is linked to its template's campaign only when all
  // its days fall within the period (Nati per Leggere runs all year; the others at their time of year).
  const periods = new Map<string, [number, number]>([
    ['nati-per-leggere', [-60, 365]],
    ['il-maggio-dei-libri', yearly(today, [4, 23], [5, 31])],
    ['estate-in-biblioteca', yearly(today, [6, 15], [9, 15])],
  ])
  const campaign = async (title: string, slug: string, summary: string, ages: string[]) => {
    const [from, to] = periods.get(slug) as [number, number]
    return (
      await payload.create({
        collection: SLUGS.campaigns,
        data: {
          title,
          slug,
          summary,
          startDate: romeDate(today, from),
          endDate: romeDate(today, to),
          audiences: ages.map((a) => audiences.get(a) as number),
        },
        ...base,
      })
    ).id
  }
  const campaigns = new Map<string, Id>([
    [
      'nati-per-leggere',
      await campaign(
        'Nati per Leggere',
        'nati-per-leggere',
        'Leggere ai bambini fin dai primi mesi di vita: letture, bibliografie e incontri per le famiglie.',
        ['0-3-anni', '3-6-anni'],
      ),
    ],
    [
      'il-maggio-dei-libri',
      await campaign(
        'Il Maggio dei Libri',
        'il-maggio-dei-libri',
        'La campagna nazionale del Centro per il libro e la lettura: incontri, presentazioni e letture in tutta la rete.',
        ['adulti'],
      ),
    ],
    [
      'estate-in-biblioteca',
      await campaign(
        'Estate in biblioteca',
        'estate-in-biblioteca',
        'Letture estive per ragazze e ragazzi: sfide di lettura, club del libro e laboratori.',
        ['6-10-anni', '11-13-anni'],
      ),
    ],
  ])
  const inCampaign = (slug: string | undefined, first: number, last: number) => {
    const period = slug ? periods.get(slug) : undefined
    return !!period && first >= period[0] && last <= period[1]
  }

  const festival = await payload.create({
    collection: SLUGS.festivals,
    data: {
      title: 'Festival della lettura della Bassa',
      slug: 'festival-della-lettura-della-bassa',
      system: systems.get('bassa') as number,
      summary:
        'Una settimana di incontri, letture e spettacoli nelle biblioteche della Bassa. (Contenuto dimostrativo.)',
      startDate: romeDate(today, 40),
      endDate: romeDate(today, 47),
    },
    ...base,
  })
  const series = new Map<string, Id>()
  for (const [key, title] of [
    ['valle', 'Storie sotto l’albero'],
    ['urbano', 'Autori in biblioteca'],
    ['dalmine', 'Cineforum d’inverno'],
  ] as const) {
    const doc = await payload.create({
      collection: SLUGS.series,
      data: {
        title,
        system: systems.get(key) as number,
        summary: `Rassegna del sistema ${SYSTEMS.find((s) => s.key === key)?.shortName}. (Contenuto dimostrativo.)`,
        startDate: romeDate(today, -30),
        endDate: romeDate(today, 120),
      },
      ...base,
    })
    series.set(key, doc.id)
  }

  const pictures = await seedPictures(payload, log)

  const hours = [
    [10, 0],
    [10, 30],
    [15, 0],
    [16, 30],
    [17, 0],
    [18, 0],
    [20, 30],
  ] as const
  const slugFor = eventSlugBook()
  const started = Date.now()
  // Events go in batches, each one transaction: the same operations, hooks and validation as one at a
  // time, but SQLite commits (and @libsql/client opens a connection, which it never closes) once per batch
  // instead of once per event: 20,000 single-event transactions would run out of file descriptors.
  let batch: PayloadRequest | undefined
  const registrable: (number | string)[] = []
  for (let i = 0; i < eventCount; i++) {
    if (!batch) {
      batch = await createLocalReq({}, payload)
      await initTransaction(batch)
    }
    const system = SYSTEMS[i % SYSTEMS.length] as (typeof SYSTEMS)[number]
    const own = libraries.filter((l) => l.system === system.key)
    const library = rnd.pick(own)
    const weekly = i % 15 === 0
    const template = weekly ? (TEMPLATES[1] as (typeof TEMPLATES)[number]) : rnd.pick(TEMPLATES)
    const day = weekly ? saturdayAround(today, -28) : rnd.int(-30, 180)
    const [hour, minute] = rnd.pick(hours)
    const exhibition = !weekly && (template.categories.includes('Mostra') || i % 23 === 0)
    const allDay = exhibition || (!weekly && i % 17 === 0)
    const status: EventStatus =
      i % 29 === 0 ? 'cancelled' : i % 31 === 0 ? 'full' : i % 37 === 0 ? 'postponed' : 'scheduled'
    const start = weekly ? romeAt(today, day, 10, 30) : allDay ? romeDate(today, day) : romeAt(today, day, hour, minute)
    // Drawn exactly where the end always drew it, so every event's data stays as it was.
    const extraDays = allDay && exhibition ? rnd.int(3, 20) : 0
    const end = allDay
      ? romeDate(today, day + extraDays)
      : new Date(new Date(start).getTime() + Math.max(template.minutes, 30) * 60_000).toISOString()
    const venue = i % 11 === 0 ? venues.find((v) => v.system === system.key) : undefined
    const inSeries = i % 9 === 0 ? series.get(system.key) : undefined
    const title = weekly ? `${template.title} (ogni settimana)` : template.title
    // Nati per Leggere readings without a phone booking take registrations on the site (issue 14).
    const registers = template.campaign === 'nati-per-leggere' && i % 4 !== 0 && !allDay
    const created = await payload.create({
      collection: SLUGS.events,
      data: {
        title,
        slug: slugFor(title, start),
        summary: template.summary,
        description: plainTextToLexical(`${template.summary}\n${DEMO_NOTE}`) as never,
        image: (pictures.get(template.title)?.id as number) ?? undefined,
        imageAlt: pictures.get(template.title)?.alt,
        system: systems.get(system.key) as number,
        library: library.id as number,
        venue: (venue?.id as number) ?? undefined,
        start,
        start_tz: 'Europe/Rome',
        end_tz: 'Europe/Rome',
        end,
        allDay,
        recurrence: weekly
          ? {
              frequency: 'weekly',
              interval: 1,
              byWeekday: ['SA'],
              count: 30,
              excludedDates: [{ date: romeDate(today, day + 35) }],
            }
          : { frequency: 'none' },
        status,
        categories: template.categories.map((c) => categories.get(c) as number),
        audiences: template.audiences.map((a) => audiences.get(a) as number),
        free: i % 7 !== 0,
        price: i % 7 === 0 ? '5 € / ridotto 3 €' : undefined,
        booking:
          i % 4 === 0
            ? { mode: 'required', phone: '035 000000', email: 'prenotazioni@rbbg.example.org' }
            : { mode: 'none' },
        registration: registers
          ? {
              mode: 'required',
              places: 15,
              maxPerBooking: 4,
              ageBands: template.audiences.includes('0-3-anni') ? ['0-2', '3-5'] : ['3-5', '6-10'],
              waitingList: true,
            }
          : { mode: 'off' },
        accessibility: i % 3 === 0 ? ['step-free'] : i % 5 === 0 ? ['step-free', 'induction-loop'] : [],
        languages: ['it'],
        series: (inSeries as number) ?? undefined,
        festival: system.key === 'bassa' && day >= 40 && day <= 47 ? (festival.id as number) : undefined,
        campaigns: inCampaign(template.campaign, day, weekly ? day + 29 * 7 : day + extraDays)
          ? [campaigns.get(template.campaign as string) as number]
          : [],
        featured: i % 20 === 0,
        _status: i % 40 === 39 ? 'draft' : 'published',
      },
      ...base,
      select: {},
      req: batch,
    })
    if (registers) registrable.push(created.id)
    if ((i + 1) % EVENTS_PER_TRANSACTION === 0 || i === eventCount - 1) {
      await commitTransaction(batch)
      batch = undefined
    }
    // libsql frees a statement's native memory only in a finalizer that runs when the event loop turns, and
    // a create never yields to it (every SQLite call is synchronous): without this, ~0.6 MB per event piles up.
    await new Promise(setImmediate)
    if ((i + 1) % 500 === 0)
      log(`${i + 1}/${eventCount} eventi (${Math.round((Date.now() - started) / (i + 1))} ms/evento)`)
  }
  log(`${eventCount} eventi in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await seedStaffTraining(payload, {
    system: systems.get('urbano') as Id,
    library: libraries.find((l) => l.system === 'urbano')?.id as Id,
    course: categories.get('Corso') as Id,
    adults: audiences.get('adulti') as Id,
    slug: slugFor,
    today,
  })
  log('1 evento riservato al personale')
  await seedRegistrations(payload, registrable, today, log)
  await seedAttendance(payload, registrable, today, log)
  await seedAttendanceHistory(payload, today, log)
  await seedFunders(payload, {
    system: systems.get('dalmine') as Id,
    series: series.get('dalmine') as Id,
    campaign: campaigns.get('nati-per-leggere') as Id,
    today,
    log,
  })
  await seedPartners(payload, {
    valle: systems.get('valle') as Id,
    urbano: systems.get('urbano') as Id,
    today,
    log,
  })
  await seedFollows(payload, { series: series.get('dalmine') as Id, today, log })
  await seedCalendarImport(payload, {
    system: systems.get('dalmine') as Id,
    library: libraries.find((l) => l.system === 'dalmine')?.id as Id,
    today,
    log,
  })
  await seedProposals(payload, {
    valle: systems.get('valle') as Id,
    library: libraries.find((l) => l.system === 'valle')?.id as Id,
    category: categories.get('Spettacolo') as Id | undefined,
    audience: audiences.get('famiglie') as Id | undefined,
    today,
    log,
  })
}

/**
 * Two confirmed addresses that follow pages (no newsletter): one the Dalmine rassegna and one of its events,
 * the other the rassegna only; so the admin's follower count and the preference centre show something.
 */
const seedFollows = async (payload: Payload, at: { series: Id; today: Date; log: (line: string) => void }) => {
  const base = { overrideAccess: true, depth: 0 } as const
  const rassegna = (await payload.findByID({ collection: SLUGS.series, id: at.series, ...base })) as {
    id: number
    title: string
  }
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { series: { equals: at.series } },
    sort: 'start',
    limit: 1,
    select: { title: true },
    ...base,
  })
  const event = docs[0] as { id: number; title: string } | undefined
  const now = at.today.toISOString()
  const consent = { requestedAt: now, confirmedAt: now, formUrl: 'https://agenda.example.org/demo', ip: null }
  const nonce = (n: number) => `demo-follow-nonce-${n}`
  const follows: [string, { kind: 'series' | 'events'; id: number; title: string }[]][] = [
    [
      'famiglia.locatelli@example.org',
      [
        { kind: 'series', id: rassegna.id, title: rassegna.title },
        ...(event ? [{ kind: 'events' as const, id: event.id, title: event.title }] : []),
      ],
    ],
    ['maestra.bianchi@example.org', [{ kind: 'series', id: rassegna.id, title: rassegna.title }]],
  ]
  let n = 0
  for (const [email, pages] of follows) {
    const subscriber = await payload.create({
      collection: SLUGS.subscribers,
      data: {
        email,
        status: 'confirmed',
        language: 'it',
        tokenNonce: nonce(n++),
        preferences: { newsletter: false, weeklyDigest: false },
        consent: { ...consent, noticeVersion: 'demo' },
      },
      ...base,
    })
    for (const page of pages)
      await payload.create({
        collection: SLUGS.follows,
        data: {
          subscriber: subscriber.id as number,
          kind: page.kind,
          targetId: page.id,
          title: page.title,
          state: 'active',
          language: 'it',
          tokenNonce: nonce(n++),
          consent,
        },
        ...base,
      })
  }
  at.log('2 indirizzi che seguono una rassegna o un evento')
}

/**
 * One staff-only event (internal training) of the whole network, two mornings with registration: it shows in
 * the admin's internal agenda and nowhere on the site. Written after the demo events, so their data is unchanged.
 */
const seedStaffTraining = async (
  payload: Payload,
  at: { system: Id; library: Id; course: Id; adults: Id; slug: (title: string, start: string) => string; today: Date },
) => {
  const title = 'Formazione del personale: catalogazione dei libri per ragazzi'
  const start = romeAt(at.today, saturdayAround(at.today, 14) - 3, 9, 30) // a Wednesday, two weeks ahead
  await payload.create({
    collection: SLUGS.events,
    data: {
      title,
      slug: at.slug(title, start),
      summary: 'Due mattine di formazione interna per il personale della rete: soggetti, classi e scaffale aperto.',
      description: plainTextToLexical(
        `Corso interno per bibliotecarie e bibliotecari della rete. Portate un portatile.\n${DEMO_NOTE}`,
      ) as never,
      system: at.system as number,
      library: at.library as number,
      start,
      start_tz: 'Europe/Rome',
      end: new Date(new Date(start).getTime() + 3 * 3_600_000).toISOString(),
      end_tz: 'Europe/Rome',
      recurrence: { frequency: 'weekly', interval: 1, count: 2 },
      status: 'scheduled',
      categories: [at.course as number],
      audiences: [at.adults as number],
      free: true,
      booking: { mode: 'none' },
      registration: { mode: 'required', places: 20, maxPerBooking: 5, waitingList: true },
      languages: ['it'],
      staffOnly: true,
      _status: 'published',
    },
    overrideAccess: true,
    depth: 0,
    context: { seed: true },
    select: {},
  })
}

/**
 * Demo bookings on the next date of the first registrable events: one date full (waiting list), one with
 * the last places, one half full; the rest stay empty. Written directly (no confirmation mail is queued).
 */
const seedRegistrations = async (
  payload: Payload,
  events: (number | string)[],
  today: Date,
  log: (line: string) => void,
) => {
  const taken = [15, 13, 8]
  let filled = 0
  for (const id of events) {
    if (filled >= taken.length) break
    const { docs } = await payload.find({
      collection: SLUGS.occurrences,
      where: { and: [{ event: { equals: id } }, { start: { greater_than: today.toISOString() } }] },
      sort: 'start',
      limit: 1,
      depth: 0,
      select: { start: true, system: true, library: true },
      overrideAccess: true,
    })
    const date = docs[0]
    if (!date) continue
    const people = taken[filled] as number
    for (let n = 0; n < people; ) {
      const adults = 1
      const children = n + 3 <= people ? 2 : Math.max(0, people - n - 1)
      await payload.create({
        collection: SLUGS.registrations,
        data: {
          event: id as number,
          start: date.start,
          status: 'confirmed',
          adults,
          people: adults + children,
          // '3-5' is in both demo band lists.
          children: Array.from({ length: children }, () => ({ band: '3-5' as const })),
          name: `Famiglia dimostrativa ${filled + 1}.${n + 1}`,
          email: `famiglia${filled + 1}.${n + 1}@example.org`,
          system: date.system as number,
          library: (date.library as number | null) ?? null,
          tokenNonce: `demo-${id}-${n}`,
        },
        overrideAccess: true,
        depth: 0,
      })
      n += adults + children
    }
    filled++
  }
  log(`${filled} date con iscrizioni dimostrative`)
}

/**
 * The most recent past date (within two weeks, so the desk lists it) of a registrable event: bookings of which
 * most arrived, one did not come and one was cancelled, and the headcount with people who came without
 * booking, so the desk's sheet shows attendance from the start.
 */
const seedAttendance = async (
  payload: Payload,
  events: (number | string)[],
  today: Date,
  log: (line: string) => void,
) => {
  if (!events.length) return
  const { docs } = await payload.find({
    collection: SLUGS.occurrences,
    where: {
      and: [
        { event: { in: events } },
        { start: { less_than: today.toISOString() } },
        { start: { greater_than: new Date(today.getTime() - 14 * 86_400_000).toISOString() } },
        { status: { equals: 'scheduled' } },
      ],
    },
    sort: '-start',
    limit: 1,
    depth: 0,
    select: { event: true, title: true, start: true, system: true, library: true },
    overrideAccess: true,
  })
  const date = docs[0]
  if (!date) return
  const arrived = new Date(new Date(date.start).getTime() - 5 * 60_000).toISOString()
  // '3-5' is in both demo band lists.
  const parties = [
    { adults: 2, children: 1, status: 'attended', source: 'web' },
    { adults: 1, children: 2, status: 'attended', source: 'web' },
    { adults: 1, children: 1, status: 'attended', source: 'phone' },
    { adults: 1, children: 1, status: 'attended', source: 'desk' },
    { adults: 2, children: 0, status: 'confirmed', source: 'web' },
    { adults: 1, children: 1, status: 'cancelled', source: 'web' },
  ] as const
  let checkedIn = 0
  let children = 0
  let adults = 0
  for (const [n, party] of parties.entries()) {
    const people = party.adults + party.children
    await payload.create({
      collection: SLUGS.registrations,
      data: {
        event: date.event as number,
        start: date.start,
        status: party.status,
        source: party.source,
        adults: party.adults,
        people,
        children: Array.from({ length: party.children }, () => ({ band: '3-5' as const })),
        name: `Famiglia presente ${n + 1}`,
        email: party.source === 'phone' ? null : `presente${n + 1}@example.org`,
        phone: party.source === 'phone' ? '035 000000' : null,
        system: date.system as number,
        library: (date.library as number | null) ?? null,
        checkedInAt: party.status === 'attended' ? arrived : null,
        cancelledAt: party.status === 'cancelled' ? date.start : null,
        tokenNonce: `demo-past-${date.event}-${n}`,
      },
      overrideAccess: true,
      depth: 0,
    })
    if (party.status === 'attended') {
      checkedIn += people
      children += party.children
      adults += party.adults
    }
  }
  const walkIns = 3
  await payload.create({
    collection: SLUGS.attendance,
    data: {
      title: `${date.title} – ${new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(date.start))}`,
      event: date.event as number,
      start: date.start,
      checkedIn,
      walkIns,
      total: checkedIn + walkIns,
      bands: [{ band: '3-5', count: children + 2 }],
      // The same people by attendance band: the booked children and the two who came are 0–5, one grandparent.
      ages: agesOf(await seedBands(payload), { young: children + 2, adults, elders: 1 }),
      format: 'presence',
      notes: 'Due bambini e un nonno sono venuti senza iscrizione.',
      system: date.system as number,
      library: (date.library as number | null) ?? null,
    },
    overrideAccess: true,
    depth: 0,
  })
  log(`1 data passata con arrivi e presenze (${checkedIn + walkIns} persone)`)
}

const seedBands = async (payload: Payload) => {
  await ensureAttendanceBands(payload)
  return listBands(payload)
}

/** Counts by the default attendance bands, found by their youngest age (the bands are data). */
const agesOf = (bands: Band[], split: { young?: number; child?: number; adults?: number; elders?: number }) => {
  const at = (age: number) => bands.find((b: Band) => b.minAge <= age && (b.maxAge == null || age <= b.maxAge))?.id
  return [
    [at(3), split.young],
    [at(8), split.child],
    [at(30), split.adults],
    [at(70), split.elders],
  ]
    .filter((pair): pair is [number, number] => pair[0] != null && !!pair[1])
    .map(([band, count]) => ({ band, count }))
}

/** How many of the most recent past dates are left waiting for attendance, so the view has something to show. */
const WAITING_IN_DEMO = 3

/**
 * The attendance of the past dates that would wait for it, recorded by age band (every other date mostly 0–5
 * and adults, the rest adults and elders; one in nine cancelled on the day), except the three most recent,
 * which wait in "Date in attesa di presenze".
 */
const seedAttendanceHistory = async (payload: Payload, today: Date, log: (line: string) => void) => {
  const open = await waitingDates(payload, { kind: 'network', where: null, id: null }, today)
  const bands = await seedBands(payload)
  let written = 0
  for (const [i, date] of open.slice(WAITING_IN_DEMO).entries()) {
    const cancelled = i % 9 === 8
    const total = cancelled ? 0 : 6 + ((i * 7) % 23)
    const forChildren = i % 2 === 0
    const young = forChildren ? Math.ceil(total * 0.55) : 0
    const elders = forChildren ? 0 : Math.floor(total / 4)
    await payload.create({
      collection: SLUGS.attendance,
      data: {
        event: date.event as number,
        start: date.start,
        total,
        outcome: cancelled ? 'cancelled' : 'held',
        format: i % 6 === 5 ? 'outdoor' : 'presence',
        ages: cancelled ? [] : agesOf(bands, { young, adults: total - young - elders, elders }),
        notes: cancelled ? 'Annullata la mattina stessa per indisposizione della lettrice.' : null,
        system: date.system as number,
        library: (date.library as number | null) ?? null,
      },
      overrideAccess: true,
      depth: 0,
    })
    written++
  }
  log(`${written} date passate con le presenze per fascia d’età, ${Math.min(open.length, WAITING_IN_DEMO)} in attesa`)
}

export const isEmpty = async (payload: Payload) =>
  (await payload.count({ collection: SLUGS.systems, overrideAccess: true })).totalDocs === 0
