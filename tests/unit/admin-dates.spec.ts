// Every date field of the admin reads and shows Italian dates (issue 19): what react-datepicker does with the
// formats the config gives it, evaluated with date-fns as react-datepicker does (each format tried, a valid
// date after 1800 wins, no fallback to `new Date(text)`).
import { format, isValid, parse } from 'date-fns'
import { it as itLocale } from 'date-fns/locale'
import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'
import { withItalianDates } from '../../cms/admin-dates'
import { collections } from '../../collections'

type DateField = Extract<Field, { type: 'date' }>

const dateFields = (fields: Field[], path = ''): [string, DateField][] =>
  fields.flatMap((field): [string, DateField][] => {
    const here = 'name' in field && field.name ? `${path}${field.name}` : path
    if (field.type === 'date') return [[here, field]]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => dateFields(tab.fields, path))
    if ('fields' in field && Array.isArray(field.fields))
      return dateFields(field.fields, field.type === 'row' || field.type === 'collapsible' ? path : `${here}.`)
    return []
  })

const all = withItalianDates(collections).flatMap((c) =>
  dateFields(c.fields).map(([path, field]) => [`${c.slug}.${path}`, field] as const),
)

/** react-datepicker 7's parseDate with a list of formats: the last format that gives a valid date wins. */
const typed = (text: string, formats: string[]): Date | null => {
  let parsed: Date | null = null
  for (const f of formats) {
    const d = parse(text, f, new Date(2026, 0, 1), { locale: itLocale })
    if (isValid(d) && d.getFullYear() >= 1800) parsed = d
  }
  return parsed
}

const formatsOf = (field: DateField) => (field.admin?.date?.overrides?.dateFormat ?? []) as string[]

describe('Italian dates in every admin date field', () => {
  it('covers the event, recurrence, changed dates, newsletter and period fields', () => {
    const paths = all.map(([p]) => p)
    for (const expected of [
      'events.start',
      'events.end',
      'events.recurrence.until',
      'events.recurrence.excludedDates.date',
      'events.recurrence.extraDates.start',
      'events.changedDates.originalStart',
      'events.changedDates.start',
      'newsletters.scheduledAt',
      'campaigns.startDate',
      'festivals.endDate',
      'series.startDate',
    ])
      expect(paths).toContain(expected)
  })

  it.each(all)('%s shows day/month/year and a 24-hour time, and reads 09/01/2027 as 9 January', (_, field) => {
    const formats = formatsOf(field)
    const shown = field.admin?.date?.displayFormat as string
    expect(formats[0]).toBe(shown)
    expect(shown).toMatch(/^dd\/MM\/yyyy( HH:mm)?$|^HH:mm$/)
    if (!shown.startsWith('dd')) return
    const d = typed('09/01/2027', formats)
    expect(d && format(d, 'yyyy-MM-dd')).toBe('2027-01-09')
    if (field.admin?.date?.pickerAppearance === 'dayAndTime') {
      expect(field.admin.date.timeFormat).toBe('HH:mm')
      const t = typed('09/01/2027 18:30', formats)
      expect(t && format(t, 'yyyy-MM-dd HH:mm')).toBe('2027-01-09 18:30')
      expect(format(new Date(2027, 0, 9, 18, 30), shown)).toBe('09/01/2027 18:30')
    }
  })

  it('a half-typed year is not a date (no year 202 while typing, no American reading)', () => {
    const [, start] = all.find(([p]) => p === 'events.start') as (typeof all)[number]
    expect(typed('09/01/202', formatsOf(start))).toBeNull()
    expect(typed('13/25/2027', formatsOf(start))).toBeNull()
    expect(format(typed('9/1/27 9:05', formatsOf(start)) as Date, 'yyyy-MM-dd HH:mm')).toBe('2027-01-09 09:05')
  })
})
