'use client'
import { FieldError, FieldLabel, useField, useFormFields, useTranslation } from '@payloadcms/ui'
import type { DateFieldClientComponent } from 'payload'
import { useEffect, useMemo, useState } from 'react'
import { adminStrings } from '../../../shared/strings'
import { TIME_ZONE } from '../../enums'
import type { expandSchedule, RecurrenceInput } from '../../lib/recurrence'

type Values = Record<string, unknown>

/** The form values the schedule is made of, as one string: the list is recomputed only when one of them changes. */
const scheduleKey = (fields: Record<string, { value?: unknown }>): string => {
  const picked: Values = {}
  for (const [path, state] of Object.entries(fields))
    if (path === 'start' || path === 'end' || path === 'allDay' || path.startsWith('recurrence.'))
      picked[path] = state?.value
  return JSON.stringify(picked)
}

const rows = <T,>(values: Values, array: string, field: string): T[] => {
  const found: T[] = []
  for (let i = 0; `${array}.${i}.${field}` in values || `${array}.${i}.id` in values; i++)
    found.push({ [field]: values[`${array}.${i}.${field}`] ?? null } as T)
  return found
}

const recurrenceOf = (values: Values): RecurrenceInput => ({
  frequency: (values['recurrence.frequency'] as RecurrenceInput['frequency']) ?? 'none',
  interval: (values['recurrence.interval'] as number | null) ?? 1,
  byWeekday: (values['recurrence.byWeekday'] as RecurrenceInput['byWeekday']) ?? null,
  until: (values['recurrence.until'] as string | null) ?? null,
  count: (values['recurrence.count'] as number | null) ?? null,
  excludedDates: rows(values, 'recurrence.excludedDates', 'date'),
  extraDates: rows(values, 'recurrence.extraDates', 'start'),
})

/**
 * "Data originale" of a changed date: chosen from the dates the event's schedule generates (as the form
 * currently describes it), instead of retyping the exact day and time. The stored value stays the ISO
 * instant of that date, which is what the schedule matches changes by.
 */
export const OriginalStartField: DateFieldClientComponent = ({ field, path: pathFromProps, readOnly }) => {
  const { i18n } = useTranslation()
  const t = adminStrings(i18n.language)
  const { path, value, setValue, showError, disabled } = useField<string | null>({
    potentiallyStalePath: pathFromProps,
  })
  const zone = useField<string | null>({ path: `${path}_tz` })
  const key = useFormFields(([fields]) => scheduleKey(fields))
  // The recurrence engine (rrule) is loaded only where a changed date is edited, not with every admin page.
  const [expand, setExpand] = useState<typeof expandSchedule | null>(null)
  useEffect(() => {
    let live = true
    void import('../../lib/recurrence').then((m) => live && setExpand(() => m.expandSchedule))
    return () => {
      live = false
    }
  }, [])

  const { options, allDay } = useMemo(() => {
    const values = JSON.parse(key) as Values
    const start = values.start as string | undefined
    if (!expand || !start || Number.isNaN(Date.parse(start))) return { options: null, allDay: false }
    const allDay = !!values.allDay
    const { occurrences } = expand({
      start,
      end: (values.end as string | null) ?? null,
      allDay,
      recurrence: recurrenceOf(values),
    })
    return { options: occurrences.map((o) => o.originalStart), allDay }
  }, [key, expand])

  const format = useMemo(
    () =>
      new Intl.DateTimeFormat(t.intlLocale, {
        timeZone: TIME_ZONE,
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        ...(allDay ? {} : { hour: '2-digit', minute: '2-digit' }),
      }),
    [t.intlLocale, allDay],
  )

  const now = Date.now()
  const chosen = value && !Number.isNaN(Date.parse(value)) ? Date.parse(value) : null
  const known = chosen != null && options?.some((d) => d.getTime() === chosen)
  const upcoming = (options ?? []).filter((d) => d.getTime() >= now)
  const past = (options ?? []).filter((d) => d.getTime() < now).reverse()
  const id = `field-${path.replace(/\./g, '__')}`
  const hintId = `${id}-hint`
  const option = (d: Date) => (
    <option key={d.getTime()} value={d.toISOString()}>
      {format.format(d)}
    </option>
  )

  return (
    <div className={['field-type', 'select', 'original-start-field', showError && 'error'].filter(Boolean).join(' ')}>
      <FieldLabel htmlFor={id} label={field.label} required={field.required} path={path} />
      <div className="field-type__wrap">
        <FieldError path={path} showError={showError} />
        <select
          id={id}
          value={chosen != null ? new Date(chosen).toISOString() : ''}
          disabled={readOnly || disabled || !options}
          aria-describedby={hintId}
          aria-invalid={showError || undefined}
          onChange={(e) => {
            setValue(e.target.value || null)
            if (!zone.value) zone.setValue(TIME_ZONE)
          }}
          style={{
            width: '100%',
            minHeight: '2.5rem',
            padding: '0.5rem',
            border: '1px solid var(--theme-elevation-400)',
            borderRadius: 'var(--style-radius-s)',
            background: 'var(--theme-input-bg)',
            color: 'var(--theme-elevation-1000)',
            font: 'inherit',
          }}
        >
          <option value="">{t.originalStartChoose}</option>
          {chosen != null && !known && (
            <option value={new Date(chosen).toISOString()}>
              {t.originalStartGone(format.format(new Date(chosen)))}
            </option>
          )}
          {upcoming.length > 0 && <optgroup label={t.originalStartUpcoming}>{upcoming.map(option)}</optgroup>}
          {past.length > 0 && <optgroup label={t.originalStartPast}>{past.map(option)}</optgroup>}
        </select>
      </div>
      {/* Payload's description grey is below 4.5:1 on white: this hint uses a darker one. */}
      <div className="field-description" id={hintId} style={{ color: 'var(--theme-elevation-800)' }}>
        {options ? t.originalStartHint : expand ? t.originalStartNoStart : t.originalStartLoading}
      </div>
    </div>
  )
}
