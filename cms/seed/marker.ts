import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'

/** Written beside the database file once a seed has finished; a database without it is a seed cut short. */
export type SeedMarker = {
  events: number
  seconds: number
  eventsPerSecond: number
  peakRssMb: number
  finishedAt: string
}

export const markerFile = (databaseFile: string) => `${databaseFile}.seed.json`

/** The SQLite file behind a `file:` URL; other databases have no file to mark. */
export const databaseFileOf = (url: string) => (url.startsWith('file:') ? url.slice('file:'.length) : undefined)

export const readMarker = (databaseFile: string): SeedMarker | undefined => {
  try {
    const marker = JSON.parse(readFileSync(markerFile(databaseFile), 'utf8')) as SeedMarker
    return Number.isInteger(marker.events) ? marker : undefined
  } catch {
    return undefined
  }
}

export const writeMarker = (databaseFile: string, marker: SeedMarker) =>
  writeFileSync(markerFile(databaseFile), `${JSON.stringify(marker, null, 2)}\n`)

export const clearMarker = (databaseFile: string) => rmSync(markerFile(databaseFile), { force: true })

/**
 * `ready`: seeded to completion with `events` events; `absent`: no database yet (seeding will create it);
 * `incomplete`: a database without a matching marker (interrupted, or seeded with another size): not fit to measure.
 */
export const seedStatus = (databaseFile: string, events: number): 'ready' | 'absent' | 'incomplete' => {
  if (!existsSync(databaseFile)) return 'absent'
  return readMarker(databaseFile)?.events === events ? 'ready' : 'incomplete'
}

/** Removes a database file with its WAL companions and marker. */
export const removeDatabase = (databaseFile: string) => {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${databaseFile}${suffix}`, { force: true })
  clearMarker(databaseFile)
}
