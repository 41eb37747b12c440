import type { CollectionConfig } from 'payload'
import { ownSystemRow } from './access/by-system'
import { anyone, networkAdminOnly } from './access/roles'
import { slugField } from './fields/slug'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Systems: CollectionConfig = {
  slug: SLUGS.systems,
  labels: { singular: 'Sistema bibliotecario', plural: 'Sistemi bibliotecari' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug', 'email'], group: 'Rete' },
  access: {
    read: anyone,
    create: networkAdminOnly,
    delete: networkAdminOnly,
    // A system editor may keep the contacts and newsletter sender of their own system up to date.
    update: ownSystemRow,
  },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true },
    { name: 'shortName', type: 'text', label: 'Nome breve', required: true },
    slugField('shortName'),
    { name: 'description', type: 'textarea', label: 'Descrizione' },
    { name: 'logo', type: 'upload', relationTo: SLUGS.media, label: 'Logo' },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: 'Email' },
        { name: 'phone', type: 'text', label: 'Telefono' },
        { name: 'website', type: 'text', label: 'Sito web' },
      ],
    },
    {
      name: 'registrationRetentionDays',
      type: 'number',
      label: 'Giorni di conservazione dei dati delle iscrizioni',
      defaultValue: 30,
      min: 1,
      max: 1825,
      admin: {
        description:
          'Dopo questi giorni dalla data dell’evento nome, email e telefono delle iscrizioni sono cancellati; restano i conteggi.',
      },
    },
    {
      name: 'registrationReminderHours',
      type: 'number',
      label: 'Promemoria alle persone iscritte: ore prima dell’evento',
      defaultValue: 24,
      min: 0,
      max: 168,
      admin: { description: '0: nessun promemoria. Predefinito: il giorno prima (24 ore).' },
    },
    {
      name: 'newsletter',
      type: 'group',
      label: 'Mittente newsletter',
      fields: [
        {
          name: 'fromName',
          type: 'text',
          label: 'Nome del mittente',
          admin: { placeholder: 'Biblioteche Valle Seriana' },
        },
        { name: 'replyTo', type: 'email', label: 'Indirizzo per le risposte (Reply-To)' },
      ],
    },
  ],
}
