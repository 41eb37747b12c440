import { describe, expect, it } from 'vitest'
import { dateRange, emptyFilters } from '../../site/lib/filters'
import { feedHorizon, horizonFilters } from '../../site/lib/ical/horizon'

const NOW = new Date('2026-03-29T10:00:00.000Z') // a Sunday, the day summer time starts

describe('the feed horizon: 30 days back, 12 months ahead, in Rome days', () => {
  it('runs from Rome midnight 30 days ago to Rome midnight a year from today', () => {
    const h = feedHorizon(NOW)
    expect(h.fromDay).toBe('2026-02-27')
    expect(h.lastDay).toBe('2027-03-28')
    expect(h.from.toISOString()).toBe('2026-02-26T23:00:00.000Z')
    expect(h.to.toISOString()).toBe('2027-03-28T22:00:00.000Z') // 29 March 2027 is already summer time
    expect(h.today.toISOString()).toBe('2026-03-28T23:00:00.000Z')
  })

  it('is the same all day long, so an unchanged feed stays byte-identical until midnight', () => {
    const morning = feedHorizon(new Date('2026-03-28T23:00:00.000Z'))
    const night = feedHorizon(new Date('2026-03-29T21:59:59.000Z'))
    expect(night).toEqual(morning)
  })

  it('a filter without dates gets the horizon; its own dates are kept inside it; presets stay', () => {
    const none = dateRange(horizonFilters(emptyFilters(), NOW), NOW)
    expect(none).toEqual({ from: feedHorizon(NOW).from, to: feedHorizon(NOW).to })
    const wide = horizonFilters({ ...emptyFilters(), da: '2020-01-01', a: '2030-01-01' }, NOW)
    expect([wide.da, wide.a]).toEqual(['2026-02-27', '2027-03-28'])
    const inside = horizonFilters({ ...emptyFilters(), da: '2026-05-01' }, NOW)
    expect([inside.da, inside.a]).toEqual(['2026-05-01', '2027-03-28'])
    const weekend = horizonFilters({ ...emptyFilters(), quando: 'weekend' }, NOW)
    expect([weekend.quando, weekend.da, weekend.a]).toEqual(['weekend', null, null])
  })
})
