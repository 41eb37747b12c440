import type { CollectionConfig } from 'payload'
import { catalogue } from '../../shared/strings'
import { noRequest } from '../access/roles'
import { AGE_BAND_OPTIONS, ATTENDANCE_FORMAT_OPTIONS, ATTENDANCE_OUTCOME_OPTIONS } from '../enums'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { deleteRegistrations, registrationRows } from '../Registrations'
import { SLUGS } from '../slugs'
import { createAttendance } from './access/createAttendance'
import { checkAttendance, validCount } from './hooks/checkAttendance'

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }
const L = catalogue('it').attendance.fields
const fromEvent = () => true as const

/**
 * Who came to one date of an event: counts only, never people. Written by the staff of the event's system and
 * library after the date (the admin, the view "Date in attesa di presenze", REST) and by the registrations desk
 * (check-ins plus the headcount of people who came without booking). Versioned, so a corrected figure keeps
 * its history. The rules on the figures and the date are in `checkAttendance`.
 */
export const Attendance: CollectionConfig = {
  slug: SLUGS.attendance,
  labels: { singular: 'Presenze di una data', plural: 'Presenze' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'start', 'total', 'outcome', 'library'],
    group: 'Programmazione',
    description: 'Quante persone sono venute a ciascuna data: solo numeri, nessun nome.',
  },
  defaultSort: '-start',
  versions: { maxPerDoc: 20 },
  indexes: [
    { fields: ['event', 'start'], unique: true },
    // Covers the statistics' scans of a period (cms/statistics): they read the index alone, not the rows.
    { fields: ['start', 'event', 'system', 'library', 'format', 'outcome', 'total'] },
  ],
  access: { read: registrationRows, create: createAttendance, update: registrationRows, delete: deleteRegistrations },
  hooks: { beforeValidate: [checkAttendance], afterError: [keepFieldErrors] },
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
          admin: { ...date, description: 'L’inizio della data dell’evento, già passata.' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'outcome',
          type: 'select',
          label: L.outcome,
          options: ATTENDANCE_OUTCOME_OPTIONS,
          defaultValue: 'held',
          index: true,
        },
        {
          name: 'format',
          type: 'select',
          label: L.format,
          options: ATTENDANCE_FORMAT_OPTIONS,
          defaultValue: 'presence',
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'total', type: 'number', label: L.total, min: 0, max: 100000, validate: validCount(L.total) },
        {
          name: 'checkedIn',
          type: 'number',
          label: L.checkedIn,
          min: 0,
          access: { update: noRequest },
          admin: { readOnly: true, description: 'Calcolato dagli arrivi registrati allo sportello iscrizioni.' },
        },
        { name: 'walkIns', type: 'number', label: L.walkIns, min: 0, max: 100000, validate: validCount(L.walkIns) },
      ],
    },
    {
      name: 'ages',
      type: 'array',
      label: L.ages,
      admin: { description: 'Facoltativo; se compilato, la somma deve essere uguale al totale.' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'band', type: 'relationship', relationTo: SLUGS.attendanceBands, label: L.band, required: true },
            { name: 'count', type: 'number', label: L.count, required: true, min: 0, validate: validCount(L.count) },
          ],
        },
      ],
    },
    {
      // The registrations' own, finer children bands (0–2, 3–5…), as the desk's headcount records them.
      name: 'bands',
      type: 'array',
      label: L.children,
      admin: { readOnly: true, description: 'Compilato dallo sportello iscrizioni (fasce delle iscrizioni).' },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'band', type: 'select', label: L.band, required: true, options: AGE_BAND_OPTIONS },
            { name: 'count', type: 'number', label: L.count, required: true, min: 0, validate: validCount(L.count) },
          ],
        },
      ],
    },
    { name: 'notes', type: 'textarea', label: L.notes, maxLength: 1000 },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      required: true,
      index: true,
      access: { update: noRequest },
      // Set from the event by `checkAttendance` before the row is validated: the form has nothing to require.
      validate: fromEvent,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      index: true,
      access: { update: noRequest },
      // Set from the event by `checkAttendance` before the row is validated: the form has nothing to require.
      validate: fromEvent,
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
