import type { CollectionBeforeValidateHook, PayloadRequest, Where } from 'payload'
import type { Attendance, Event } from '../../../cms/payload-types'
import { catalogue } from '../../../shared/strings'
import { refId } from '../../access/roles'
import { TIME_ZONE } from '../../enums'
import { fieldErrors } from '../../lib/field-errors'
import { SLUGS } from '../../slugs'

const T = catalogue('it').attendance
const ERRORS = T.errors
const MAX = 100_000

type FieldError = { path: string; message: string }
type Row = Partial<Attendance>

const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX

/** A number field's own check (shown on the field in the admin): a whole number, zero or more. */
export const validCount = (label: string) => (value: number | null | undefined) =>
  value == null || isCount(value) ? true : ERRORS.count(label)

const when = (start: Date) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(start)

const sameDate = (event: number | string, start: string): Where[] => [
  { event: { equals: event } },
  { start: { equals: start } },
]

/** People of the bookings of the date marked arrived: `checkedIn` is always this, never what a form sends. */
const arrived = async (req: PayloadRequest, event: number | string, start: string) => {
  const { docs } = await req.payload.find({
    collection: SLUGS.registrations,
    where: { and: [...sameDate(event, start), { status: { equals: 'attended' } }] },
    select: { people: true },
    pagination: false,
    depth: 0,
    overrideAccess: true, // counts of the date, whoever records them
    req,
  })
  return docs.reduce((sum, r) => sum + (r.people ?? 0), 0)
}

/**
 * A new row: the event and date must exist, and a person may record only a date that has begun and that is a
 * date of the published event (a row of `occurrences`). System, library and title come from the event; the
 * arrivals from the bookings. The registrations desk (server code, no user) records a headcount as people
 * arrive, before the start too, and checks its date itself.
 */
const prepareNew = async (data: Row, req: PayloadRequest, now: Date): Promise<FieldError[]> => {
  const eventId = refId(data.event)
  const event =
    eventId == null
      ? null
      : ((await req.payload
          .findByID({
            collection: SLUGS.events,
            id: eventId,
            depth: 0,
            select: { title: true, system: true, library: true },
            disableErrors: true,
            overrideAccess: true, // the event's owners, set on the row
            req,
          })
          .catch(() => null)) as Pick<Event, 'id' | 'title' | 'system' | 'library'> | null)
  if (!event) return [{ path: 'event', message: ERRORS.noEvent }]
  const start = data.start ? new Date(data.start) : null
  if (!start || Number.isNaN(start.getTime())) return []
  const iso = start.toISOString()
  data.start = iso
  data.system = refId(event.system) as number
  data.library = (refId(event.library) as number | null) ?? null
  data.title = `${event.title} – ${when(start)}`
  if (!req.user) return []
  if (start.getTime() > now.getTime()) return [{ path: 'start', message: ERRORS.future }]
  const occurrence = await req.payload.count({
    collection: SLUGS.occurrences,
    where: { and: sameDate(event.id, iso) },
    overrideAccess: true, // a date of the event the access rule has just let this user record (staff-only ones too)
    req,
  })
  if (!occurrence.totalDocs) return [{ path: 'start', message: ERRORS.notADate }]
  const existing = await req.payload.count({
    collection: SLUGS.attendance,
    where: { and: sameDate(event.id, iso) },
    overrideAccess: true, // a row the user may not read still takes the date
    req,
  })
  if (existing.totalDocs) return [{ path: 'start', message: ERRORS.exists }]
  data.checkedIn = await arrived(req, event.id, iso)
  return []
}

/**
 * The figures, as a person submits them: whole numbers from 0; a total when the date was held; arrivals with
 * a booking plus walk-ins within the total; age bands each at most once and, when any is filled, adding up to
 * exactly the total (a partial split would make the yearly figures by age disagree with the totals); the
 * desk's children bands within the total.
 */
const checkFigures = (row: Row): FieldError[] => {
  const errors: FieldError[] = []
  const count = (value: unknown, path: string, label: string) => {
    if (value == null || isCount(value)) return true
    errors.push({ path, message: ERRORS.count(label) })
    return false
  }
  const ages = row.ages ?? []
  const bands = row.bands ?? []
  const valid = [
    count(row.total, 'total', T.fields.total),
    count(row.walkIns, 'walkIns', T.fields.walkIns),
    ...ages.map((a, i) => count(a.count, `ages.${i}.count`, T.fields.count)),
    ...bands.map((b, i) => count(b.count, `bands.${i}.count`, T.fields.count)),
  ].every(Boolean)
  if (!valid) return errors
  const total = row.total ?? null
  if (total == null) {
    if ((row.outcome ?? 'held') === 'held' || ages.length) errors.push({ path: 'total', message: ERRORS.totalRequired })
    return errors
  }
  const checkedIn = row.checkedIn ?? 0
  const walkIns = row.walkIns ?? 0
  if (checkedIn + walkIns > total)
    errors.push({ path: 'total', message: ERRORS.totalTooSmall(checkedIn, walkIns, total) })
  const seen = new Set(ages.map((a) => String(refId(a.band))))
  if (seen.size < ages.length) errors.push({ path: 'ages', message: ERRORS.duplicateBand })
  const inAges = ages.reduce((sum, a) => sum + (a.count ?? 0), 0)
  if (ages.length && inAges !== total) errors.push({ path: 'ages', message: ERRORS.agesSum(inAges, total) })
  const children = bands.reduce((sum, b) => sum + (b.count ?? 0), 0)
  if (children > total) errors.push({ path: 'bands', message: ERRORS.childrenTooMany(children, total) })
  return errors
}

/** Every age band named is one of the network's (an unknown id would otherwise reach the database). */
const checkBands = async (row: Row, req: PayloadRequest): Promise<FieldError[]> => {
  const ids = [...new Set((row.ages ?? []).map((a) => refId(a.band)))]
  if (!ids.length) return []
  if (ids.some((id) => id == null || (typeof id !== 'number' && typeof id !== 'string')))
    return [{ path: 'ages', message: ERRORS.unknownBand }]
  const { totalDocs } = await req.payload
    .count({
      collection: SLUGS.attendanceBands,
      where: { id: { in: ids } },
      overrideAccess: true, // the bands are public; only their existence is asked
      req,
    })
    .catch(() => ({ totalDocs: -1 }))
  return totalDocs === ids.length ? [] : [{ path: 'ages', message: ERRORS.unknownBand }]
}

/**
 * The rules of issue 15 on every write: field errors in Italian (400 over REST, on the fields in the admin),
 * nothing written. Writes by server code without a user (the registrations desk, the seed) check their own
 * figures, so only the derived fields are set for them.
 */
export const checkAttendance: CollectionBeforeValidateHook<Attendance> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (!data) return data
  const errors = operation === 'create' ? await prepareNew(data, req, new Date()) : []
  if (req.user && !errors.length) {
    const row = { ...originalDoc, ...data }
    errors.push(...checkFigures(row))
    if (!errors.length) errors.push(...(await checkBands(row, req)))
  }
  if (errors.length) throw fieldErrors(SLUGS.attendance, errors, req)
  return data
}
