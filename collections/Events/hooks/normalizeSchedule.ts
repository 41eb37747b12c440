import type { CollectionBeforeChangeHook } from 'payload'
import { MAX_OCCURRENCES } from '../../enums'
import { expandSchedule, startOfRomeDay } from '../../lib/recurrence'

const HOUR = 3_600_000

/** Canonical times (all-day → Rome midnights; a missing end → one hour) and a note on the generated dates. */
export const normalizeSchedule: CollectionBeforeChangeHook = ({ data }) => {
  if (!data.start) return data
  const start = new Date(data.start)
  let end = data.end ? new Date(data.end) : null
  if (data.allDay) {
    data.start = startOfRomeDay(start).toISOString()
    data.end = startOfRomeDay(end ?? start).toISOString()
  } else if (!end) {
    end = new Date(start.getTime() + HOUR)
    data.end = end.toISOString()
  }
  const { occurrences, truncated } = expandSchedule({
    start: data.start,
    end: data.end,
    allDay: data.allDay,
    recurrence: data.recurrence,
    changedDates: data.changedDates,
  })
  const n = occurrences.length
  data.occurrencesInfo =
    truncated === 'count'
      ? `La regola genera più di ${MAX_OCCURRENCES} date: pubblicate solo le prime ${n}. Indica una data di fine.`
      : truncated === 'horizon'
        ? `La regola continua oltre 2 anni: pubblicate ${n} date fino a ${occurrences.at(-1)?.start.toLocaleDateString('it-IT', { timeZone: 'Europe/Rome' })}; le successive si aggiungono col tempo.`
        : n === 1
          ? '1 data'
          : `${n} date`
  return data
}
