import { describe, expect, it } from 'vitest'
import {
  formatDateTime,
  formatDay,
  formatMonth,
  formatTimeRange,
  formatWhen,
  isoWithOffset,
  lastDay,
  romeDate,
} from '../../site/lib/format'

const now = new Date('2026-11-25T10:00:00Z')

describe('isoWithOffset: ISO 8601 with the Europe/Rome offset', () => {
  it('uses +01:00 in winter and +02:00 in summer, without milliseconds', () => {
    expect(isoWithOffset('2026-12-05T09:30:00.000Z')).toBe('2026-12-05T10:30:00+01:00')
    expect(isoWithOffset(new Date('2026-07-05T08:30:45.678Z'))).toBe('2026-07-05T10:30:45+02:00')
  })

  it('switches exactly at the DST change (last Sunday of March, 01:00 UTC)', () => {
    expect(isoWithOffset('2026-03-29T00:59:59Z')).toBe('2026-03-29T01:59:59+01:00')
    expect(isoWithOffset('2026-03-29T01:00:00Z')).toBe('2026-03-29T03:00:00+02:00')
    expect(isoWithOffset('2026-10-25T00:30:00Z')).toBe('2026-10-25T02:30:00+02:00')
    expect(isoWithOffset('2026-10-25T01:30:00Z')).toBe('2026-10-25T02:30:00+01:00')
  })

  it('parses back to the same instant', () => {
    for (const iso of ['2026-01-31T23:15:00Z', '2026-06-30T22:00:00Z', '2027-03-28T01:00:00Z'])
      expect(new Date(isoWithOffset(iso)).toISOString()).toBe(new Date(iso).toISOString())
  })
})

describe('Italian dates', () => {
  it('formats a day as "sabato 5 dicembre", adding the year only when it is not this year', () => {
    expect(formatDay('2026-12-05T09:30:00Z', 'it', now)).toBe('sabato 5 dicembre')
    expect(formatDay('2027-01-09T09:30:00Z', 'it', now)).toBe('sabato 9 gennaio 2027')
    expect(formatDay('2026-12-05T09:30:00Z', 'en', now)).toBe('Saturday 5 December')
  })

  it('formats a date and time as "sabato 5 dicembre, 10:30" in Rome time', () => {
    expect(formatDateTime('2026-12-05T09:30:00Z', 'it', now)).toBe('sabato 5 dicembre, 10:30')
    // 23:30 UTC on the 5th is already the 6th in Rome.
    expect(formatDateTime('2026-12-05T23:30:00Z', 'it', now)).toBe('domenica 6 dicembre, 00:30')
    expect(romeDate('2026-12-05T23:30:00Z')).toBe('2026-12-06')
  })

  it('describes time ranges for agenda rows', () => {
    expect(formatTimeRange({ start: '2026-12-05T09:30:00Z', end: '2026-12-05T10:30:00Z' })).toBe('10:30–11:30')
    const allDay = { start: '2026-12-04T23:00:00Z', end: '2026-12-05T23:00:00Z', allDay: true }
    expect(formatTimeRange(allDay, 'it', now)).toBe('tutto il giorno')
    expect(lastDay(allDay)).toBe('2026-12-05')
    const exhibition = { start: '2026-12-04T23:00:00Z', end: '2026-12-20T23:00:00Z', allDay: true }
    expect(formatTimeRange(exhibition, 'it', now)).toBe('fino a domenica 20 dicembre')
    expect(formatTimeRange(exhibition, 'en', now)).toBe('until Sunday 20 December')
  })

  it('describes a whole occurrence for the event page', () => {
    expect(formatWhen({ start: '2026-12-05T09:30:00Z', end: '2026-12-05T10:30:00Z' }, 'it', now)).toBe(
      'sabato 5 dicembre, 10:30–11:30',
    )
    expect(formatWhen({ start: '2026-12-04T23:00:00Z', end: '2026-12-20T23:00:00Z', allDay: true }, 'it', now)).toBe(
      'da sabato 5 dicembre a domenica 20 dicembre',
    )
    expect(formatWhen({ start: '2026-12-05T19:00:00Z', end: '2026-12-06T01:00:00Z' }, 'it', now)).toBe(
      'da sabato 5 dicembre, 20:00 a domenica 6 dicembre, 02:00',
    )
  })

  it('names months', () => {
    expect(formatMonth('2026-12')).toBe('dicembre 2026')
    expect(formatMonth('2027-01', 'en')).toBe('January 2027')
  })
})
