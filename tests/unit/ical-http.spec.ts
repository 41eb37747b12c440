import { describe, expect, it } from 'vitest'
import { foldLine } from '../../collections/lib/ical/build'
import { wallOf } from '../../collections/lib/ical/schedule'
import { toWall } from '../../collections/lib/recurrence'
import { pickEncoding } from '../../site/lib/ical/http'

describe('Rome wall clock, memoised per hour', () => {
  it('equals recurrence.ts toWall at every quarter hour of 2026–2027, DST changes included', () => {
    const start = Date.UTC(2026, 0, 1)
    for (let t = start; t < Date.UTC(2028, 0, 1); t += 15 * 60_000) {
      const instant = new Date(t)
      if (wallOf(instant).getTime() !== toWall(instant).getTime())
        expect(wallOf(instant).toISOString(), instant.toISOString()).toBe(toWall(instant).toISOString())
    }
    expect(wallOf(new Date('2026-03-29T00:59:59Z')).toISOString()).toBe('2026-03-29T01:59:59.000Z')
    expect(wallOf(new Date('2026-03-29T01:00:00Z')).toISOString()).toBe('2026-03-29T03:00:00.000Z')
    expect(wallOf(new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-25T02:30:00.000Z')
    expect(wallOf(new Date('2026-10-25T01:30:00Z')).toISOString()).toBe('2026-10-25T02:30:00.000Z')
  })
})

describe('line folding (RFC 5545 §3.1)', () => {
  it('keeps every line within 75 octets, never splits a character, and unfolds to the original', () => {
    const line = `DESCRIPTION:${'Città, perché: “più” – 🙂 è così. '.repeat(12)}`
    const folded = foldLine(line)
    for (const part of folded.split('\r\n')) expect(Buffer.byteLength(part)).toBeLessThanOrEqual(75)
    expect(folded).not.toContain('\uFFFD')
    expect(folded.replace(/\r\n /g, '')).toBe(line)
    expect(foldLine('SUMMARY:breve')).toBe('SUMMARY:breve')
  })
})

describe('content coding negotiation', () => {
  it('prefers brotli, then gzip, and honours q=0', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br')
    expect(pickEncoding('gzip')).toBe('gzip')
    expect(pickEncoding('br;q=0, gzip;q=0.5')).toBe('gzip')
    expect(pickEncoding('*;q=0')).toBe('identity')
    expect(pickEncoding('*')).toBe('br')
    expect(pickEncoding(null)).toBe('identity')
    expect(pickEncoding('identity')).toBe('identity')
  })
})

describe('feed cache', () => {
  it('bounds memory, not only entries: many distinct filter combinations push the oldest out', async () => {
    const { clearFeedCache, feedCacheSize, feedResponse } = await import('../../site/lib/ical/http')
    clearFeedCache()
    const big = `BEGIN:VCALENDAR\r\n${'X'.repeat(1_500_000)}\r\nEND:VCALENDAR\r\n`
    for (let i = 0; i < 60; i++) {
      const res = await feedResponse(
        new Request(`http://localhost/calendario.ics?q=${i}`, { headers: { 'accept-encoding': 'gzip' } }),
        `calendario?q=${i}`,
        async () => 'v1',
        async () => ({ ics: big, lastModified: new Date(), filename: 'calendario.ics' }) as never,
      )
      expect(res.status).toBe(200)
    }
    expect(feedCacheSize().bytes).toBeLessThanOrEqual(64 * 1024 * 1024)
    expect(feedCacheSize().entries).toBeLessThan(60)
    clearFeedCache()
  })
})
