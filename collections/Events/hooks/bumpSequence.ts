import type { CollectionBeforeChangeHook } from 'payload'
import type { Event } from '../../../cms/payload-types'

const SIGNIFICANT = [
  'start',
  'end',
  'allDay',
  'library',
  'venue',
  'placeNotes',
  'status',
  'recurrence',
  'changedDates',
  'onlineUrl',
] as const

// Hook data and originalDoc are both depth 0, so relationships compare as ids.
const normalize = (v: unknown): string => JSON.stringify(v ?? null)

/** iCalendar SEQUENCE: clients update an event they already have only when it grows. */
export const bumpSequence: CollectionBeforeChangeHook<Event> = ({ data, originalDoc, operation }) => {
  if (operation !== 'update' || !originalDoc) {
    data.sequence = 0
    return data
  }
  const changed = SIGNIFICANT.some((key) => key in data && normalize(data[key]) !== normalize(originalDoc[key]))
  data.sequence = (originalDoc.sequence ?? 0) + (changed ? 1 : 0)
  return data
}
