// Calendar import (issue 16): a local HTTP server on 127.0.0.1 serves real-world iCalendar files (tests/fixtures/ics),
// sources of system A sync them into the agenda through the import wing, the served files change between syncs.
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { simpleParser } from 'mailparser'
import type { Where } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queueDueSyncs, reviewNoticeOfRun, syncSource } from '../../cms/import'
import type { CalendarSource, Event, ImportRun } from '../../cms/payload-types'
import { SLUGS, TASKS } from '../../collections/slugs'
import { outboxDir } from '../../emails/transport'
import { buildNetwork, type Network, type UserKey } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

const FIXTURES = path.join(process.cwd(), 'tests/fixtures/ics')
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8')

let payload: Payload
let net: Network
let server: Server
let base = ''
/** What the server answers, by path: the tests change it between syncs. */
const served = new Map<string, string>()

beforeAll(async () => {
  process.env.IMPORT_ALLOW_LOOPBACK = '1'
  payload = await getPayload()
  net = await buildNetwork(payload)
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '')
    if (body === undefined) res.writeHead(404).end()
    else res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
  delete process.env.IMPORT_ALLOW_LOOPBACK
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await payload.destroy()
})

type SourceInput = Partial<Pick<CalendarSource, 'authority' | 'vanished' | 'name'>> & { library?: number }

/** A source created the way a person does, through the Local API with access on. */
const newSource = async (who: UserKey, file: string, body: string, extra: SourceInput = {}) => {
  served.set(`/${file}`, body)
  return (await payload.create({
    collection: SLUGS.calendarSources,
    data: {
      name: extra.name ?? file,
      url: `${base}/${file}`,
      library: extra.library ?? net.libraries.a1,
      authority: extra.authority ?? 'source',
      vanished: extra.vanished ?? 'cancel',
    } as never,
    user: net.as(who),
    overrideAccess: false,
    depth: 0,
  })) as CalendarSource
}

