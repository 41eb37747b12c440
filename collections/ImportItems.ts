import type { CollectionConfig } from 'payload'
import { networkAdminOnly, nobody } from './access/roles'
import { readImportRows } from './CalendarSources/access'
import { SLUGS } from './slugs'

/**
 * What the import remembers of each item of a source (issue 16): its identity in the calendar (UID and
 * RECURRENCE-ID), the second key that catches changed UIDs and duplicates (title, start, place), the hash of
 * what was last written, and the event it became. Written by the import wing only.
 */
export const ImportItems: CollectionConfig = {
  slug: SLUGS.importItems,
  labels: { singular: 'Evento importato', plural: 'Eventi importati' },
  admin: { useAsTitle: 'title', hidden: true },
  access: { read: readImportRows, create: nobody, update: nobody, delete: networkAdminOnly },
  indexes: [{ fields: ['source', 'key'], unique: true }],
  fields: [
    { name: 'source', type: 'relationship', relationTo: SLUGS.calendarSources, required: true, index: true },
    { name: 'system', type: 'relationship', relationTo: SLUGS.systems, index: true },
    { name: 'library', type: 'relationship', relationTo: SLUGS.libraries, index: true },
    // UID, then RECURRENCE-ID when the item is one date of a series given on its own.
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'secondKey', type: 'text', index: true },
    { name: 'title', type: 'text' },
    { name: 'event', type: 'relationship', relationTo: SLUGS.events, index: true },
    { name: 'hash', type: 'text' },
    // The event's updatedAt right after the import wrote it: a later one means someone edited it here.
    { name: 'eventUpdatedAt', type: 'text' },
    { name: 'state', type: 'select', options: ['active', 'vanished'], defaultValue: 'active', index: true },
  ],
}
