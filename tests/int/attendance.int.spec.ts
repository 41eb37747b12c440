// Attendance after each date (issue 15) on real SQLite, over REST with real users, and a real SMTP server:
// who may record and correct a date's attendance (refusals write nothing), the rules on the figures and the
// date (field errors in Italian), versions, the pre-fill from check-ins, the age bands kept as data, the
// dates waiting for attendance per role, and Monday's reminder mail.
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/attendance')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>
type Helpers = typeof import('../helpers/network')
type Who = 'admin' | 'networkEditor' | 'editorA' | 'editorB' | 'contributorA1' | 'contributorB1' | 'public'
type Id = number | string

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let helpers: Helpers
let ERRORS: ReturnType<typeof import('../../shared/strings')['catalogue']>['attendance']['errors']
let bands: Record<'young' | 'child' | 'teen' | 'adult' | 'elder', Id>

let slot = 0
/** A published one-off event of library A1 (or as overridden) that took place `daysAgo` days ago, 10:00–11:00 Rome. */
const pastEvent = async (overrides: Record<string, unknown> = {}, daysAgo = 3) => {
  slot++
  const event = await helpers.fixtureEvent(payload, net, {
    title: `Letture animate ${slot}`,
    start: helpers.romeAt(-daysAgo, 10, slot % 60),
    end: helpers.romeAt(-daysAgo, 11, slot % 60),
    ...overrides,
  } as never)
  return { event: event.id as number, start: new Date(event.start).toISOString(), title: event.title }
}

const as = (who: Who) => helpers.client(payload, net, 'rest', who)
const rows = () => helpers.countAll(payload, 'attendance')
const rowOf = (event: Id) =>
  payload
    .find({ collection: 'attendance', where: { event: { equals: event } }, overrideAccess: true, depth: 0 })
    .then((r) => r.docs[0] as any)
const ages = (split: Partial<Record<keyof typeof bands, number>>) =>
  Object.entries(split).map(([k, count]) => ({ band: bands[k as keyof typeof bands], count }))

/** A booking of a past date marked arrived (written as the desk leaves it). */
const arrivedBooking = (event: number, start: string, adults: number, children: string[]) =>
  payload.create({
    collection: 'registrations',
    data: {
      event,
      start,
      status: 'attended',
      source: 'desk',
      adults,
      people: adults + children.length,
      children: children.map((band) => ({ band })) as never,
      name: 'Famiglia',
      phone: '035 000000',
      system: net.systems.a,
      library: net.libraries.a1,
    },
    overrideAccess: true,
  })

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  payload = await (await import('../helpers/payload')).getPayload()
  wing = await import('../../cms/attendance')
  helpers = await import('../helpers/network')
  ERRORS = (await import('../../shared/strings')).catalogue('it').attendance.errors
  net = await helpers.buildNetwork(payload)
  const list = await wing.listBands(payload)
  const named = (name: string) => list.find((b) => b.name === name)?.id as Id
  bands = {
    young: named('0–5 anni'),
    child: named('6–11 anni'),
    teen: named('12–17 anni'),
    adult: named('Adulti'),
    elder: named('Anziani'),
  }
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('the age bands are data the network admin edits', () => {
  it('a new network starts with the five bands 0–5, 6–11, 12–17, adults, elders, youngest first', async () => {
    const list = await wing.listBands(payload)
    expect(list.map((b) => [b.name, b.minAge, b.maxAge ?? null])).toEqual([
      ['0–5 anni', 0, 5],
      ['6–11 anni', 6, 11],
      ['12–17 anni', 12, 17],
      ['Adulti', 18, 64],
      ['Anziani', 65, null],
    ])
  })

  it('a network admin changes the bands; a band overlapping another is refused with an Italian field error; a band in use cannot be deleted', async () => {
    const admin = as('admin')
    const overlap = await admin.create('attendance-age-bands', { name: 'Prima infanzia', minAge: 0, maxAge: 2 })
    expect(overlap.status).toBe(400)
    expect(overlap.errors).toContainEqual({ path: 'minAge', message: ERRORS.bandOverlap('0–5 anni') })
    const reversed = await admin.create('attendance-age-bands', { name: 'Al contrario', minAge: 90, maxAge: 80 })
    expect(reversed.errors).toContainEqual({ path: 'maxAge', message: ERRORS.bandRange })
    expect(await helpers.countAll(payload, 'attendance-age-bands')).toBe(5)

    // Narrowing a band frees the ages a new one takes (a survey with a band for the over-100s).
    expect((await admin.update('attendance-age-bands', bands.elder as number, { maxAge: 99 })).status).toBe(200)
    const over100 = await admin.create('attendance-age-bands', { name: 'Cento anni e più', minAge: 100, order: 5 })
    expect(over100.status).toBe(201)
    expect((await wing.listBands(payload)).map((b) => b.name).at(-1)).toBe('Cento anni e più')
    expect((await admin.delete('attendance-age-bands', over100.doc.id)).status).toBe(200)
    expect((await admin.update('attendance-age-bands', bands.elder as number, { maxAge: null })).status).toBe(200)
    expect(await helpers.countAll(payload, 'attendance-age-bands')).toBe(5)

    const { event, start } = await pastEvent()
    expect(
      (await as('contributorA1').create('attendance', { event, start, total: 2, ages: ages({ elder: 2 }) })).status,
    ).toBe(201)
    const removed = await admin.delete('attendance-age-bands', bands.elder as number)
    expect(removed.status).toBe(400)
    expect(removed.message).toBe(ERRORS.bandInUse(1))
    expect(await helpers.countAll(payload, 'attendance-age-bands')).toBe(5)
  })
})