const eventsOf = async (sourceId: number | string, draft = false) => {
  const items = await payload.find({
    collection: SLUGS.importItems,
    where: { source: { equals: sourceId } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const ids = items.docs.map((i) => i.event as number).filter((id) => id != null)
  const { docs } = await payload.find({
    collection: SLUGS.events,
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    draft,
    overrideAccess: true,
  })
  return docs as Event[]
}
const byTitle = (events: Event[], title: string) => events.find((e) => e.title === title)
const runOf = async (id: number | string) =>
  (await payload.findByID({ collection: SLUGS.importRuns, id, depth: 0, overrideAccess: true })) as ImportRun
const count = (collection: 'events' | 'import-items' | 'import-runs' | 'payload-jobs', where?: Where) =>
  payload.count({ collection, where, overrideAccess: true }).then((r) => r.totalDocs)

describe('a Google export of a library', () => {
  let source: CalendarSource
  let google: string

  beforeAll(async () => {
    google = fixture('project/biblioteca-google.ics')
    source = await newSource('editorA', 'google.ics', google, { vanished: 'cancel' })
  })

  it('records who the source imports as, whatever the request says', async () => {
    expect(source.runAs).toBe(net.users.editorA.id)
    const forged = await payload.create({
      collection: SLUGS.calendarSources,
      data: { name: 'forged', url: `${base}/none.ics`, runAs: net.users.admin.id } as never,
      user: net.as('contributorA1'),
      overrideAccess: false,
      depth: 0,
    })
    expect(forged.runAs).toBe(net.users.contributorA1.id)
    expect(forged.library).toBe(net.libraries.a1)
  })

  it('creates the events with their rules and exceptions, and logs every item with its reason', async () => {
    const result = await syncSource(payload, source.id, { trigger: 'manual' })
    expect(result.status).toBe('done')
    expect(result.counts).toMatchObject({ created: 4, duplicate: 1, refused: 2, updated: 0, cancelled: 0 })

    const events = await eventsOf(source.id)
    expect(events.map((e) => e.title).sort()).toEqual([
      'Gruppo di lettura',
      "Incontro con l'autore",
      'Letture animate',
      'Mostra di illustrazione',
    ])
    for (const event of events) {
      expect(event._status).toBe('published')
      expect(event.system).toBe(net.systems.a)
      expect(event.library).toBe(net.libraries.a1)
    }
    const talk = byTitle(events, "Incontro con l'autore") as Event
    expect(talk.start).toBe('2027-03-10T17:00:00.000Z')
    expect(talk.end).toBe('2027-03-10T18:30:00.000Z')
    expect(talk.placeNotes).toBe('Sala conferenze')
    expect(talk.summary).toBe('Presentazione del nuovo romanzo, con firma copie.')

    // The weekly series stays a rule: the excluded date, the moved date and the cancelled date as exceptions.
    const readings = byTitle(events, 'Letture animate') as Event
    expect(readings.recurrence).toMatchObject({ frequency: 'weekly', interval: 1, count: 6 })
    expect(readings.recurrence?.excludedDates?.map((d) => d.date?.slice(0, 10))).toEqual(['2027-03-20'])
    const changes = readings.changedDates ?? []
    expect(changes).toHaveLength(2)
    expect(changes.find((c) => c.originalStart === '2027-03-27T09:30:00.000Z')).toMatchObject({
      start: '2027-03-28T14:00:00.000Z', // summer time from that night
      end: '2027-03-28T15:00:00.000Z',
    })
    expect(changes.find((c) => c.originalStart === '2027-04-03T08:30:00.000Z')).toMatchObject({ status: 'cancelled' })
    const dates = await payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: readings.id } },
      sort: 'start',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(dates.docs.map((d) => [d.start, d.status ?? 'scheduled'])).toEqual([
      ['2027-03-06T09:30:00.000Z', 'scheduled'],
      ['2027-03-13T09:30:00.000Z', 'scheduled'],
      ['2027-03-28T14:00:00.000Z', 'scheduled'],
      ['2027-04-03T08:30:00.000Z', 'cancelled'],
      ['2027-04-10T08:30:00.000Z', 'scheduled'],
    ])

    // All-day: the agenda keeps the last day (DTEND is the day after).
    const exhibition = byTitle(events, 'Mostra di illustrazione') as Event
    expect(exhibition.allDay).toBe(true)
    expect(exhibition.start).toBe('2027-03-31T22:00:00.000Z')
    expect(exhibition.end).toBe('2027-04-04T22:00:00.000Z')

    // "The first Thursday" is not an agenda rule: expanded into its dates, and the log says so.
    const group = byTitle(events, 'Gruppo di lettura') as Event
    expect(group.recurrence?.frequency).toBe('none')
    expect(group.recurrence?.extraDates?.map((d) => d.start)).toEqual([
      '2027-04-01T18:30:00.000Z',
      '2027-05-06T18:30:00.000Z',
      '2027-06-03T18:30:00.000Z',
    ])

    const run = await runOf(result.run)
    expect(run.status).toBe('done')
    expect(run.trigger).toBe('manual')
    expect(run.counts).toMatchObject({ created: 4, duplicate: 1, refused: 2 })
    const line = (title: string) => run.items?.find((i) => i.title === title)
    expect(line('Gruppo di lettura')).toMatchObject({
      outcome: 'created',
      reason: expect.stringMatching(/espansa in 4 date/),
    })
    expect(line('Incontro con l’autore')).toMatchObject({
      outcome: 'duplicate',
      reason: expect.stringMatching(/Stesso titolo, inizio e luogo/),
    })
    expect(line('Evento senza data')).toMatchObject({
      outcome: 'refused',
      reason: 'Manca la data di inizio (DTSTART).',
    })
    expect(line("Serata d'archivio")).toMatchObject({
      outcome: 'refused',
      reason: expect.stringMatching(/tra il 2000 e il 2100/),
    })
    const stored = (await payload.findByID({
      collection: SLUGS.calendarSources,
      id: source.id,
      overrideAccess: true,
    })) as CalendarSource
    expect(stored.lastRunAt).toBeTruthy()
    expect(stored.lastOutcome).toMatch(/Nuovo: 4/)
  })

  it('writes nothing when the calendar has not changed', async () => {
    const before = await eventsOf(source.id)
    const itemsBefore = await payload.find({
      collection: SLUGS.importItems,
      where: { source: { equals: source.id } },
      pagination: false,
      overrideAccess: true,
    })
    const versions = await payload.countVersions({ collection: SLUGS.events, overrideAccess: true })
    const result = await syncSource(payload, source.id, { trigger: 'schedule' })
    expect(result.counts).toMatchObject({
      unchanged: 4,
      created: 0,
      updated: 0,
      cancelled: 0,
      duplicate: 1,
      refused: 2,
    })
    const after = await eventsOf(source.id)
    expect(after.map((e) => [e.id, e.updatedAt])).toEqual(before.map((e) => [e.id, e.updatedAt]))
    const itemsAfter = await payload.find({
      collection: SLUGS.importItems,
      where: { source: { equals: source.id } },
      pagination: false,
      overrideAccess: true,
    })
    expect(itemsAfter.docs.map((i) => i.updatedAt)).toEqual(itemsBefore.docs.map((i) => i.updatedAt))
    expect((await payload.countVersions({ collection: SLUGS.events, overrideAccess: true })).totalDocs).toBe(
      versions.totalDocs,
    )
    // Unchanged items are counted, not listed.
    expect((await runOf(result.run)).items?.some((i) => i.outcome === 'unchanged')).toBe(false)
  })

  it('applies an edited event, cancels the one that left the calendar and adds the new one', async () => {
    const exhibition = byTitle(await eventsOf(source.id), 'Mostra di illustrazione') as Event
    const changed = google
      .replace("SUMMARY:Incontro con l'autore", "SUMMARY:Incontro con l'autore: Anna Bianchi")
      .replace(/BEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270401[\s\S]*?END:VEVENT\r\n/, '')
      .replace(
        'END:VCALENDAR',
        'BEGIN:VEVENT\r\nDTSTART;TZID=Europe/Rome:20270415T170000\r\nDTEND;TZID=Europe/Rome:20270415T180000\r\nUID:laboratorio@google.com\r\nSUMMARY:Laboratorio di fumetto\r\nEND:VEVENT\r\nEND:VCALENDAR',
      )
    served.set('/google.ics', changed)
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ created: 1, updated: 1, cancelled: 1, unchanged: 2 })
    const events = await eventsOf(source.id)
    expect(byTitle(events, "Incontro con l'autore: Anna Bianchi")?.start).toBe('2027-03-10T17:00:00.000Z')
    expect(byTitle(events, 'Laboratorio di fumetto')?.start).toBe('2027-04-15T15:00:00.000Z')
    const gone = events.find((e) => e.id === exhibition.id)
    expect(gone?.status).toBe('cancelled')
    const run = await runOf(result.run)
    expect(run.items?.find((i) => i.outcome === 'cancelled')).toMatchObject({
      title: 'Mostra di illustrazione',
      event: exhibition.id,
    })
    // Cancelled once: the next run does not cancel it again. (The copy under another UID now differs from the
    // retitled event, so it is an event of its own.)
    const again = await syncSource(payload, source.id)
    expect(again.counts).toMatchObject({ cancelled: 0, unchanged: 4, created: 1, duplicate: 0 })
  })

  it('catches an Outlook-style changed UID by title, start and place instead of doubling the event', async () => {
    const current = served.get('/google.ics') as string
    served.set(
      '/google.ics',
      current.replace('UID:autore-0310@google.com', 'UID:040000008200E00074C5B7101A82E008-nuovo'),
    )
    const eventsBefore = await count(SLUGS.events)
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ created: 0, cancelled: 0, duplicate: 1 })
    expect(await count(SLUGS.events)).toBe(eventsBefore)
    const run = await runOf(result.run)
    expect(run.items?.find((i) => i.uid === '040000008200E00074C5B7101A82E008-nuovo')).toMatchObject({
      outcome: 'duplicate',
      reason: expect.stringMatching(/cambiato l’UID/),
    })
    const talk = byTitle(await eventsOf(source.id), "Incontro con l'autore: Anna Bianchi")
    expect(talk?.status).toBe('scheduled')
  })

  it('removes the events that left the calendar when the source says so', async () => {
    await payload.update({
      collection: SLUGS.calendarSources,
      id: source.id,
      data: { vanished: 'remove' },
      user: net.as('editorA'),
      overrideAccess: false,
    })
    const lab = byTitle(await eventsOf(source.id), 'Laboratorio di fumetto') as Event
    served.set(
      '/google.ics',
      (served.get('/google.ics') as string).replace(
        /BEGIN:VEVENT\r\nDTSTART;TZID=Europe\/Rome:20270415T170000[\s\S]*?END:VEVENT\r\n/,
        '',
      ),
    )
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ removed: 1 })
    expect(await count(SLUGS.events, { id: { equals: lab.id } })).toBe(0)
  })

  it('refuses an empty answer from a calendar that had events, and cancels nothing', async () => {
    served.set('/google.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')
    const result = await syncSource(payload, source.id)
    expect(result.status).toBe('failed')
    expect(result.message).toMatch(/calendario è vuoto/)
    expect((await eventsOf(source.id)).filter((e) => e.status === 'cancelled')).toHaveLength(1)
  })
})

