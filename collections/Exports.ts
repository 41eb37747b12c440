import type { CollectionConfig } from 'payload'
import { nobody } from './access/roles'
import { EXPORT_STATUS_OPTIONS } from './enums'
import { deleteRegistrations, registrationRows } from './Registrations'
import { SLUGS } from './slugs'

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/**
 * Files built by a job (a registration list as PDF, and later reports and programmes): the request queues the
 * job and the file is kept on disk under the data folder, never in a public folder. It is downloaded through
 * an endpoint that applies the same access as this collection, and deleted when it expires (a list of names
 * is personal data).
 */
export const Exports: CollectionConfig = {
  slug: SLUGS.exports,
  labels: { singular: 'File generato', plural: 'File generati' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'status', 'createdAt', 'expiresAt'],
    group: 'Amministrazione',
    description: 'Elenchi e documenti preparati su richiesta; si cancellano da soli alla scadenza.',
  },
  defaultSort: '-createdAt',
  access: { read: registrationRows, create: nobody, update: nobody, delete: deleteRegistrations },
  fields: [
    { name: 'title', type: 'text', label: 'File', admin: { readOnly: true } },
    { name: 'kind', type: 'text', label: 'Tipo', required: true, index: true, admin: { readOnly: true } },
    { name: 'status', type: 'select', label: 'Stato', options: EXPORT_STATUS_OPTIONS, defaultValue: 'queued' },
    // What to build: the kind's own parameters (event, date, filter), set by the wing that queued it.
    { name: 'params', type: 'json', admin: { hidden: true } },
    { name: 'filename', type: 'text', label: 'Nome del file', admin: { readOnly: true } },
    { name: 'mimeType', type: 'text', admin: { hidden: true } },
    { name: 'bytes', type: 'number', label: 'Dimensione (byte)', admin: { readOnly: true } },
    { name: 'error', type: 'text', label: 'Errore', admin: { readOnly: true } },
    { name: 'expiresAt', type: 'date', label: 'Scade il', index: true, admin: { readOnly: true, ...date } },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: SLUGS.users,
      label: 'Richiesto da',
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
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