describe('recording a date’s attendance', () => {
  it('a library’s contributor records a past date of their library: total, age bands, outcome, format; system, library and title come from the event', async () => {
    const { event, start, title } = await pastEvent()
    const res = await as('contributorA1').create('attendance', {
      event,
      start,
      total: 12,
      ages: ages({ young: 5, adult: 6, elder: 1 }),
      outcome: 'held',
      format: 'outdoor',
      notes: 'Sotto il portico',
      system: net.systems.b,
      checkedIn: 40,
    })
    expect(res.status).toBe(201)
    const stored = await rowOf(event)
    expect(stored).toMatchObject({
      total: 12,
      outcome: 'held',
      format: 'outdoor',
      system: net.systems.a,
      library: net.libraries.a1,
      checkedIn: 0,
    })
    expect(stored.title).toContain(title)
    expect(stored.ages.map((a: any) => [a.band, a.count])).toEqual([
      [bands.young, 5],
      [bands.adult, 6],
      [bands.elder, 1],
    ])
  })

  it('a date cancelled on the day is recorded without people', async () => {
    const { event, start } = await pastEvent()
    const res = await as('editorA').create('attendance', { event, start, outcome: 'cancelled' })
    expect(res.status).toBe(201)
    expect(await rowOf(event)).toMatchObject({ outcome: 'cancelled', total: null })
  })

  it('only the event’s own system and library record it: another system’s editor, another library’s contributor, a network editor and anonymous are refused and nothing is written', async () => {
    const { event, start } = await pastEvent({ library: net.libraries.a2 })
    const before = await rows()
    for (const who of ['editorB', 'contributorA1', 'contributorB1', 'networkEditor', 'public'] as const) {
      const res = await as(who).create('attendance', { event, start, total: 5, notes: `da ${who}` })
      expect(res.status, who).toBe(403)
      expect(await rows(), who).toBe(before)
    }
    expect((await as('editorA').create('attendance', { event, start, total: 5 })).status).toBe(201)
    const other = await pastEvent({ system: net.systems.b, library: net.libraries.b1, venue: net.venues.b })
    expect((await as('admin').create('attendance', { ...other, total: 1 })).status).toBe(201)
  })

  it('bad numbers and dates get a 400 with the Italian message on the field, and nothing is written', async () => {
    const { event, start } = await pastEvent()
    await arrivedBooking(event, start, 1, ['3-5', '6-10'])
    const future = await helpers.fixtureEvent(payload, net, { title: 'Domani' })
    const futureStart = new Date(future.start).toISOString()
    const done = await pastEvent()
    await as('contributorA1').create('attendance', { ...done, total: 3 })
    const before = await rows()
    const cases: [Record<string, unknown>, { path: string; message: string }][] = [
      [{ total: -1 }, { path: 'total', message: ERRORS.count('Persone presenti in tutto') }],
      [{ total: 2.5 }, { path: 'total', message: ERRORS.count('Persone presenti in tutto') }],
      [
        { total: 10, walkIns: -3 },
        { path: 'walkIns', message: ERRORS.count('Di cui senza iscrizione') },
      ],
      [
        { total: 10, ages: ages({ young: -1, adult: 11 }) },
        { path: 'ages.0.count', message: ERRORS.count('Persone') },
      ],
      [{}, { path: 'total', message: ERRORS.totalRequired }],
      [
        { total: 4, walkIns: 2 },
        { path: 'total', message: ERRORS.totalTooSmall(3, 2, 4) },
      ],
      [
        { total: 10, ages: ages({ young: 3, adult: 5 }) },
        { path: 'ages', message: ERRORS.agesSum(8, 10) },
      ],
      [
        { total: 5, ages: ages({ young: 3, adult: 5 }) },
        { path: 'ages', message: ERRORS.agesSum(8, 5) },
      ],
      [
        { total: 4, ages: [...ages({ adult: 2 }), ...ages({ adult: 2 })] },
        { path: 'ages', message: ERRORS.duplicateBand },
      ],
      [
        { total: 4, ages: [{ band: 999_999, count: 4 }] },
        { path: 'ages', message: ERRORS.unknownBand },
      ],
      [
        { start: futureStart, event: future.id, total: 4 },
        { path: 'start', message: ERRORS.future },
      ],
      [
        { start: helpers.romeAt(-3, 18), total: 4 },
        { path: 'start', message: ERRORS.notADate },
      ],
      [
        { ...done, total: 4 },
        { path: 'start', message: ERRORS.exists },
      ],
      [
        { event: 999_999, total: 4 },
        { path: 'event', message: ERRORS.noEvent },
      ],
    ]
    for (const [data, error] of cases) {
      const res = await as('contributorA1').create('attendance', { event, start, ...data })
      expect(res.status, JSON.stringify(data)).toBe(400)
      expect(res.errors, JSON.stringify(data)).toContainEqual(error)
    }
    const { rest } = await import('../helpers/payload')
    const words = await rest('POST', '/attendance', {
      token: await net.token('contributorA1'),
      body: { event, start, total: 'dodici' },
    })
    expect(words.status).toBe(400)
    expect(await rows()).toBe(before)
  })

  it('arrivals with a booking are counted from the check-ins, never taken from the form', async () => {
    const { event, start } = await pastEvent()
    await arrivedBooking(event, start, 2, ['0-2', '3-5'])
    const res = await as('contributorA1').create('attendance', { event, start, total: 6, walkIns: 2, checkedIn: 0 })
    expect(res.status).toBe(201)
    expect(await rowOf(event)).toMatchObject({ checkedIn: 4, walkIns: 2, total: 6 })
  })
})