describe('update authority', () => {
  const outlook = fixture('node-ical/test__fixtures__Office-2012-owa.ics')

  it('local edits win: an event edited here keeps the edit when the calendar changes it', async () => {
    const source = await newSource('editorA', 'outlook-local.ics', outlook, { authority: 'local' })
    expect((await syncSource(payload, source.id)).counts).toMatchObject({ created: 4 })
    const syd = byTitle(await eventsOf(source.id), 'TEST Syd') as Event
    // Exchange zone names: "(GMT+10:00) Canberra, Melbourne, Sydney" is read as its offset.
    expect(syd.start).toBe('2020-10-28T03:30:00.000Z')
    await payload.update({
      collection: SLUGS.events,
      id: syd.id,
      data: { summary: 'Scritto in biblioteca' },
      user: net.as('editorA'),
      overrideAccess: false,
    })
    served.set(
      '/outlook-local.ics',
      outlook.replace('SUMMARY: TEST Syd\nDTSTART', 'SUMMARY: TEST Syd\nDESCRIPTION:Dal calendario\nDTSTART'),
    )
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ kept: 1, updated: 0, unchanged: 3 })
    expect((await runOf(result.run)).items?.[0]).toMatchObject({
      outcome: 'kept',
      reason: expect.stringMatching(/modifiche locali vincono/),
    })
    const after = (await payload.findByID({ collection: SLUGS.events, id: syd.id, overrideAccess: true })) as Event
    expect(after.summary).toBe('Scritto in biblioteca')
  })

  it('the source wins: the same change overwrites the local edit', async () => {
    const source = await newSource('editorA', 'outlook-source.ics', outlook, { authority: 'source' })
    await syncSource(payload, source.id)
    const syd = byTitle(await eventsOf(source.id), 'TEST Syd') as Event
    await payload.update({
      collection: SLUGS.events,
      id: syd.id,
      data: { summary: 'Scritto in biblioteca' },
      user: net.as('editorA'),
      overrideAccess: false,
    })
    served.set(
      '/outlook-source.ics',
      outlook.replace('SUMMARY: TEST Syd\nDTSTART', 'SUMMARY: TEST Syd\nDESCRIPTION:Dal calendario\nDTSTART'),
    )
    expect((await syncSource(payload, source.id)).counts).toMatchObject({ updated: 1 })
    const after = (await payload.findByID({ collection: SLUGS.events, id: syd.id, overrideAccess: true })) as Event
    expect(after.summary).toBe('Dal calendario')
  })

  it('only new events: changes and removals are left alone, new events come in', async () => {
    const source = await newSource('editorA', 'outlook-new.ics', outlook, { authority: 'new-only' })
    await syncSource(payload, source.id)
    served.set(
      '/outlook-new.ics',
      outlook
        .replace('SUMMARY: TEST Syd\nDTSTART', 'SUMMARY: TEST Syd\nDESCRIPTION:Dal calendario\nDTSTART')
        .replace(/BEGIN:VEVENT\nSUMMARY: TEST 3\n[\s\S]*?END:VEVENT\n/, '')
        .replace('END:VCALENDAR', 'BEGIN:VEVENT\nSUMMARY:Nuovo\nDTSTART:20270101T100000Z\nEND:VEVENT\nEND:VCALENDAR'),
    )
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ created: 1, kept: 2, updated: 0, cancelled: 0, removed: 0 })
    const events = await eventsOf(source.id)
    expect(byTitle(events, 'TEST Syd')?.summary ?? null).toBeNull()
    expect(byTitle(events, 'TEST 3')?.status).toBe('scheduled')
  })
})

