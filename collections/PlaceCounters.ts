import type { CollectionConfig } from 'payload'
import { nobody } from './access/roles'
import { SLUGS } from './slugs'

/**
 * Places taken per date, for databases whose transactions do not serialise two bookings of the last place
 * (MongoDB: snapshot isolation lets both count 19 of 20 and insert). One document per event date, changed only
 * by a compare-and-set on `taken` (cms/registrations): the adapter-neutral path. Server-only.
 */
export const PlaceCounters: CollectionConfig = {
  slug: SLUGS.placeCounters,
  labels: { singular: 'Contatore posti', plural: 'Contatori posti' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  timestamps: false,
  indexes: [{ fields: ['event', 'start'], unique: true }],
  fields: [
    { name: 'event', type: 'relationship', relationTo: SLUGS.events, required: true, index: true },
    { name: 'start', type: 'date', required: true },
    { name: 'taken', type: 'number', required: true, defaultValue: 0 },
  ],
}