describe('corrections', () => {
  it('a correction keeps the earlier figures as a version and follows the same rules; another library’s correction is refused and changes nothing', async () => {
    const { event, start } = await pastEvent()
    const created = await as('contributorA1').create('attendance', {
      event,
      start,
      total: 10,
      ages: ages({ adult: 10 }),
    })
    const id = created.doc.id
    const bad = await as('contributorA1').update('attendance', id, { total: 12 })
    expect(bad.status).toBe(400)
    expect(bad.errors).toContainEqual({ path: 'ages', message: ERRORS.agesSum(10, 12) })
    const good = await as('contributorA1').update('attendance', id, { total: 12, ages: ages({ child: 4, adult: 8 }) })
    expect(good.status).toBe(200)
    const versions = await payload.findVersions({
      collection: 'attendance',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      overrideAccess: true,
    })
    expect(versions.docs.map((v) => v.version.total)).toEqual([10, 12])
    const before = await rowOf(event)
    for (const who of ['contributorB1', 'editorB', 'networkEditor', 'public'] as const) {
      const res = await as(who).update('attendance', id, { total: 1, ages: [], notes: 'manomesso' })
      expect(res.status, who).toBeGreaterThanOrEqual(400)
      expect(res.status, who).toBeLessThan(500)
    }
    expect(await rowOf(event)).toEqual(before)
    const moved = await as('editorA').update('attendance', id, { event: (await pastEvent()).event, start })
    expect(moved.status).toBe(200)
    expect((await rowOf(event)).id).toBe(id)
  })
})