describe('recurring events from Exchange and Google', () => {
  it('keeps an Exchange weekly series as a rule, with its moved date', async () => {
    const source = await newSource(
      'editorA',
      'exchange.ics',
      fixture('node-ical/test__fixtures__exchange_whole_day_moved_recurrence.ics'),
    )
    expect((await syncSource(payload, source.id)).counts).toMatchObject({ created: 1 })
    const [series] = await eventsOf(source.id)
    expect(series?.allDay).toBe(true)
    expect(series?.recurrence).toMatchObject({ frequency: 'weekly', byWeekday: ['TU', 'TH'] })
    expect(series?.recurrence?.until?.slice(0, 10)).toBe('2026-08-17')
    expect(series?.changedDates).toHaveLength(1)
    expect(series?.changedDates?.[0]).toMatchObject({
      originalStart: '2026-02-25T23:00:00.000Z',
      start: '2026-02-26T23:00:00.000Z',
    })
  })

  it('expands a series in another time zone into dates, with the moved and retitled date', async () => {
    const source = await newSource(
      'editorA',
      'google-denver.ics',
      fixture('node-ical/test__fixtures__google-recurrence-order.ics'),
    )
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ created: 1 })
    const [series] = await eventsOf(source.id)
    expect(series?.start).toBe('2026-02-10T17:00:00.000Z')
    expect(series?.recurrence?.extraDates?.map((d) => d.start)).toEqual([
      '2026-02-11T17:00:00.000Z',
      '2026-02-12T17:00:00.000Z',
    ])
    expect(series?.changedDates?.[0]).toMatchObject({
      originalStart: '2026-02-11T17:00:00.000Z',
      start: '2026-02-11T17:30:00.000Z',
      note: expect.stringMatching(/TEST RECURR 3 - MODIFIED/),
    })
    const daily = await newSource(
      'editorA',
      'daily.ics',
      fixture('node-ical/test__fixtures__daily-count-exdate-recurrence-id.ics'),
    )
    await syncSource(payload, daily.id)
    const [hunt] = await eventsOf(daily.id)
    // COUNT=10 less the two EXDATEs, the first date being the event's own start.
    expect(hunt?.recurrence?.extraDates).toHaveLength(7)
  })
})

