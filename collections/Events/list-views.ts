import { TZDate } from '@date-fns/tz'
import type { Where } from 'payload'
import type { AdminStrings } from '../../shared/strings'
import { refId, type Staff } from '../access/roles'
import { TIME_ZONE } from '../enums'

/** Midnight in Rome today (the list's links are built in the browser too: no recurrence engine needed here). */
const romeMidnight = (now: Date): Date => {
  const rome = new TZDate(now.getTime(), TIME_ZONE)
  return new Date(new TZDate(rome.getFullYear(), rome.getMonth(), rome.getDate(), TIME_ZONE).getTime())
}

export type EventListViewKey = keyof AdminStrings['eventViews']

/** One of the events list's ready-made views: a filter the librarian sees (and can change) and an order. */
export type EventListView = { key: EventListViewKey; where?: Where; sort: string }

/** Still in programme from today: the last date ends today or later (one group, as the list's filter shows it). */
const inProgramme = (today: string, also: Where[] = []): Where => ({
  or: [{ and: [...also, { lastEnd: { greater_than_equal: today } }] }],
})

/**
 * The views offered above the events list, the first being where the list opens: the user's own system from
 * today on, in date order; the whole network and the past one click away. Network staff have no system.
 */
export const eventListViews = (user: Staff | null, now: Date = new Date()): EventListView[] => {
  const today = romeMidnight(now).toISOString()
  const system = refId(user?.system)
  const mine: Where[] = system == null ? [] : [{ system: { equals: system } }]
  return [
    ...(system == null
      ? []
      : [
          { key: 'mine', where: inProgramme(today, mine), sort: 'start' },
          { key: 'network', where: inProgramme(today), sort: 'start' },
          { key: 'mineAll', where: { or: [{ and: mine }] }, sort: '-start' },
        ]),
    ...(system == null ? [{ key: 'network', where: inProgramme(today), sort: 'start' } as const] : []),
    { key: 'all', sort: '-start' },
  ] as EventListView[]
}

/** `where[or][0][and][0][system][equals]=3`: the bracket notation of Payload's list URLs. */
const flatten = (value: unknown, prefix: string): [string, string][] =>
  value !== null && typeof value === 'object'
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, `${prefix}[${k}]`))
    : [[prefix, String(value)]]

/** The list URL's query string of a view (page 1). */
export const viewQuery = (view: EventListView): string =>
  new URLSearchParams([
    ...(view.where ? flatten(view.where, 'where') : []),
    ['sort', view.sort],
    ['page', '1'],
  ]).toString()

/** Whether the list's current filter is the view's (values compared as the URL carries them: strings). */
export const isCurrentView = (view: EventListView, where: unknown): boolean => {
  const a = new Set(flatten(view.where ?? {}, 'where').map(([k, v]) => `${k}=${v}`))
  const b = new Set(flatten(where ?? {}, 'where').map(([k, v]) => `${k}=${v}`))
  return a.size === b.size && [...a].every((x) => b.has(x))
}