describe('pre-filled from check-ins', () => {
  it('the arrived bookings give the total and the people by attendance band (children by their band’s youngest age, adults as adults)', async () => {
    const { event, start } = await pastEvent()
    await arrivedBooking(event, start, 2, ['0-2', '3-5', '6-10'])
    await arrivedBooking(event, start, 1, ['11-14', '15-18'])
    const prefill = await wing.prefillOf(payload, [{ event, start }], await wing.listBands(payload))
    expect(prefill.get(wing.prefillKey(event, start))).toEqual({
      checkedIn: 8,
      ages: { [String(bands.adult)]: 3, [String(bands.young)]: 2, [String(bands.child)]: 2, [String(bands.teen)]: 1 },
    })
  })
})

describe('dates waiting for attendance', () => {
  it('each role sees the past dates of its reach without attendance, newest first; recorded, future, cancelled and older ones are not there', async () => {
    const a1Old = await pastEvent({ title: 'A1 meno recente' }, 6)
    const a1New = await pastEvent({ title: 'A1 più recente' }, 1)
    const a2 = await pastEvent({ title: 'A2 in attesa', library: net.libraries.a2 }, 2)
    const b1 = await pastEvent(
      { title: 'B1 in attesa', system: net.systems.b, library: net.libraries.b1, venue: net.venues.b },
      2,
    )
    const recorded = await pastEvent({ title: 'A1 registrata' }, 2)
    await as('contributorA1').create('attendance', { ...recorded, total: 1 })
    const cancelled = await pastEvent({ title: 'A1 annullata', status: 'cancelled' }, 2)
    const tooOld = await pastEvent({ title: 'A1 troppo vecchia' }, wing.WAITING_DAYS + 5)
    const future = await helpers.fixtureEvent(payload, net, { title: 'A1 futura' })
    const mine = new Set([a1Old, a1New, a2, b1, recorded, cancelled, tooOld].map((e) => e.event).concat(future.id))
    const seen = async (who: 'contributorA1' | 'editorA' | 'admin' | 'networkEditor') => {
      const scope = wing.attendanceScope(net.as(who) as never)
      if (!scope) return null
      return (await wing.waitingDates(payload, scope)).filter((d) => mine.has(d.event as number)).map((d) => d.title)
    }
    expect(await seen('contributorA1')).toEqual(['A1 più recente', 'A1 meno recente'])
    expect(await seen('editorA')).toEqual(['A1 più recente', 'A2 in attesa', 'A1 meno recente'])
    expect(await seen('admin')).toEqual(
      expect.arrayContaining(['A1 più recente', 'A2 in attesa', 'B1 in attesa', 'A1 meno recente']),
    )
    expect(await seen('admin')).toHaveLength(4)
    expect(await seen('networkEditor')).toBeNull()

    // The dashboard counts the same dates.
    const { librarianDay } = await import('../../cms/dashboard')
    const scope = wing.attendanceScope(net.as('contributorA1') as never)
    const day = await librarianDay(payload, net.as('contributorA1') as never)
    expect(day.attendanceWaiting).toBe((await wing.waitingDates(payload, scope!)).length)
    expect((await librarianDay(payload, net.as('networkEditor') as never)).attendanceWaiting).toBeNull()
    expect((await librarianDay(payload, net.as('admin') as never)).attendanceWaiting).toBeNull()

    // Recorded: it leaves the list.
    await as('contributorA1').create('attendance', { ...a1New, total: 3 })
    expect(await seen('contributorA1')).toEqual(['A1 meno recente'])
  })
})

