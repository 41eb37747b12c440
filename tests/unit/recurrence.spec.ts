// expandSchedule: rules are evaluated on Rome wall-clock time and always bounded.
// Expected times are written as Rome wall clock and checked with Intl (independent of the code under test).
import { describe, expect, it } from 'vitest'
import { MAX_OCCURRENCES, RECURRENCE_HORIZON_DAYS } from '../../collections/enums'
import { expandSchedule, type ScheduleInput } from '../../collections/lib/recurrence'

const rome = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Rome',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
/** "2026-03-28 10:30" as Rome's clocks show the instant. */
const wall = (d: Date) => rome.format(d)
const starts = (input: ScheduleInput, now?: Date) => expandSchedule(input, now).occurrences.map((o) => wall(o.start))

const NOW = new Date('2026-01-10T12:00:00Z')
const DAY = 86_400_000

describe('daylight saving time', () => {
  it('a weekly Saturday reading at 10:30 stays at 10:30 in Rome across the March change', () => {
    const { occurrences } = expandSchedule(
      {
        start: '2026-03-14T09:30:00Z', // 10:30 CET
        end: '2026-03-14T10:30:00Z',
        recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['SA'], count: 4 },
      },
      NOW,
    )
    expect(occurrences.map((o) => wall(o.start))).toEqual([
      '2026-03-14 10:30',
      '2026-03-21 10:30',
      '2026-03-28 10:30',
      '2026-04-04 10:30', // after 29 March: CEST
    ])
    expect(occurrences.map((o) => wall(o.end))).toEqual([
      '2026-03-14 11:30',
      '2026-03-21 11:30',
      '2026-03-28 11:30',
      '2026-04-04 11:30',
    ])
    // The UTC instant moves by one hour so that the wall clock does not.
    expect(occurrences[2]?.start.toISOString()).toBe('2026-03-28T09:30:00.000Z')
    expect(occurrences[3]?.start.toISOString()).toBe('2026-04-04T08:30:00.000Z')
  })

  it('and across the October change', () => {
    expect(
      starts(
        {
          start: '2026-10-17T08:30:00Z', // 10:30 CEST
          end: '2026-10-17T09:30:00Z',
          recurrence: { frequency: 'weekly', interval: 1, count: 3 },
        },
        NOW,
      ),
    ).toEqual(['2026-10-17 10:30', '2026-10-24 10:30', '2026-10-31 10:30'])
  })

  it('a daily event keeps its duration on the night the clocks change', () => {
    const { occurrences } = expandSchedule(
      {
        start: '2026-03-28T19:00:00Z', // 20:00 CET
        end: '2026-03-28T21:00:00Z', // 22:00
        recurrence: { frequency: 'daily', interval: 1, count: 2 },
      },
      NOW,
    )
    expect(occurrences.map((o) => `${wall(o.start)}–${wall(o.end).slice(11)}`)).toEqual([
      '2026-03-28 20:00–22:00',
      '2026-03-29 20:00–22:00',
    ])
  })
})

