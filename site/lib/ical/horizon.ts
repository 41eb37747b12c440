// The window of dates every feed covers, in Rome days. Its own module: the feeds' data version (version.ts) moves
// with the horizon's first day, and the feed builder (feed.ts) reads that version.
import { fromWall, startOfRomeDay, toWall } from '../../../collections/lib/recurrence'
import type { Filters } from '../filters'
import { HORIZON_MONTHS, HORIZON_PAST_DAYS } from './limits'

const DAY = 86_400_000

const addDays = (wallMidnight: Date, days: number) => new Date(wallMidnight.getTime() + days * DAY)
const isoDay = (wall: Date) => wall.toISOString().slice(0, 10)

/** The feed horizon in Rome days: from 30 days ago to 12 months ahead (end exclusive). */
export const feedHorizon = (now: Date) => {
  const today = toWall(startOfRomeDay(now))
  const end = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + HORIZON_MONTHS, today.getUTCDate()))
  return {
    today: fromWall(today),
    fromDay: isoDay(addDays(today, -HORIZON_PAST_DAYS)),
    lastDay: isoDay(addDays(end, -1)),
    from: fromWall(addDays(today, -HORIZON_PAST_DAYS)),
    to: fromWall(end),
  }
}

/**
 * The filter's own dates, kept inside the horizon; without dates, the horizon itself. `quando`
 * presets already lie inside it. The query and the feed's cut both follow the result.
 */
export const horizonFilters = (f: Filters, now: Date): Filters => {
  const h = feedHorizon(now)
  const da = f.da ? ([f.da, h.fromDay].sort()[1] as string) : null // ISO days sort as strings
  const a = f.a ? ([f.a, h.lastDay].sort()[0] as string) : null
  if (f.quando) return { ...f, da, a }
  return { ...f, da: da ?? h.fromDay, a: a ?? h.lastDay }
}
