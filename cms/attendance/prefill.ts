import type { Payload } from 'payload'
import { refId } from '../../collections/access/roles'
import type { AgeBand } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { Registration } from '../payload-types'
import { ADULT_AGE, type Band, bandForAge, childBand } from './bands'

type Id = number | string

/** What the bookings already tell about a date: the people marked arrived, and them by attendance band. */
export type Prefill = { checkedIn: number; ages: Record<string, number> }

const key = (event: unknown, start: string) => `${String(refId(event))}|${new Date(start).toISOString()}`

/**
 * The form of each waiting date starts from its check-ins: the people of the bookings marked arrived, each
 * child in the band of their registration band's youngest age and each adult as an adult (`bands.ts`); the
 * librarian adds whoever came without booking and corrects the guess. Dates without arrivals get nothing.
 */
export const prefillOf = async (
  payload: Payload,
  dates: { event: Id; start: string }[],
  bands: Band[],
): Promise<Map<string, Prefill>> => {
  const result = new Map<string, Prefill>()
  if (!dates.length) return result
  const starts = dates.map((d) => d.start).sort()
  const { docs } = await payload.find({
    collection: SLUGS.registrations,
    where: {
      and: [
        { event: { in: [...new Set(dates.map((d) => String(d.event)))] } },
        { start: { greater_than_equal: starts[0] } },
        { start: { less_than_equal: starts[starts.length - 1] } },
        { status: { equals: 'attended' } },
      ],
    },
    pagination: false,
    depth: 0,
    select: { event: true, start: true, people: true, adults: true, children: true },
    overrideAccess: true, // counts of dates the caller's scope already chose
  })
  const wanted = new Set(dates.map((d) => key(d.event, d.start)))
  const adultBand = bandForAge(bands, ADULT_AGE)
  for (const r of docs as Registration[]) {
    const k = key(r.event, r.start)
    if (!wanted.has(k)) continue
    const row = result.get(k) ?? { checkedIn: 0, ages: {} }
    row.checkedIn += r.people ?? 0
    const add = (band: Band | undefined, n: number) => {
      if (band && n > 0) row.ages[String(band.id)] = (row.ages[String(band.id)] ?? 0) + n
    }
    add(adultBand, r.adults ?? 0)
    for (const c of r.children ?? []) add(childBand(bands, c.band as AgeBand), 1)
    result.set(k, row)
  }
  return result
}

export const prefillKey = key