describe('Monday’s reminder', () => {
  it('each library’s staff and each system’s editors get the dates of their reach; nobody with nothing waiting gets a mail', async () => {
    // Whatever earlier tests left waiting in system B is recorded: B has nothing to be reminded of.
    const scopeB = wing.attendanceScope(net.as('editorB') as never)!
    for (const d of await wing.waitingDates(payload, scopeB))
      await as('admin').create('attendance', { event: d.event, start: d.start, total: 1 })
    const waitingA1 = await pastEvent({ title: 'Promemoria di Dalmine' }, 1)
    const waitingA2 = await pastEvent({ title: 'Promemoria di Stezzano', library: net.libraries.a2 }, 2)
    smtp.clear()
    await payload.jobs.queue({ task: 'remindAttendance', input: {} })
    await payload.jobs.run({ queue: 'default', limit: 50 })
    await payload.jobs.run({ queue: 'mail', limit: 50 })
    const to = (who: keyof Net['users']) => smtp.to(net.users[who].email)
    const contributor = to('contributorA1')
    expect(contributor).toHaveLength(1)
    const a1Count = (await wing.waitingDates(payload, wing.attendanceScope(net.as('contributorA1') as never)!)).length
    expect(contributor[0]?.mail.subject).toBe(`Presenze da registrare: ${a1Count} date`)
    expect(contributor[0]?.mail.text).toContain(waitingA1.title)
    expect(contributor[0]?.mail.text).not.toContain(waitingA2.title)
    expect(contributor[0]?.mail.text).toContain('http://localhost:3000/admin/presenze')
    const editor = to('editorA')
    expect(editor).toHaveLength(1)
    expect(editor[0]?.mail.text).toContain(waitingA1.title)
    expect(editor[0]?.mail.text).toContain(waitingA2.title)
    for (const who of ['editorB', 'contributorB1', 'admin', 'networkEditor'] as const) expect(to(who), who).toEqual([])
  })

  it('a reminder whose dates were all recorded before the mail queue ran is not sent', async () => {
    const scope = wing.attendanceScope(net.as('contributorB1') as never)!
    const only = await pastEvent(
      { title: 'Unica di Albino', system: net.systems.b, library: net.libraries.b1, venue: net.venues.b },
      1,
    )
    expect((await wing.waitingDates(payload, scope)).map((d) => d.title)).toEqual(['Unica di Albino'])
    smtp.clear()
    const { queued } = await wing.queueAttendanceReminders(payload)
    expect(queued).toBeGreaterThan(0)
    await as('contributorB1').create('attendance', { ...only, total: 7 })
    await payload.jobs.run({ queue: 'mail', limit: 50 })
    expect(smtp.to(net.users.contributorB1.email)).toEqual([])
    expect(smtp.to(net.users.editorB.email)).toEqual([])
    expect(smtp.to(net.users.contributorA1.email)).toHaveLength(1)
  })

  it('the weekly run is Monday 08:00 on Rome’s clocks, across daylight-saving changes', () => {
    const at = (iso: string) => wing.nextReminderRun(new Date(iso)).toISOString()
    expect(at('2026-03-26T10:00:00Z')).toBe('2026-03-30T06:00:00.000Z') // after the change to summer time
    expect(at('2026-10-21T10:00:00Z')).toBe('2026-10-26T07:00:00.000Z') // after the change back
    expect(at('2026-10-26T06:59:00Z')).toBe('2026-10-26T07:00:00.000Z')
  })
})
