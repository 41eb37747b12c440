import type { CollectionBeforeChangeHook } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { MAX_OCCURRENCES } from '../../enums'
import { expandSchedule, startOfRomeDay } from '../../lib/recurrence'

const HOUR = 3_600_000

/**
 * Canonical times (all-day → Rome midnights; a missing end → one hour; a start moved past the unchanged
 * end takes the end along, keeping the duration, as calendar apps do), a note for the editor on the
 * generated dates and the end of the last one (`lastEnd`). On update the stored fields fill in what was not submitted.
 */
export const normalizeSchedule: CollectionBeforeChangeHook<Event> = ({ data, originalDoc }) => {
  const was: Partial<Event> = originalDoc ?? {}
  const pick = <K extends keyof Event>(key: K) => (key in data ? data[key] : was[key])
  if (!pick('start')) {
    data.lastEnd = null // a draft may not have a date yet
    return data
  }
  let start = new Date(pick('start') as string)
  let end = pick('end') ? new Date(pick('end') as string) : null
  const endUnchanged = end && was.end && end.getTime() === Date.parse(was.end as string)
  if (endUnchanged && was.start && end && end < start)
    end = new Date(start.getTime() + (Date.parse(was.end as string) - Date.parse(was.start as string)))
  if (pick('allDay')) {
    start = startOfRomeDay(start)
    end = startOfRomeDay(end ?? start)
  } else if (!end) {
    end = new Date(start.getTime() + HOUR)
  }
  data.start = start.toISOString()
  data.end = end.toISOString()

  const { occurrences, truncated } = expandSchedule({
    start,
    end,
    allDay: pick('allDay') as boolean,
    recurrence: pick('recurrence'),
    changedDates: pick('changedDates'),
  })
  const n = occurrences.length
  data.occurrencesRolling = truncated === 'horizon'
  // For a rule without an end, the last date generated now (two years ahead): rolled forward by any later save.
  const lastEnd = Math.max(...occurrences.map((o) => o.end.getTime()))
  data.lastEnd = Number.isFinite(lastEnd) ? new Date(lastEnd).toISOString() : null
  data.occurrencesInfo =
    truncated === 'count'
      ? `La regola genera più di ${MAX_OCCURRENCES} date: ne sono pubblicate ${n}. Indica una data di fine o un numero di volte.`
      : truncated === 'horizon'
        ? `${n} date: la regola continua oltre i prossimi 2 anni, le date successive si aggiungono ogni giorno.`
        : n === 1
          ? '1 data'
          : `${n} date`
  return data
}
