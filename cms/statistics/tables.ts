import type { Catalogue } from '../../shared/strings/it'
import type { Table } from '../tables'
import { type Labels, labelOf, monthLabel } from './labels'
import { type Figures, GROUPS, type Group, type Summary } from './types'

/** The report's figures for the period and the same period a year earlier. */
export type Report = { current: Figures; previous: Figures }

type T = Catalogue['statistics']

/** The names of the tables a report has, as they appear in download addresses. */
export const TABLE_NAMES = ['riepilogo', ...GROUPS, 'iscritti-mese', 'iscritti-sistema'] as const
export type TableName = (typeof TABLE_NAMES)[number]

const SUMMARY_KEYS: (keyof Summary)[] = [
  'dates',
  'events',
  'places',
  'people',
  'heldDates',
  'booked',
  'noShows',
  'waiting',
]

const summaryTable = (t: T, r: Report): Table => ({
  title: t.summary.caption,
  columns: [
    { label: t.summary.figure, type: 'text' },
    { label: t.period, type: 'number' },
    { label: t.lastYear, type: 'number' },
  ],
  rows: SUMMARY_KEYS.map((k) => [t.summary[k], r.current.summary[k], r.previous.summary[k]]),
})

/** One grouping: each key of either year, with dates and attendance of the period and of the year before. */
const groupTable = (t: T, r: Report, labels: Labels, group: Group): Table => {
  const before = new Map(r.previous.groups[group].map((row) => [row.key, row]))
  const now = new Map(r.current.groups[group].map((row) => [row.key, row]))
  // A month of the year before sits beside the same month of this period.
  const shift = (key: string) => (group === 'month' ? `${Number(key.slice(0, 4)) + 1}${key.slice(4)}` : key)
  const keys = [...new Set([...now.keys(), ...[...before.keys()].map(shift)])].sort()
  const lastOf = (key: string) => before.get(group === 'month' ? `${Number(key.slice(0, 4)) - 1}${key.slice(4)}` : key)
  return {
    title: t.groups[group],
    columns: [
      { label: t.keys[group], type: 'text' },
      { label: `${t.dates} (${t.period.toLowerCase()})`, type: 'number' },
      { label: `${t.people} (${t.period.toLowerCase()})`, type: 'number' },
      { label: `${t.dates} (${t.lastYear.toLowerCase()})`, type: 'number' },
      { label: `${t.people} (${t.lastYear.toLowerCase()})`, type: 'number' },
    ],
    rows: keys
      .map((key) => [
        labelOf(labels, group, key, t.unknown),
        now.get(key)?.dates ?? 0,
        now.get(key)?.people ?? 0,
        lastOf(key)?.dates ?? 0,
        lastOf(key)?.people ?? 0,
      ])
      .sort((a, b) => (group === 'month' ? 0 : Number(b[2]) - Number(a[2]))),
  }
}

const monthTable = (t: T, r: Report): Table => {
  const before = new Map(r.previous.subscribers.byMonth.map((m) => [m.key, m]))
  return {
    title: t.subscribersMonth,
    columns: [
      { label: t.month, type: 'text' },
      { label: `${t.newSubscribers} (${t.period.toLowerCase()})`, type: 'number' },
      { label: `${t.cumulative} (${t.period.toLowerCase()})`, type: 'number' },
      { label: `${t.newSubscribers} (${t.lastYear.toLowerCase()})`, type: 'number' },
    ],
    rows: r.current.subscribers.byMonth.map((m) => [
      monthLabel(m.key),
      m.value,
      m.cumulative,
      before.get(`${Number(m.key.slice(0, 4)) - 1}${m.key.slice(4)}`)?.value ?? 0,
    ]),
  }
}

const systemTable = (t: T, r: Report, labels: Labels): Table => {
  const before = new Map(r.previous.subscribers.bySystem.map((m) => [m.key, m.value]))
  return {
    title: t.subscribersSystem,
    columns: [
      { label: t.keys.system, type: 'text' },
      { label: `${t.subscribers} (${t.period.toLowerCase()})`, type: 'number' },
      { label: `${t.subscribers} (${t.lastYear.toLowerCase()})`, type: 'number' },
    ],
    rows: r.current.subscribers.bySystem.map((s) => [
      labelOf(labels, 'system', s.key, t.unknown),
      s.value,
      before.get(s.key) ?? 0,
    ]),
  }
}

/** Every table of a report, by name: what the view shows beside its charts and what a download writes. */
export const reportTables = (t: T, r: Report, labels: Labels): Record<TableName, Table> => {
  const groups = Object.fromEntries(GROUPS.map((g) => [g, groupTable(t, r, labels, g)])) as Record<Group, Table>
  return {
    riepilogo: summaryTable(t, r),
    ...groups,
    'iscritti-mese': monthTable(t, r),
    'iscritti-sistema': systemTable(t, r, labels),
  }
}

/** The ids a report names, per grouping (to read only their names). */
export const idsIn = (r: Report): Partial<Record<Group, Set<string>>> => {
  const out: Partial<Record<Group, Set<string>>> = {}
  for (const g of GROUPS) out[g] = new Set([...r.current.groups[g], ...r.previous.groups[g]].map((row) => row.key))
  for (const s of [...r.current.subscribers.bySystem, ...r.previous.subscribers.bySystem]) out.system?.add(s.key)
  return out
}
