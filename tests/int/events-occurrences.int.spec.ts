// Occurrences are the published schedule, materialised: they follow publishing, editing, unpublishing and
// deleting; drafts never show; endless rules are bounded and rolled forward daily by extendOccurrences.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Occurrence } from '../../cms/payload-types'
import { MAX_OCCURRENCES, RECURRENCE_HORIZON_DAYS } from '../../collections/enums'
import { SLUGS, TASKS } from '../../collections/slugs'
import { onSqlite } from '../helpers/db-kind'
import { buildNetwork, eventSnapshot, fixtureEvent, type Network, romeAt, stored } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())
afterEach(() => vi.useRealTimers())

const DAY = 86_400_000
const rows = async (event: number) =>
  (
    await payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: event } },
      sort: 'start',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
  ).docs as Occurrence[]
const starts = async (event: number) => (await rows(event)).map((o) => o.start)

const weekly = (count: number) => ({ frequency: 'weekly' as const, interval: 1, count })

describe('materialisation follows the published version', () => {
  it('publishing creates one row per date, with the event’s place and classification', async () => {
    const event = await fixtureEvent(payload, net, {
      start: romeAt(3, 10, 30),
      end: romeAt(3, 11, 30),
      recurrence: weekly(4),
      categories: [net.category],
      audiences: [net.audience],
      campaigns: [net.campaign],
      accessibility: ['step-free'],
    })
    const list = await rows(event.id)
    expect(list).toHaveLength(4)
    expect(list[0]).toMatchObject({
      title: event.title,
      system: net.systems.a,
      library: net.libraries.a1,
      comune: '016091',
      categories: [net.category],
      audiences: [net.audience],
      campaigns: [net.campaign],
      accessibility: ['step-free'],
      ageMin: 3,
      ageMax: 6,
      status: 'scheduled',
      start: romeAt(3, 10, 30),
      day: romeAt(3, 12).slice(0, 10),
    })
    expect(list.map((o) => Date.parse(o.start) - Date.parse(list[0]?.start ?? ''))).toEqual(
      [0, 7, 14, 21].map(
        (d) => d * DAY + (Date.parse(romeAt(3 + d, 10, 30)) - Date.parse(romeAt(3, 10, 30)) - d * DAY),
      ),
    )
  })

  it('a draft has no rows', async () => {
    const draft = await fixtureEvent(payload, net, { _status: 'draft', recurrence: weekly(3) })
    expect(await rows(draft.id)).toEqual([])
  })

  it('editing the published event replaces its rows', async () => {
    const event = await fixtureEvent(payload, net, { start: romeAt(4, 17), end: romeAt(4, 18), recurrence: weekly(3) })
    await payload.update({
      collection: SLUGS.events,
      id: event.id,
      data: { start: romeAt(5, 18), end: romeAt(5, 19), recurrence: weekly(2), title: 'Spostato al giorno dopo' },
      overrideAccess: true,
    })
    const list = await rows(event.id)
    expect(list.map((o) => o.start)).toEqual([romeAt(5, 18), romeAt(12, 18)])
    expect(list.every((o) => o.title === 'Spostato al giorno dopo')).toBe(true)
  })

  it('a draft saved over the published event keeps the published rows', async () => {
    const event = await fixtureEvent(payload, net, { start: romeAt(6, 10), end: romeAt(6, 11), recurrence: weekly(3) })
    const before = await starts(event.id)
    await payload.update({
      collection: SLUGS.events,
      id: event.id,
      data: { start: romeAt(8, 15), end: romeAt(8, 16), title: 'Bozza' },
      draft: true,
      overrideAccess: true,
    })
    expect(await starts(event.id)).toEqual(before)
    expect((await rows(event.id))[0]?.title).toBe(event.title)
  })

  it('unpublishing removes the rows, publishing again restores them, deleting removes them', async () => {
    const event = await fixtureEvent(payload, net, { recurrence: weekly(2) })
    const update = (data: Record<string, unknown>) =>
      payload.update({ collection: SLUGS.events, id: event.id, data, overrideAccess: true })
    await update({ _status: 'draft' })
    expect(await rows(event.id)).toEqual([])
    await update({ _status: 'published' })
    expect(await rows(event.id)).toHaveLength(2)
    await payload.delete({ collection: SLUGS.events, id: event.id, overrideAccess: true })
    expect(await rows(event.id)).toEqual([])
    if (!onSqlite) return
    const db = payload.db as unknown as { client: { execute: (q: string) => Promise<{ rows: { n: number }[] }> } }
    const orphans = await db.client.execute(
      'select count(*) as n from occurrences_rels where parent_id not in (select id from occurrences)',
    )
    expect(orphans.rows[0]?.n).toBe(0)
  })

  it('a changed date is moved or cancelled on its own row', async () => {
    const event = await fixtureEvent(payload, net, {
      start: romeAt(9, 10, 30),
      end: romeAt(9, 11, 30),
      recurrence: weekly(3),
      changedDates: [
        { originalStart: romeAt(16, 10, 30), start: romeAt(17, 16), note: 'Spostato a domenica' },
        { originalStart: romeAt(23, 10, 30), status: 'cancelled' },
      ],
    })
    const list = await rows(event.id)
    expect(list.map((o) => [o.start, o.originalStart, o.status, o.note ?? null])).toEqual([
      [romeAt(9, 10, 30), romeAt(9, 10, 30), 'scheduled', null],
      [romeAt(17, 16), romeAt(16, 10, 30), 'scheduled', 'Spostato a domenica'],
      [romeAt(23, 10, 30), romeAt(23, 10, 30), 'cancelled', null],
    ])
  })

  it('a cancelled event keeps its rows, marked cancelled (the agenda shows it as annullato)', async () => {
    const event = await fixtureEvent(payload, net, { status: 'cancelled' })
    expect((await rows(event.id)).map((o) => o.status)).toEqual(['cancelled'])
  })

  it('moving the start past the unchanged end takes the end along, keeping the duration', async () => {
    const event = await fixtureEvent(payload, net, { start: romeAt(2, 10), end: romeAt(2, 11, 30) })
    await payload.update({
      collection: SLUGS.events,
      id: event.id,
      data: { start: romeAt(2, 15) },
      overrideAccess: true,
    })
    expect(await stored(payload, SLUGS.events, event.id)).toMatchObject({
      start: romeAt(2, 15),
      end: romeAt(2, 16, 30),
    })
  })
})