describe('bounds', () => {
  it('“every day forever” stops two years ahead, quickly, and says so', () => {
    const t0 = performance.now()
    const { occurrences, truncated } = expandSchedule(
      { start: '2026-01-12T09:00:00Z', recurrence: { frequency: 'daily', interval: 1 } },
      NOW,
    )
    expect(performance.now() - t0).toBeLessThan(500)
    expect(truncated).toBe('horizon')
    expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES)
    const last = occurrences.at(-1)?.start.getTime() ?? 0
    expect(last).toBeLessThanOrEqual(Date.parse('2026-01-12T09:00:00Z') + RECURRENCE_HORIZON_DAYS * DAY)
    expect(last).toBeGreaterThan(Date.parse('2026-01-12T09:00:00Z') + (RECURRENCE_HORIZON_DAYS - 2) * DAY)
  })

  it('daily “until 2126” is bounded the same way', () => {
    const { occurrences, truncated } = expandSchedule(
      { start: '2026-01-12T09:00:00Z', recurrence: { frequency: 'daily', interval: 1, until: '2126-01-01' } },
      NOW,
    )
    expect(truncated).toBe('horizon')
    expect(occurrences.length).toBeLessThanOrEqual(RECURRENCE_HORIZON_DAYS + 1)
  })

  it('a rule that ends inside the window is not reported as truncated', () => {
    const { occurrences, truncated } = expandSchedule(
      { start: '2026-01-12T09:00:00Z', recurrence: { frequency: 'daily', interval: 1, until: '2026-01-20' } },
      NOW,
    )
    expect(truncated).toBe(false)
    expect(occurrences).toHaveLength(9) // 12…20 January, the until day included
  })

  it('never returns more than 1000 dates, even with extra dates on top of a long rule', () => {
    const extraDates = Array.from({ length: 600 }, (_, i) => ({
      start: new Date(Date.parse('2026-02-01T17:00:00Z') + i * DAY).toISOString(),
    }))
    const { occurrences, truncated } = expandSchedule(
      { start: '2026-01-12T09:00:00Z', recurrence: { frequency: 'daily', interval: 1, extraDates } },
      NOW,
    )
    expect(occurrences).toHaveLength(MAX_OCCURRENCES)
    expect(truncated).toBe('count')
  })

  it('a daily rule begun years ago still reaches the coming weeks (the window starts a year back)', () => {
    const { occurrences } = expandSchedule(
      { start: '2020-01-01T09:00:00Z', recurrence: { frequency: 'daily', interval: 1 } },
      NOW,
    )
    expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES)
    expect(occurrences.some((o) => wall(o.start) === '2026-02-10 10:00')).toBe(true)
    // The event's own first date is kept; the rule's dates begin a year back.
    expect(wall(occurrences[0]?.start as Date)).toBe('2020-01-01 10:00')
    expect(occurrences[1]?.start.getTime()).toBeGreaterThanOrEqual(NOW.getTime() - 366 * DAY)
  })

  it('a weekly rule on other weekdays still has the event’s own first date, counted in `count` (RFC 5545)', () => {
    expect(
      starts(
        {
          start: '2026-02-03T16:00:00Z', // Tuesday
          recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['TH'], count: 2 },
        },
        NOW,
      ),
    ).toEqual(['2026-02-03 17:00', '2026-02-05 17:00'])
  })

  it('a rule starting in 1900 does not hang', () => {
    const t0 = performance.now()
    const { occurrences } = expandSchedule(
      { start: '1900-01-01T09:00:00Z', recurrence: { frequency: 'daily', interval: 1 } },
      NOW,
    )
    expect(performance.now() - t0).toBeLessThan(2000)
    expect(occurrences.length).toBeLessThanOrEqual(MAX_OCCURRENCES)
  })

  it('`count` counts from the first date of the rule', () => {
    expect(
      starts({ start: '2026-01-13T17:00:00Z', recurrence: { frequency: 'weekly', interval: 2, count: 3 } }, NOW),
    ).toEqual(['2026-01-13 18:00', '2026-01-27 18:00', '2026-02-10 18:00'])
  })
})

