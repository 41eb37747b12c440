// `npm run bench` reuses a seeded database only if its seed finished, with the number of events asked for.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { markerFile, readMarker, removeDatabase, seedStatus, writeMarker } from '../../cms/seed/marker'
import { eventSlugBook } from '../../cms/seed/slugs'

const scratch = () => path.join(mkdtempSync(path.join(tmpdir(), 'seed-marker-')), 'agenda.db')
const finished = (events: number) => ({
  events,
  seconds: 10,
  eventsPerSecond: events / 10,
  peakRssMb: 400,
  finishedAt: '2026-03-10T10:00:00.000Z',
})

describe('seed marker', () => {
  it('a database without a marker is an interrupted seed, not a seeded one', () => {
    const db = scratch()
    expect(seedStatus(db, 20000)).toBe('absent')
    writeFileSync(db, 'half a seed')
    expect(seedStatus(db, 20000)).toBe('incomplete')
  })

  it('a finished seed is reused only for the same number of events', () => {
    const db = scratch()
    writeFileSync(db, 'seeded')
    writeMarker(db, finished(20000))
    expect(seedStatus(db, 20000)).toBe('ready')
    expect(seedStatus(db, 2000)).toBe('incomplete')
    expect(readMarker(db)?.eventsPerSecond).toBe(2000)
  })

  it('an unreadable marker counts as no marker', () => {
    const db = scratch()
    writeFileSync(db, 'seeded')
    writeFileSync(markerFile(db), '{"events": 200')
    expect(seedStatus(db, 200)).toBe('incomplete')
  })

  it('removing a database takes its WAL files and marker too, so the next start seeds from scratch', () => {
    const db = scratch()
    for (const suffix of ['', '-wal', '-shm']) writeFileSync(`${db}${suffix}`, 'x')
    writeMarker(db, finished(300))
    removeDatabase(db)
    for (const file of [db, `${db}-wal`, `${db}-shm`, markerFile(db)]) expect(existsSync(file)).toBe(false)
    expect(seedStatus(db, 300)).toBe('absent')
  })
})

describe('seed event slugs', () => {
  it('follow the slug hook: title, then title-date, then the smallest free number', () => {
    const slugFor = eventSlugBook()
    const saturday = '2026-02-14T09:30:00.000Z'
    expect(slugFor('Ora delle storie', saturday)).toBe('ora-delle-storie')
    expect(slugFor('Ora delle storie', saturday)).toBe('ora-delle-storie-2026-02-14')
    expect(slugFor('Ora delle storie', saturday)).toBe('ora-delle-storie-2026-02-14-2')
    expect(slugFor('Ora delle storie', saturday)).toBe('ora-delle-storie-2026-02-14-3')
    expect(slugFor('Ora delle storie', '2026-02-21T09:30:00.000Z')).toBe('ora-delle-storie-2026-02-21')
    expect(slugFor('Corso di fumetto', saturday)).toBe('corso-di-fumetto')
  })

  it('date an event by its day in Rome, not in UTC', () => {
    const slugFor = eventSlugBook()
    slugFor('Mostra', '2026-07-30T22:00:00.000Z')
    expect(slugFor('Mostra', '2026-07-30T22:00:00.000Z')).toBe('mostra-2026-07-31')
  })
})
