import type { CollectionConfig } from 'payload'
import { nobody } from './access/roles'
import { SLUGS } from './slugs'

export const NOTICE_DELIVERY_STATES = ['queued', 'sending', 'sent', 'failed'] as const
export type NoticeDeliveryState = (typeof NOTICE_DELIVERY_STATES)[number]

/**
 * Who a change notice was mailed to: one row per notice × booking, unique, written with the notice (queued)
 * and claimed (sending) before its mail is handed to SMTP, marked sent or failed after. A job that runs again
 * sends only what is not sent yet (cms/registrations/README.md). Ids only, no personal data. Server-only.
 */
export const NoticeDeliveries: CollectionConfig = {
  slug: SLUGS.noticeDeliveries,
  labels: { singular: 'Invio di un avviso', plural: 'Invii degli avvisi' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  indexes: [{ fields: ['notice', 'registration'], unique: true }],
  fields: [
    // Not required: deleting a notice or a booking must not be refused by this log (see Notices' hook).
    { name: 'notice', type: 'relationship', relationTo: SLUGS.notices, index: true },
    { name: 'registration', type: 'relationship', relationTo: SLUGS.registrations, index: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      defaultValue: 'queued',
      index: true,
      options: NOTICE_DELIVERY_STATES.map((value) => ({ value, label: value })),
    },
    { name: 'attempts', type: 'number', defaultValue: 0 },
    { name: 'error', type: 'text' },
    { name: 'sentAt', type: 'date' },
  ],
}