describe('dates of a rule', () => {
  it('weekly on several weekdays', () => {
    expect(
      starts(
        {
          start: '2026-02-03T16:00:00Z', // Tuesday 17:00
          recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['TU', 'TH'], until: '2026-02-12' },
        },
        NOW,
      ),
    ).toEqual(['2026-02-03 17:00', '2026-02-05 17:00', '2026-02-10 17:00', '2026-02-12 17:00'])
  })

  it('monthly on the same day of the month', () => {
    expect(
      starts({ start: '2026-01-15T17:30:00Z', recurrence: { frequency: 'monthly', interval: 1, count: 3 } }, NOW),
    ).toEqual(['2026-01-15 18:30', '2026-02-15 18:30', '2026-03-15 18:30'])
  })

  it('excluded dates are skipped and extra dates added, in order, without duplicates', () => {
    expect(
      starts(
        {
          start: '2026-02-07T09:30:00Z',
          end: '2026-02-07T10:30:00Z',
          recurrence: {
            frequency: 'weekly',
            interval: 1,
            count: 4,
            excludedDates: [{ date: '2026-02-14' }],
            extraDates: [{ start: '2026-02-18T16:00:00Z' }, { start: '2026-02-21T09:30:00Z' }],
          },
        },
        NOW,
      ),
    ).toEqual(['2026-02-07 10:30', '2026-02-18 17:00', '2026-02-21 10:30', '2026-02-28 10:30'])
  })

  it('extra dates keep the event’s duration', () => {
    const { occurrences } = expandSchedule(
      {
        start: '2026-02-07T09:30:00Z',
        end: '2026-02-07T11:00:00Z',
        recurrence: { frequency: 'none', extraDates: [{ start: '2026-04-11T08:30:00Z' }] },
      },
      NOW,
    )
    expect(occurrences.map((o) => `${wall(o.start)}–${wall(o.end).slice(11)}`)).toEqual([
      '2026-02-07 10:30–12:00',
      '2026-04-11 10:30–12:00',
    ])
  })

  it('a changed date moves, is cancelled or gets a note, and remembers its original start', () => {
    const { occurrences } = expandSchedule(
      {
        start: '2026-02-07T09:30:00Z',
        end: '2026-02-07T10:30:00Z',
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
        changedDates: [
          { originalStart: '2026-02-14T09:30:00Z', start: '2026-02-15T15:00:00Z', note: 'Spostato a domenica' },
          { originalStart: '2026-02-21T09:30:00Z', status: 'cancelled' },
        ],
      },
      NOW,
    )
    expect(
      occurrences.map((o) => [wall(o.originalStart), wall(o.start), wall(o.end), o.status ?? null, o.note ?? null]),
    ).toEqual([
      ['2026-02-07 10:30', '2026-02-07 10:30', '2026-02-07 11:30', null, null],
      ['2026-02-14 10:30', '2026-02-15 16:00', '2026-02-15 17:00', null, 'Spostato a domenica'],
      ['2026-02-21 10:30', '2026-02-21 10:30', '2026-02-21 11:30', 'cancelled', null],
    ])
  })
})

describe('all-day and multi-day events', () => {
  it('an all-day event runs from Rome midnight to the next Rome midnight', () => {
    const [o] = expandSchedule({ start: '2026-02-10T10:00:00Z', allDay: true }, NOW).occurrences
    expect(o?.start.toISOString()).toBe('2026-02-09T23:00:00.000Z')
    expect(o?.end.toISOString()).toBe('2026-02-10T23:00:00.000Z')
  })

  it('on the day the clocks go forward the all-day span is 23 hours', () => {
    const [o] = expandSchedule({ start: '2026-03-29T10:00:00Z', allDay: true }, NOW).occurrences
    expect(wall(o?.start as Date)).toBe('2026-03-29 00:00')
    expect(wall(o?.end as Date)).toBe('2026-03-30 00:00')
    expect(((o?.end.getTime() ?? 0) - (o?.start.getTime() ?? 0)) / 3_600_000).toBe(23)
  })

  it('a multi-day exhibition is one occurrence ending after its last day', () => {
    const { occurrences } = expandSchedule(
      { start: '2026-02-09T23:00:00Z', end: '2026-02-14T23:00:00Z', allDay: true },
      NOW,
    )
    expect(occurrences).toHaveLength(1)
    expect(wall(occurrences[0]?.start as Date)).toBe('2026-02-10 00:00')
    expect(wall(occurrences[0]?.end as Date)).toBe('2026-02-16 00:00') // exclusive: open through the 15th
  })

  it('a timed weekend course spans its days in one occurrence', () => {
    const { occurrences } = expandSchedule({ start: '2026-02-13T17:00:00Z', end: '2026-02-15T11:00:00Z' }, NOW)
    expect(occurrences.map((o) => [wall(o.start), wall(o.end)])).toEqual([['2026-02-13 18:00', '2026-02-15 12:00']])
  })

  it('a weekly all-day market keeps its Rome days across DST', () => {
    expect(
      starts(
        { start: '2026-03-21T12:00:00Z', allDay: true, recurrence: { frequency: 'weekly', interval: 1, count: 3 } },
        NOW,
      ),
    ).toEqual(['2026-03-21 00:00', '2026-03-28 00:00', '2026-04-04 00:00'])
  })
})
