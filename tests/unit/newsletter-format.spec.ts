import { describe, expect, it } from 'vitest'
import { dayLabel, rangeLabel } from '../../cms/newsletter/campaigns/format'

// Dates in the newsletters (issue 19): the year is written when it is not the current one, on Rome's calendar.
const now = new Date('2026-12-07T09:00:00Z')

describe('newsletter dates', () => {
  it('leave the year out in the current year and write it in another', () => {
    expect(dayLabel(new Date('2026-12-12T16:00:00Z'), 'it', now)).toBe('Sabato 12 dicembre')
    expect(dayLabel(new Date('2027-05-08T08:30:00Z'), 'it', now)).toBe('Sabato 8 maggio 2027')
    expect(dayLabel(new Date('2027-05-08T08:30:00Z'), 'en', now)).toBe('Saturday, 8 May 2027')
    expect(dayLabel(new Date('2025-12-06T10:00:00Z'), 'it', now)).toBe('Sabato 6 dicembre 2025')
  })

  it('count years on Rome’s calendar: 23:30 UTC on 31 December is already next year in Rome', () => {
    expect(dayLabel(new Date('2026-12-31T23:30:00Z'), 'it', now)).toBe('Venerdì 1 gennaio 2027')
    expect(dayLabel(new Date('2026-12-31T22:30:00Z'), 'it', now)).toBe('Giovedì 31 dicembre')
  })

  it('a digest window across the new year names the year of the days in the next one', () => {
    const from = new Date('2026-12-28T06:00:00Z')
    expect(rangeLabel(from, new Date('2027-01-06T12:00:00Z'), 'it')).toBe('28 dicembre al 6 gennaio 2027')
    expect(rangeLabel(from, new Date('2027-01-06T12:00:00Z'), 'en')).toBe('28 December to 6 January 2027')
  })
})
