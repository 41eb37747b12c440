import type { CollectionSlug, Payload } from 'payload'
import { COMUNI } from '../../collections/data/comuni'
import { ATTENDANCE_FORMAT_LABELS } from '../../collections/enums'
import { SLUGS } from '../../collections/slugs'
import type { Group } from './types'

/** The name of each id in a grouping, read from the small lists (systems, libraries, categories…). */
export type Labels = Record<Group, Map<string, string>>

const LISTS: Partial<Record<Group, { collection: CollectionSlug; field: string }>> = {
  system: { collection: SLUGS.systems, field: 'name' },
  library: { collection: SLUGS.libraries, field: 'name' },
  category: { collection: SLUGS.categories, field: 'name' },
  audience: { collection: SLUGS.audiences, field: 'name' },
  campaign: { collection: SLUGS.campaigns, field: 'title' },
  funder: { collection: SLUGS.funders, field: 'name' },
  band: { collection: SLUGS.attendanceBands, field: 'name' },
}

const MONTH = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** `2026-03` as "marzo 2026". */
export const monthLabel = (key: string) => {
  const [y, m] = key.split('-').map(Number) as [number, number]
  return Number.isFinite(y) && Number.isFinite(m) ? MONTH.format(new Date(Date.UTC(y, m - 1, 1))) : key
}

/** Names for the ids a report shows (only those: `wanted` per grouping). */
export const labelsFor = async (payload: Payload, wanted: Partial<Record<Group, Set<string>>>): Promise<Labels> => {
  const labels = {} as Labels
  for (const group of Object.keys(LISTS) as Group[]) {
    const list = LISTS[group]
    const ids = [...(wanted[group] ?? [])]
    const map = new Map<string, string>()
    if (list && ids.length) {
      const { docs } = await payload.find({
        collection: list.collection,
        where: { id: { in: ids } },
        select: { [list.field]: true } as never,
        depth: 0,
        pagination: false,
        overrideAccess: true, // names of the rows the caller's figures already count
      })
      for (const d of docs as unknown as Record<string, unknown>[]) map.set(String(d.id), String(d[list.field] ?? ''))
    }
    labels[group] = map
  }
  labels.comune = new Map(COMUNI.map((c) => [c.istat, c.name]))
  labels.format = new Map(Object.entries(ATTENDANCE_FORMAT_LABELS))
  labels.month = new Map()
  return labels
}

export const labelOf = (labels: Labels, group: Group, key: string, unknown: string) =>
  group === 'month' ? monthLabel(key) : (labels[group].get(key) ?? (key ? key : unknown)) || unknown
