import type { Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import { AGE_BANDS, type AgeBand, ATTENDANCE_FORMAT_LABELS, type AttendanceFormat } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import type { Attendance, Registration } from '../payload-types'
import { countOf, type DeskScope, deskDate, type Refusal, refuse } from './scope'

type Id = number | string
type Key = { event: Id; start: Date }

/** People of the bookings of a date marked arrived. */
export const arrivedPeople = async (payload: Payload, key: Key) => {
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { event: { equals: key.event } },
        { start: { equals: key.start.toISOString() } },
        { status: { equals: 'attended' } },
      ],
    },
    select: { people: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return (docs as Pick<Registration, 'people'>[]).reduce((sum, r) => sum + (r.people ?? 0), 0)
}

/**
 * Keeps a date's attendance row in step with its arrivals: `checkedIn` is recomputed from the bookings marked
 * arrived; the total follows it when it was the computed figure (arrivals plus walk-ins), and stays as typed
 * when the librarian counted otherwise. No row: nothing to do (the headcount form creates it).
 */
export const refreshCheckedIn = async (payload: Payload, key: Key) => {
  const row = (
    await payload.find({
      collection: SLUGS.attendance,
      where: { and: [{ event: { equals: key.event } }, { start: { equals: key.start.toISOString() } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0] as Attendance | undefined
  if (!row) return
  const checkedIn = await arrivedPeople(payload, key)
  if (checkedIn === row.checkedIn) return
  const followed = row.total == null || row.total === (row.checkedIn ?? 0) + (row.walkIns ?? 0)
  await payload.update({
    collection: SLUGS.attendance,
    id: row.id,
    data: { checkedIn, ...(followed ? { total: checkedIn + (row.walkIns ?? 0) } : {}) },
    overrideAccess: true,
    depth: 0,
  })
}

export type HeadcountInput = {
  event: unknown
  start: unknown
  /** People who came without booking. */
  walkIns?: unknown
  /** Everybody present; empty: arrivals plus walk-ins. */
  total?: unknown
  /**
   * The computed total the form showed: a total sent back unchanged is computed again from the walk-ins sent
   * with it (a plain form cannot update the field while they are typed).
   */
  totalShown?: unknown
  /** People present per age band (children and young people; adults are the rest of the total). */
  bands?: Partial<Record<string, unknown>>
  format?: unknown
  notes?: unknown
}

export type HeadcountResult = { ok: true; attendance: Attendance; created: boolean } | Refusal

const FORMATS = Object.keys(ATTENDANCE_FORMAT_LABELS) as AttendanceFormat[]
// biome-ignore lint/suspicious/noControlCharactersInRegex: line breaks and tabs are allowed in notes, nothing else.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/

const when = (start: Date) =>
  new Intl.DateTimeFormat('it-IT', {
    timeZone: 'Europe/Rome',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(start)

/**
 * The headcount of one date: people who came without booking, everybody present (by default the arrivals
 * plus the walk-ins), split by age band, how the activity took place, notes. Creates the date's one
 * attendance row or updates it (a new version); `checkedIn` is always recomputed from the bookings marked
 * arrived, never taken from the form. Counts only, never names.
 */
export const recordHeadcount = async (
  payload: Payload,
  scope: DeskScope,
  input: HeadcountInput,
): Promise<HeadcountResult> => {
  const found = await deskDate(payload, scope, input.event, input.start)
  if (!found.ok) return found
  const { event, start } = found.date
  const t = catalogue('it').bookingDesk
  const walkIns = countOf(input.walkIns)
  if (walkIns == null) return refuse(400, 'count', { field: 'walkIns', args: [t.walkIns] })
  const rawTotal = input.total == null ? '' : String(input.total).trim()
  const untouched = input.totalShown != null && rawTotal === String(input.totalShown).trim()
  const typedTotal = rawTotal === '' || untouched ? null : countOf(rawTotal)
  if (typedTotal === null && rawTotal !== '' && !untouched)
    return refuse(400, 'count', { field: 'total', args: [t.total] })
  const bands: { band: AgeBand; count: number }[] = []
  for (const [band, raw] of Object.entries(input.bands ?? {})) {
    if (!(AGE_BANDS as string[]).includes(band)) return refuse(400, 'unknownBand', { field: 'bands' })
    const count = countOf(raw)
    if (count == null)
      return refuse(400, 'count', { field: 'bands', args: [catalogue('it').registrations.ageBands[band as AgeBand]] })
    if (count > 0) bands.push({ band: band as AgeBand, count })
  }
  const rawFormat = typeof input.format === 'string' && input.format ? input.format : 'presence'
  const format = FORMATS.find((f) => f === rawFormat)
  if (!format) return refuse(400, 'format', { field: 'format' })
  const notes = typeof input.notes === 'string' ? input.notes.replace(/\r\n?/g, '\n').trim() : ''
  if (notes.length > 1000 || CONTROL.test(notes)) return refuse(400, 'notes', { field: 'notes' })

  const key = { event: event.id, start }
  const checkedIn = await arrivedPeople(payload, key)
  const total = typedTotal ?? checkedIn + walkIns
  if (total < checkedIn + walkIns) return refuse(400, 'totalTooSmall', { field: 'total', args: [checkedIn, walkIns] })
  const inBands = bands.reduce((sum, b) => sum + b.count, 0)
  if (inBands > total) return refuse(400, 'bandsTooMany', { field: 'bands', args: [inBands, total] })

  const data = { total, checkedIn, walkIns, bands, format, notes: notes || null }
  const where: Where = { and: [{ event: { equals: event.id } }, { start: { equals: start.toISOString() } }] }
  const existing = async () =>
    (await payload.find({ collection: SLUGS.attendance, where, depth: 0, limit: 1, overrideAccess: true })).docs[0] as
      | Attendance
      | undefined
  const update = (row: Attendance) =>
    payload.update({ collection: SLUGS.attendance, id: row.id, data, overrideAccess: true, depth: 0 })
  const row = await existing()
  if (row) return { ok: true, attendance: (await update(row)) as Attendance, created: false }
  try {
    const created = await payload.create({
      collection: SLUGS.attendance,
      data: {
        ...data,
        title: `${event.title} – ${when(start)}`,
        event: event.id,
        start: start.toISOString(),
        system: refId(event.system) as number,
        library: (refId(event.library) as number | null) ?? null,
      },
      overrideAccess: true,
      depth: 0,
    })
    return { ok: true, attendance: created as Attendance, created: true }
  } catch (error) {
    // Two headcounts of one date at once: the unique (event, start) index lets one create it; the other updates.
    const raced = await existing()
    if (!raced) throw error
    return { ok: true, attendance: (await update(raced)) as Attendance, created: false }
  }
}