describe('workflow and rights', () => {
  it("a contributor's source brings drafts for review, which the public does not see, announced once per run", async () => {
    const source = await newSource(
      'contributorA1',
      'contributor.ics',
      fixture('node-ical/test__fixtures__Office-2012-owa.ics'),
    )
    const notices = { taskSlug: { equals: TASKS.notifyReviewers }, completedAt: { exists: false } } as Where
    const before = await count('payload-jobs', notices)
    const result = await syncSource(payload, source.id)
    expect(result.counts).toMatchObject({ created: 4 })
    // One notice for the run's four drafts, not one per draft.
    expect(await count('payload-jobs', notices)).toBe(before + 1)
    const [job] = (
      await payload.find({
        collection: 'payload-jobs',
        where: notices,
        sort: '-createdAt',
        limit: 1,
        overrideAccess: true,
      })
    ).docs
    expect(job?.input).toMatchObject({ runId: String(result.run), submitted: 4 })
    const notice = await reviewNoticeOfRun(payload, result.run, 4)
    expect(notice).toMatchObject({
      system: net.systems.a,
      subject: '4 eventi da rivedere dal calendario «contributor.ics»',
    })
    expect(notice?.text).toContain(`/admin/collections/import-runs/${result.run}`)
    await payload.jobs.runByID({ id: job!.id })
    // Without SMTP_URL every mail is written to the data folder's outbox: the system's editors each got one.
    const editorsOfA = await payload.find({
      collection: 'users',
      where: { and: [{ roles: { contains: 'system-editor' } }, { system: { equals: net.systems.a } }] },
      overrideAccess: true,
    })
    const mails = await Promise.all(
      readdirSync(outboxDir())
        .filter((file) => file.endsWith('.eml'))
        .map(async (file) => simpleParser(readFileSync(path.join(outboxDir(), file)))),
    )
    const received = mails.filter((mail) => mail.subject === notice?.subject)
    expect(editorsOfA.totalDocs).toBeGreaterThan(0)
    expect(received.map((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]?.address).sort()).toEqual(
      editorsOfA.docs.map((user) => user.email).sort(),
    )
    expect(mails.filter((mail) => mail.subject?.startsWith('Evento da rivedere:'))).toEqual([])
    const drafts = await eventsOf(source.id, true)
    expect(drafts).toHaveLength(4)
    for (const event of drafts) expect(event).toMatchObject({ _status: 'draft', review: 'requested' })
    const published = await payload.find({
      collection: SLUGS.events,
      where: { id: { in: drafts.map((e) => e.id) } },
      overrideAccess: false,
    })
    expect(published.totalDocs).toBe(0)
  })

  it("another system's staff cannot read, edit or sync a source, and a refused request writes nothing", async () => {
    const source = await newSource('editorA', 'rights.ics', fixture('node-ical/test__fixtures__Office-2012-owa.ics'))
    await syncSource(payload, source.id)
    const as = (who: UserKey) => ({ user: net.as(who), overrideAccess: false, depth: 0 }) as const

    await expect(
      payload.findByID({ collection: SLUGS.calendarSources, id: source.id, ...as('editorB') }),
    ).rejects.toMatchObject({ status: 404 })
    await expect(
      payload.update({
        collection: SLUGS.calendarSources,
        id: source.id,
        data: { url: 'https://example.org/x.ics' },
        ...as('editorB'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.update({
        collection: SLUGS.calendarSources,
        id: source.id,
        data: { system: net.systems.b } as never,
        ...as('editorA'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const stored = (await payload.findByID({
      collection: SLUGS.calendarSources,
      id: source.id,
      depth: 0,
      overrideAccess: true,
    })) as CalendarSource
    expect(stored.url).toBe(source.url)
    expect(stored.system).toBe(net.systems.a)
    // Other systems' staff find none of its runs; a partner's account may not list runs at all (403).
    for (const who of ['editorB', 'contributorB1'] as const)
      expect(
        (await payload.find({ collection: SLUGS.importRuns, where: { source: { equals: source.id } }, ...as(who) }))
          .totalDocs,
        who,
      ).toBe(0)
    await expect(
      payload.find({ collection: SLUGS.importRuns, where: { source: { equals: source.id } }, ...as('partnerA') }),
    ).rejects.toMatchObject({ status: 403 })
    expect(
      (
        await payload.find({
          collection: SLUGS.importRuns,
          where: { source: { equals: source.id } },
          ...as('contributorA1'),
        })
      ).totalDocs,
    ).toBe(1)

    const jobs = () => count('payload-jobs', { taskSlug: { equals: TASKS.syncCalendarSource } })
    const before = await jobs()
    const sync = async (who?: UserKey) =>
      rest('POST', `/calendar-sources/${source.id}/sync`, { token: who ? await net.token(who) : undefined })
    expect((await sync()).status).toBe(401)
    expect(await sync('editorB')).toMatchObject({ status: 404, json: { error: 'Fonte non trovata.' } })
    expect(await sync('networkEditor')).toMatchObject({
      status: 403,
      json: { error: 'Non puoi sincronizzare questa fonte.' },
    })
    expect((await sync('partnerA')).status).toBe(403)
    expect(await jobs()).toBe(before)
    expect(await sync('editorA')).toMatchObject({ status: 202, json: { message: expect.stringMatching(/in coda/) } })
    expect(await jobs()).toBe(before + 1)
    expect((await rest('POST', '/calendar-sources/99999999/sync', { token: await net.token('admin') })).status).toBe(
      404,
    )
  })

  it('a second sync of a source while one is running does not start, and writes nothing', async () => {
    const source = await newSource('editorA', 'busy.ics', fixture('node-ical/test__fixtures__Office-2012-owa.ics'))
    const started = await payload.create({
      collection: SLUGS.importRuns,
      data: { title: 'in corso', source: source.id, status: 'running', startedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    const result = await syncSource(payload, source.id)
    expect(result).toMatchObject({ status: 'failed', message: expect.stringMatching(/già in corso/) })
    expect(await count(SLUGS.importItems, { source: { equals: source.id } })).toBe(0)
    // A run that died long ago does not hold the source.
    await payload.update({
      collection: SLUGS.importRuns,
      id: started.id,
      data: { startedAt: new Date(Date.now() - 3_600_000).toISOString() },
      overrideAccess: true,
    })
    expect((await syncSource(payload, source.id)).counts).toMatchObject({ created: 4 })
  })

  it('the guard refuses a private address when the loopback setting is off, and writes no event', async () => {
    const source = await newSource('editorA', 'guard.ics', fixture('node-ical/test__fixtures__Office-2012-owa.ics'))
    const events = await count(SLUGS.events)
    process.env.IMPORT_ALLOW_LOOPBACK = '0'
    try {
      const result = await syncSource(payload, source.id)
      expect(result.status).toBe('failed')
      expect(result.message).toMatch(/127\.0\.0\.1 è privato, locale o riservato/)
      expect((await runOf(result.run)).message).toBe(result.message)
    } finally {
      process.env.IMPORT_ALLOW_LOOPBACK = '1'
    }
    expect(await count(SLUGS.events)).toBe(events)
    expect(await count(SLUGS.importItems, { source: { equals: source.id } })).toBe(0)
  })

  it('a source whose creator is no longer staff imports nothing', async () => {
    const source = await newSource(
      'contributorA1',
      'orphan.ics',
      fixture('node-ical/test__fixtures__Office-2012-owa.ics'),
    )
    await payload.update({
      collection: SLUGS.users,
      id: net.users.contributorA1.id,
      data: { roles: ['partner'], partner: net.partner } as never,
      overrideAccess: true,
    })
    try {
      const result = await syncSource(payload, source.id)
      expect(result).toMatchObject({ status: 'failed', message: expect.stringMatching(/non ha più un account/) })
      expect(await count(SLUGS.importItems, { source: { equals: source.id } })).toBe(0)
    } finally {
      await payload.update({
        collection: SLUGS.users,
        id: net.users.contributorA1.id,
        data: { roles: ['library-contributor'], partner: null } as never,
        overrideAccess: true,
      })
    }
  })
})

describe('jobs', () => {
  it('the scheduler queues each due source once, plans the next sync, and the job runs it', async () => {
    const source = await newSource('editorA', 'scheduled.ics', fixture('node-ical/test__fixtures__Office-2012-owa.ics'))
    // Only this source is due: the others were planned by earlier ticks or are planned now.
    const now = new Date()
    await queueDueSyncs(payload, new Date(now.getTime() - 60_000))
    await payload.update({
      collection: SLUGS.calendarSources,
      where: { id: { not_equals: source.id } },
      data: { nextRunAt: new Date(now.getTime() + 3_600_000).toISOString() },
      overrideAccess: true,
    })
    await payload.update({
      collection: SLUGS.calendarSources,
      id: source.id,
      data: { nextRunAt: null },
      overrideAccess: true,
    })
    await payload.delete({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: TASKS.syncCalendarSource } },
      overrideAccess: true,
    })
    expect(await queueDueSyncs(payload, now)).toBe(1)
    expect(await queueDueSyncs(payload, now)).toBe(0)
    const planned = (await payload.findByID({
      collection: SLUGS.calendarSources,
      id: source.id,
      depth: 0,
      overrideAccess: true,
    })) as CalendarSource
    expect(new Date(planned.nextRunAt as string).getTime()).toBe(now.getTime() + 6 * 3_600_000)
    await payload.jobs.run({ limit: 5 })
    const runs = await payload.find({
      collection: SLUGS.importRuns,
      where: { source: { equals: source.id } },
      depth: 0,
      overrideAccess: true,
    })
    expect(runs.docs.map((r) => [r.trigger, r.status])).toEqual([['schedule', 'done']])
    expect(runs.docs[0]?.counts?.created).toBe(4)
  })
})
