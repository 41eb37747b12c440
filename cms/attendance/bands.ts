import type { Payload } from 'payload'
import {
  type AgeBand,
  ageBandMin,
  DEFAULT_ATTENDANCE_BAND_NAMES,
  DEFAULT_ATTENDANCE_BANDS,
} from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { AttendanceAgeBand } from '../payload-types'

export type Band = Pick<AttendanceAgeBand, 'id' | 'name' | 'minAge' | 'maxAge'>

/** The network's attendance bands, youngest first (their `order`, then age). */
export const listBands = async (payload: Payload): Promise<Band[]> => {
  const { docs } = await payload.find({
    collection: SLUGS.attendanceBands,
    sort: ['order', 'minAge'],
    pagination: false,
    depth: 0,
    select: { name: true, minAge: true, maxAge: true },
    overrideAccess: true, // labels, read by everyone anyway
  })
  return docs as Band[]
}

/** The band an age falls in (bands never overlap), or none when the network left a gap. */
export const bandForAge = (bands: Band[], age: number): Band | undefined =>
  bands.find((b) => b.minAge <= age && (b.maxAge == null || age <= b.maxAge))

/**
 * Where a booking's people go: each child by the youngest age of their registration band ('11-14' → 11, so
 * into 6–11), each adult as 18. A guess the librarian corrects (a grandparent is an elder), never a rule.
 */
export const childBand = (bands: Band[], band: AgeBand) => bandForAge(bands, ageBandMin(band))
export const ADULT_AGE = 18

/**
 * A network starts with the five default bands: filled in when the list is empty (at start-up), so a new
 * database, a test's and the demo have them. A second process doing the same at once is refused by the
 * bands' own overlap check.
 */
export const ensureAttendanceBands = async (payload: Payload) => {
  const { totalDocs } = await payload.count({ collection: SLUGS.attendanceBands, overrideAccess: true })
  if (totalDocs) return 0
  let created = 0
  for (const [order, band] of DEFAULT_ATTENDANCE_BANDS.entries()) {
    try {
      await payload.create({
        collection: SLUGS.attendanceBands,
        data: { name: DEFAULT_ATTENDANCE_BAND_NAMES[band.key], minAge: band.minAge, maxAge: band.maxAge, order },
        overrideAccess: true, // the network's starting data, not a person's request
        depth: 0,
      })
      created++
    } catch {
      // Created meanwhile by another process.
    }
  }
  return created
}
