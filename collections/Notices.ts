import type { CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { nobody } from './access/roles'
import { NOTICE_KIND_OPTIONS } from './enums'
import { deleteRegistrations, registrationRows } from './Registrations'
import { SLUGS } from './slugs'

/** A notice's delivery log goes with it (same transaction). */
const removeDeliveries: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: SLUGS.noticeDeliveries, where: { notice: { equals: id } }, req })
}

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/**
 * The change notices sent to the people booked on a date (the date moved, was cancelled, the place changed):
 * what changed, to how many, and how many went out. Written only by the registrations wing, so the librarian
 * sees that the notice left.
 */
export const Notices: CollectionConfig = {
  slug: SLUGS.notices,
  labels: { singular: 'Avviso alle persone iscritte', plural: 'Avvisi alle persone iscritte' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'start', 'recipients', 'sent', 'failed', 'createdAt'],
    group: 'Programmazione',
    description: 'Gli avvisi partiti quando una data con iscrizioni è cambiata o è stata annullata.',
  },
  defaultSort: '-createdAt',
  access: { read: registrationRows, create: nobody, update: nobody, delete: deleteRegistrations },
  hooks: { beforeDelete: [removeDeliveries] },
  fields: [
    // One notice per event save × date: a job that runs again finds it instead of writing a second one.
    { name: 'key', type: 'text', unique: true, index: true, admin: { hidden: true } },
    { name: 'title', type: 'text', label: 'Avviso', admin: { readOnly: true } },
    { name: 'event', type: 'relationship', relationTo: SLUGS.events, label: 'Evento', required: true, index: true },
    { name: 'start', type: 'date', label: 'Data interessata', index: true, admin: { readOnly: true, ...date } },
    { name: 'kind', type: 'select', label: 'Cambiamento', options: NOTICE_KIND_OPTIONS, required: true },
    {
      name: 'changes',
      type: 'array',
      label: 'Cosa è cambiato',
      admin: { readOnly: true },
      fields: [
        { name: 'field', type: 'text', label: 'Voce' },
        { name: 'before', type: 'text', label: 'Prima' },
        { name: 'after', type: 'text', label: 'Dopo' },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'recipients',
          type: 'number',
          label: 'Persone da avvisare',
          defaultValue: 0,
          admin: { readOnly: true },
        },
        {
          name: 'sent',
          type: 'number',
          label: 'Mail consegnate al server',
          defaultValue: 0,
          admin: { readOnly: true },
        },
        { name: 'failed', type: 'number', label: 'Non riuscite', defaultValue: 0, admin: { readOnly: true } },
      ],
    },
    {
      name: 'noEmail',
      type: 'number',
      label: 'Iscrizioni senza email (da avvisare per telefono)',
      defaultValue: 0,
      admin: { readOnly: true },
    },
    // The dates, statuses and place references the mails are written from (a later run writes the same mail).
    { name: 'detail', type: 'json', admin: { hidden: true } },
    { name: 'completedAt', type: 'date', label: 'Completato il', admin: { readOnly: true, ...date } },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      required: true,
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
  ],
}
