import type { CollectionConfig } from 'payload'
import { nobody, noRequest } from './access/roles'
import { AGE_BAND_OPTIONS, ATTENDANCE_FORMAT_OPTIONS } from './enums'
import { deleteRegistrations, registrationRows } from './Registrations'
import { SLUGS } from './slugs'

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/**
 * Who came to one date of an event: counts only, never people. Written by the registrations wing (check-ins
 * plus the headcount of people who came without booking) and by the staff of the event's system and library.
 * Versioned, so a corrected figure keeps its history.
 */
export const Attendance: CollectionConfig = {
  slug: SLUGS.attendance,
  labels: { singular: 'Presenze di una data', plural: 'Presenze' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'start', 'total', 'walkIns', 'library'],
    group: 'Programmazione',
    description: 'Quante persone sono venute a ciascuna data: solo numeri, nessun nome.',
  },
  defaultSort: '-start',
  versions: { maxPerDoc: 20 },
  indexes: [{ fields: ['event', 'start'], unique: true }],
  access: { read: registrationRows, create: nobody, update: registrationRows, delete: deleteRegistrations },
  fields: [
    { name: 'title', type: 'text', label: 'Evento e data', access: { update: noRequest }, admin: { readOnly: true } },
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: SLUGS.events,
          label: 'Evento',
          required: true,
          index: true,
          access: { update: noRequest },
        },
        {
          name: 'start',
          type: 'date',
          label: 'Data',
          required: true,
          index: true,
          access: { update: noRequest },
          admin: date,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'total', type: 'number', label: 'Persone presenti in tutto', min: 0, max: 100000 },
        {
          name: 'checkedIn',
          type: 'number',
          label: 'Di cui con iscrizione (arrivi registrati)',
          min: 0,
          access: { update: noRequest },
          admin: { readOnly: true },
        },
        { name: 'walkIns', type: 'number', label: 'Di cui senza iscrizione', min: 0, max: 100000 },
      ],
    },
    {
      name: 'bands',
      type: 'array',
      label: 'Per fascia d’età',
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'band', type: 'select', label: 'Fascia', required: true, options: AGE_BAND_OPTIONS },
            { name: 'count', type: 'number', label: 'Persone', required: true, min: 0 },
          ],
        },
      ],
    },
    { name: 'format', type: 'select', label: 'Modalità', options: ATTENDANCE_FORMAT_OPTIONS, defaultValue: 'presence' },
    { name: 'notes', type: 'textarea', label: 'Note', maxLength: 1000 },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      required: true,
      index: true,
      access: { update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      index: true,
      access: { update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
