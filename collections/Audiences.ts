import type { CollectionConfig } from 'payload'
import { anyone, networkStaff } from './access/roles'
import { slugField } from './fields/slug'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Audiences: CollectionConfig = {
  slug: SLUGS.audiences,
  labels: { singular: 'Pubblico', plural: 'Pubblici' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'minAge', 'maxAge'], group: 'Classificazioni' },
  access: { read: anyone, create: networkStaff, update: networkStaff, delete: networkStaff },
  defaultSort: 'order',
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true },
    slugField('name'),
    {
      type: 'row',
      fields: [
        { name: 'minAge', type: 'number', label: 'Età minima', min: 0, max: 120 },
        { name: 'maxAge', type: 'number', label: 'Età massima', min: 0, max: 120 },
        { name: 'order', type: 'number', label: 'Ordine', defaultValue: 0 },
      ],
    },
  ],
}
