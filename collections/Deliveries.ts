import type { CollectionConfig } from 'payload'
import { networkAdminOnly, nobody } from './access/roles'
import { SLUGS } from './slugs'

export const DELIVERY_STATE_LABELS = {
  queued: 'In coda',
  sending: 'In invio',
  sent: 'Inviata',
  failed: 'Non riuscita',
  bounced: 'Respinta',
  skipped: 'Saltata (non più iscritto)',
} as const
export type DeliveryState = keyof typeof DELIVERY_STATE_LABELS

/**
 * The delivery log: one row per newsletter × subscriber, keyed `<newsletter>:<subscriber>` under a
 * unique index, so a campaign can never queue the same person twice. A sender claims a row
 * (queued → sending) before handing the message to SMTP and marks it sent right after; see
 * cms/newsletter/README.md for what a crash between those two steps means.
 */
export const Deliveries: CollectionConfig = {
  slug: SLUGS.deliveries,
  labels: { singular: 'Invio', plural: 'Registro degli invii' },
  admin: {
    group: 'Newsletter',
    useAsTitle: 'key',
    defaultColumns: ['newsletter', 'subscriber', 'state', 'attempts', 'sentAt'],
    description: 'Una riga per destinatario di ogni newsletter. Si scrive solo dal sistema di invio.',
  },
  access: { read: networkAdminOnly, create: nobody, update: nobody, delete: networkAdminOnly },
  // Senders take queued rows variant by variant (one rendered body at a time): this index serves that order.
  indexes: [{ fields: ['newsletter', 'state', 'variant'] }],
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true, label: 'Chiave di idempotenza' },
    {
      name: 'newsletter',
      type: 'relationship',
      relationTo: SLUGS.newsletters,
      required: true,
      index: true,
      label: 'Newsletter',
    },
    { name: 'subscriber', type: 'relationship', relationTo: SLUGS.subscribers, index: true, label: 'Iscritto' },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      label: 'Stato',
      options: Object.entries(DELIVERY_STATE_LABELS).map(([value, label]) => ({ value, label })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: 'Tentativi' },
    { name: 'variant', type: 'text', label: 'Variante (preferenze)', admin: { hidden: true } },
    { name: 'messageId', type: 'text', label: 'Message-ID' },
    { name: 'error', type: 'text', label: 'Errore' },
    { name: 'claimedBy', type: 'text', admin: { hidden: true } },
    { name: 'retryAt', type: 'date', index: true, label: 'Nuovo tentativo dopo' },
    { name: 'sentAt', type: 'date', label: 'Inviata il' },
  ],
}
