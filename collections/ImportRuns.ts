import type { CollectionConfig } from 'payload'
import { networkAdminOnly, nobody } from './access/roles'
import { readImportRows } from './CalendarSources/access'
import { IMPORT_OUTCOME_OPTIONS, IMPORT_RUN_STATUS_OPTIONS, IMPORT_TRIGGER_OPTIONS } from './enums'
import { SLUGS } from './slugs'

const counts = IMPORT_OUTCOME_OPTIONS.map(({ value, label }) => ({
  name: value,
  type: 'number' as const,
  label,
  defaultValue: 0,
}))

/**
 * One sync of a calendar source (issue 16): when, why, what it counted and, item by item, what it did and why
 * (unchanged items are counted, not listed). Written by the import wing only; read by the source's owners.
 */
export const ImportRuns: CollectionConfig = {
  slug: SLUGS.importRuns,
  labels: { singular: 'Sincronizzazione', plural: 'Registro delle importazioni' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'source', 'status', 'startedAt', 'summary'],
    group: 'Programmazione',
    description:
      'Che cosa ha fatto ogni sincronizzazione dei calendari importati: eventi nuovi, aggiornati, annullati, rifiutati e perché.',
  },
  defaultSort: '-startedAt',
  access: { read: readImportRows, create: nobody, update: nobody, delete: networkAdminOnly },
  fields: [
    { name: 'title', type: 'text', label: 'Sincronizzazione', admin: { readOnly: true } },
    {
      name: 'source',
      type: 'relationship',
      relationTo: SLUGS.calendarSources,
      label: 'Calendario',
      index: true,
      required: true,
    },
    { name: 'system', type: 'relationship', relationTo: SLUGS.systems, label: 'Sistema', index: true },
    { name: 'library', type: 'relationship', relationTo: SLUGS.libraries, label: 'Biblioteca', index: true },
    { name: 'trigger', type: 'select', label: 'Avviata da', options: IMPORT_TRIGGER_OPTIONS },
    { name: 'status', type: 'select', label: 'Stato', options: IMPORT_RUN_STATUS_OPTIONS, defaultValue: 'running' },
    {
      name: 'startedAt',
      type: 'date',
      label: 'Inizio',
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'finishedAt', type: 'date', label: 'Fine', admin: { date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'summary', type: 'text', label: 'Riepilogo' },
    {
      name: 'message',
      type: 'textarea',
      label: 'Motivo',
      admin: { hidden: true },
    },
    { name: 'notes', type: 'textarea', label: 'Avvisi sul calendario', admin: { hidden: true } },
    {
      name: 'log',
      type: 'ui',
      admin: { components: { Field: '../collections/CalendarSources/components/RunLog#RunLog' } },
    },
    // Shown by the log above: the raw fields stay out of the form.
    { name: 'counts', type: 'group', label: 'Conteggi', fields: counts, admin: { hidden: true } },
    {
      name: 'items',
      type: 'array',
      label: 'Eventi',
      admin: { hidden: true },
      labels: { singular: 'Evento', plural: 'Eventi' },
      fields: [
        { name: 'outcome', type: 'select', label: 'Esito', options: IMPORT_OUTCOME_OPTIONS, required: true },
        { name: 'title', type: 'text', label: 'Titolo' },
        { name: 'start', type: 'date', label: 'Inizio', admin: { date: { pickerAppearance: 'dayAndTime' } } },
        { name: 'uid', type: 'text', label: 'UID' },
        { name: 'event', type: 'relationship', relationTo: SLUGS.events, label: 'Evento nell’agenda' },
        { name: 'reason', type: 'text', label: 'Motivo' },
      ],
    },
  ],
}
