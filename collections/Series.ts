import type { CollectionConfig } from 'payload'
import { systemCreate, systemWrite } from './access/by-system'
import { anyone } from './access/roles'
import { slugField } from './fields/slug'
import { supportField } from './fields/support'
import { systemField } from './fields/system'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

/** Rassegne: a series owned by one system, which may span its libraries. */
export const Series: CollectionConfig = {
  slug: SLUGS.series,
  labels: { singular: 'Rassegna', plural: 'Rassegne' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'system', 'startDate', 'endDate'], group: 'Programmazione' },
  access: { read: anyone, create: systemCreate, update: systemWrite, delete: systemWrite },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'title', type: 'text', label: 'Titolo', required: true },
    slugField(),
    systemField(),
    { name: 'summary', type: 'textarea', label: 'In breve' },
    { name: 'description', type: 'richText', label: 'Descrizione' },
    { name: 'image', type: 'upload', relationTo: SLUGS.media, label: 'Immagine' },
    {
      type: 'row',
      fields: [
        { name: 'startDate', type: 'date', label: 'Dal', admin: { date: { pickerAppearance: 'dayOnly' } } },
        { name: 'endDate', type: 'date', label: 'Al', admin: { date: { pickerAppearance: 'dayOnly' } } },
      ],
    },
    supportField({ sidebar: true }),
  ],
}