describe('endless rules', () => {
  it('“every day forever” is saved quickly, with at most two years of rows, and the editor is told', async () => {
    const t0 = Date.now()
    const event = await fixtureEvent(payload, net, {
      title: 'Ogni giorno per sempre',
      start: romeAt(1, 9),
      end: romeAt(1, 10),
      recurrence: { frequency: 'daily', interval: 1 },
    })
    expect(Date.now() - t0).toBeLessThan(10_000)
    const list = await rows(event.id)
    expect(list.length).toBeLessThanOrEqual(MAX_OCCURRENCES)
    expect(list.length).toBeGreaterThanOrEqual(RECURRENCE_HORIZON_DAYS - 1)
    // The horizon runs from max(now, start): tomorrow's 9:00 is more than a day away in the small hours.
    const from = Math.max(Date.now(), Date.parse(event.start))
    expect(Date.parse(list.at(-1)?.start ?? '')).toBeLessThanOrEqual(from + (RECURRENCE_HORIZON_DAYS + 1) * DAY)
    const doc = await stored(payload, SLUGS.events, event.id)
    expect(doc.occurrencesInfo).toBe(
      `${list.length} date: la regola continua oltre i prossimi 2 anni, le date successive si aggiungono ogni giorno.`,
    )
    expect(doc.occurrencesRolling).toBe(true)
  })

  it('a rule with an end says how many dates it has', async () => {
    const event = await fixtureEvent(payload, net, { recurrence: weekly(5) })
    expect((await stored(payload, SLUGS.events, event.id)).occurrencesInfo).toBe('5 date')
  })

  it('the extendOccurrences job rolls the window forward, a day at a time', async () => {
    const event = await fixtureEvent(payload, net, {
      start: romeAt(1, 18),
      end: romeAt(1, 19),
      recurrence: { frequency: 'weekly', interval: 1 },
    })
    const finite = await fixtureEvent(payload, net, { recurrence: weekly(3) })
    const before = await starts(event.id)
    const untouched = await eventSnapshot(payload, finite.id)

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 400 * DAY)
    await payload.jobs.queue({ task: TASKS.extendOccurrences, input: {} })
    await payload.jobs.run({ limit: 10 })
    const after = await starts(event.id)
    const now = Date.now()
    vi.useRealTimers()

    expect(Date.parse(after.at(-1) ?? '')).toBeGreaterThan(Date.parse(before.at(-1) ?? '') + 390 * DAY)
    expect(Date.parse(after.at(-1) ?? '')).toBeLessThanOrEqual(now + RECURRENCE_HORIZON_DAYS * DAY)
    expect(after[0]).toBe(before[0]) // the event's own first date stays
    expect(after.length).toBeLessThanOrEqual(MAX_OCCURRENCES)
    expect(await eventSnapshot(payload, finite.id)).toEqual(untouched)
    // Completed jobs are deleted; a failed one would stay with hasError.
    const left = await payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: TASKS.extendOccurrences } },
      overrideAccess: true,
    })
    expect(left.totalDocs).toBe(0)
  })

  it('is scheduled daily', async () => {
    const task = payload.config.jobs.tasks?.find((t) => t.slug === TASKS.extendOccurrences)
    expect(task?.schedule?.[0]?.cron).toMatch(/^\d+ \d+ \* \* \*$/)
    await payload.jobs.handleSchedules({ allQueues: true })
    const queued = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ taskSlug: { equals: TASKS.extendOccurrences } }, { completedAt: { exists: false } }] },
      overrideAccess: true,
    })
    expect(queued.totalDocs).toBe(1)
  })
})
