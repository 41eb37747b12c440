import type { CollectionBeforeDeleteHook, CollectionBeforeValidateHook } from 'payload'
import type { AttendanceAgeBand } from '../../cms/payload-types'
import { catalogue } from '../../shared/strings'
import { fieldErrors } from '../lib/field-errors'
import { Refusal } from '../lib/refusal'
import { SLUGS } from '../slugs'

const ERRORS = catalogue('it').attendance.errors
const upper = (band: Pick<AttendanceAgeBand, 'maxAge'>) => band.maxAge ?? Number.POSITIVE_INFINITY

/** A band's range, when it is set or changed: the minimum within the maximum, and no age in two bands. */
export const checkBandRange: CollectionBeforeValidateHook<AttendanceAgeBand> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const band = { ...originalDoc, ...data }
  const moved = band.minAge !== originalDoc?.minAge || (band.maxAge ?? null) !== (originalDoc?.maxAge ?? null)
  if (operation !== 'create' && !moved) return data
  const min = band.minAge
  if (typeof min !== 'number') return data
  const errors: { path: string; message: string }[] = []
  if (typeof band.maxAge === 'number' && band.maxAge < min) errors.push({ path: 'maxAge', message: ERRORS.bandRange })
  else {
    const { docs } = await req.payload.find({
      collection: SLUGS.attendanceBands,
      where: originalDoc?.id != null ? { id: { not_equals: originalDoc.id } } : {},
      pagination: false,
      depth: 0,
      overrideAccess: true, // the other bands, to compare ranges
      req,
    })
    const other = docs.find((b) => b.minAge <= upper(band) && min <= upper(b))
    if (other) errors.push({ path: 'minAge', message: ERRORS.bandOverlap(other.name) })
  }
  if (errors.length) throw fieldErrors(SLUGS.attendanceBands, errors, req)
  return data
}

/** A band some attendance counts in stays: deleting it would leave those counts without an age. */
export const keepUsedBand: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: SLUGS.attendance,
    where: { 'ages.band': { equals: id } },
    overrideAccess: true, // usage anywhere in the network, not only what the admin reads
    req,
  })
  if (totalDocs) throw new Refusal(ERRORS.bandInUse(totalDocs), 400)
}
