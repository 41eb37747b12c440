import { describe, expect, it } from 'vitest'
import { type DatesSnapshot, dateChanges } from '../../collections/lib/date-changes'

// Wednesday 2 December 2026, 08:00 in Rome: the reference "now" of every case.
const NOW = new Date('2026-12-02T07:00:00.000Z')
const at = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2026, 11, day, hour - 1, minute)).toISOString() // December: Rome is UTC+1

const weekly = (overrides: Partial<DatesSnapshot> = {}): DatesSnapshot => ({
  start: at(5, 10, 30),
  end: at(5, 11, 30),
  allDay: false,
  recurrence: { frequency: 'weekly', count: 4 },
  changedDates: [],
  status: 'scheduled',
  library: 1,
  venue: null,
  placeNotes: null,
  onlineUrl: null,
  ...overrides,
})

const summary = (before: DatesSnapshot, after: DatesSnapshot) =>
  dateChanges(before, after, NOW).map((c) => ({
    kind: c.kind,
    before: c.before.start.toISOString(),
    after: c.after?.start.toISOString() ?? null,
  }))

describe('which booked dates a published change affects (the notices’ diff)', () => {
  it('nothing that touches the dates: no change (notes, places of a date, "full")', () => {
    const before = weekly()
    expect(
      summary(
        before,
        weekly({ changedDates: [{ originalStart: at(12, 10, 30), places: 5, note: 'Portare un cuscino' }] }),
      ),
    ).toEqual([])
    expect(summary(before, weekly({ status: 'full' }))).toEqual([])
    expect(summary(before, before)).toEqual([])
  })

  it('one date cancelled, one moved: only those two, each with its kind', () => {
    const after = weekly({
      changedDates: [
        { originalStart: at(12, 10, 30), status: 'cancelled' },
        { originalStart: at(19, 10, 30), start: at(19, 16), end: at(19, 17) },
      ],
    })
    expect(summary(weekly(), after)).toEqual([
      { kind: 'cancelled', before: at(12, 10, 30), after: at(12, 10, 30) },
      { kind: 'moved', before: at(19, 10, 30), after: at(19, 16) },
    ])
  })

  it('the series’ time changes: each date pairs with the same day, all moved', () => {
    const changes = summary(weekly(), weekly({ start: at(5, 17), end: at(5, 18) }))
    expect(changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['moved', at(5, 10, 30), at(5, 17)],
      ['moved', at(12, 10, 30), at(12, 17)],
      ['moved', at(19, 10, 30), at(19, 17)],
      ['moved', at(26, 10, 30), at(26, 17)],
    ])
  })

  it('dates the rule no longer yields are cancelled; past dates are nobody’s news', () => {
    const shorter = weekly({ recurrence: { frequency: 'weekly', count: 2 } })
    expect(summary(weekly(), shorter).map((c) => [c.kind, c.before, c.after])).toEqual([
      ['cancelled', at(19, 10, 30), null],
      ['cancelled', at(26, 10, 30), null],
    ])
    const started = weekly({ start: at(1, 10, 30), end: at(1, 11, 30) })
    expect(summary(started, { ...started, status: 'cancelled' }).map((c) => c.before)).toEqual([
      at(8, 10, 30),
      at(15, 10, 30),
      at(22, 10, 30),
    ])
  })

  it('a one-off event moved to another day is the same date; a new place or status is said as such', () => {
    const single = weekly({ recurrence: { frequency: 'none' } })
    expect(summary(single, { ...single, start: at(9, 18), end: at(9, 19) })).toEqual([
      { kind: 'moved', before: at(5, 10, 30), after: at(9, 18) },
    ])
    expect(summary(single, { ...single, venue: 7 }).map((c) => c.kind)).toEqual(['place'])
    expect(summary(single, { ...single, placeNotes: 'Sala ragazzi' }).map((c) => c.kind)).toEqual(['place'])
    expect(summary(single, { ...single, status: 'movedOnline' }).map((c) => c.kind)).toEqual(['status'])
    expect(summary(single, { ...single, status: 'postponed' }).map((c) => c.kind)).toEqual(['postponed'])
    // A cancelled date has nothing more to say, even when it comes back.
    const cancelled = { ...single, status: 'cancelled' }
    expect(summary(cancelled, single)).toEqual([])
  })
})

describe('what followers are told besides the bookings’ notices', () => {
  it('a venue whose id equals the library’s is still a new place', () => {
    const before = weekly({ library: 1, venue: null })
    expect(summary(before, weekly({ library: 1, venue: 1 })).map((c) => c.kind)).toEqual(Array(4).fill('place'))
  })

  it('"full" and its reopening are status changes for followers only', () => {
    const full = weekly({ status: 'full' })
    expect(dateChanges(weekly(), full, NOW, { full: true }).map((c) => c.kind)).toEqual(Array(4).fill('status'))
    expect(dateChanges(full, weekly(), NOW, { full: true }).map((c) => c.kind)).toEqual(Array(4).fill('status'))
    expect(dateChanges(weekly(), full, NOW)).toEqual([])
  })
})
