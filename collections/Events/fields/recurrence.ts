import type { Field, Validate } from 'payload'
import { FREQUENCY_OPTIONS, MAX_OCCURRENCES, WEEKDAY_OPTIONS } from '../../enums'
import { romeDay } from '../../lib/recurrence'

type Sibling = Record<string, unknown>
const repeats = (_: unknown, siblingData: Sibling) => !!siblingData?.frequency && siblingData.frequency !== 'none'

const intervalRange: Validate = (value, { siblingData }) => {
  if (!repeats(null, siblingData as Sibling)) return true
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 52
    ? true
    : 'L’intervallo deve essere un numero intero tra 1 e 52.'
}

const countRange: Validate = (value) =>
  value == null || (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_OCCURRENCES)
    ? true
    : `Il numero di ripetizioni deve essere tra 1 e ${MAX_OCCURRENCES}.`

/** Compared as Rome calendar days: `until` is a day (inclusive), `start` an instant. */
const untilAfterStart: Validate = (value, { data }) => {
  if (!value) return true
  const until = new Date(value as string)
  if (Number.isNaN(until.getTime())) return 'Data non valida.'
  const start = new Date((data as Sibling)?.start as string)
  if (!Number.isNaN(start.getTime()) && romeDay(until) < romeDay(start))
    return 'La data di fine ripetizione è prima dell’inizio dell’evento.'
  return true
}

export const recurrenceField: Field = {
  name: 'recurrence',
  type: 'group',
  label: 'Ripetizione',
  admin: {
    description: `Le date si generano fino a 2 anni avanti e al massimo ${MAX_OCCURRENCES} volte; gli orari restano quelli italiani anche al cambio dell’ora legale.`,
  },
  fields: [
    {
      name: 'frequency',
      type: 'select',
      label: 'Si ripete',
      options: FREQUENCY_OPTIONS,
      defaultValue: 'none',
      required: true,
    },
    {
      type: 'row',
      admin: { condition: repeats },
      fields: [
        {
          name: 'interval',
          type: 'number',
          label: 'Ogni (1 = ogni volta, 2 = una sì e una no…)',
          defaultValue: 1,
          validate: intervalRange,
        },
        {
          name: 'until',
          type: 'date',
          label: 'Fino al',
          validate: untilAfterStart,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
        { name: 'count', type: 'number', label: 'Oppure: numero di volte', validate: countRange },
      ],
    },
    {
      name: 'byWeekday',
      type: 'select',
      hasMany: true,
      label: 'Nei giorni',
      options: WEEKDAY_OPTIONS,
      admin: { condition: (_, s) => s?.frequency === 'weekly' },
    },
    {
      name: 'excludedDates',
      type: 'array',
      label: 'Date escluse',
      labels: { singular: 'Data esclusa', plural: 'Date escluse' },
      admin: { condition: repeats, initCollapsed: true },
      fields: [
        {
          name: 'date',
          type: 'date',
          label: 'Giorno',
          required: true,
          admin: { date: { pickerAppearance: 'dayOnly' } },
        },
      ],
    },
    {
      name: 'extraDates',
      type: 'array',
      label: 'Date aggiuntive',
      labels: { singular: 'Data aggiuntiva', plural: 'Date aggiuntive' },
      admin: { initCollapsed: true },
      fields: [
        {
          name: 'start',
          type: 'date',
          label: 'Inizio',
          required: true,
          timezone: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
  ],
}

/** A single date of a recurring event that moved, or was cancelled, without touching the others. */
export const changedDatesField: Field = {
  name: 'changedDates',
  type: 'array',
  label: 'Date modificate',
  labels: { singular: 'Data modificata', plural: 'Date modificate' },
  // Open: a row just added is where the date to change is picked.
  admin: { description: 'Per spostare o annullare una sola data di un evento che si ripete.' },
  fields: [
    {
      name: 'originalStart',
      type: 'date',
      label: 'Data originale',
      required: true,
      timezone: true,
      admin: {
        date: { pickerAppearance: 'dayAndTime' },
        // Picked from the dates the schedule generates, not retyped.
        components: { Field: '../collections/Events/components/OriginalStartField#OriginalStartField' },
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          label: 'Nuovo inizio',
          timezone: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'end',
          type: 'date',
          label: 'Nuova fine',
          timezone: true,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      label: 'Stato di questa data',
      options: [
        { value: 'scheduled', label: 'In programma' },
        { value: 'cancelled', label: 'Annullato' },
        { value: 'full', label: 'Esaurito' },
      ],
    },
    { name: 'note', type: 'text', label: 'Nota' },
    {
      name: 'places',
      type: 'number',
      label: 'Posti per questa data',
      min: 1,
      max: 10000,
      admin: { description: 'Vuoto: i posti dell’evento.' },
    },
    {
      name: 'noRegistration',
      type: 'checkbox',
      label: 'Senza iscrizione per questa data',
      admin: { description: 'Per un evento con iscrizione: a questa data si partecipa senza iscriversi.' },
    },
  ],
}
