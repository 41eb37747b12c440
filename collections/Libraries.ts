import type { CollectionConfig } from 'payload'
import { systemCreate, systemWrite } from './access/by-system'
import { anyone } from './access/roles'
import { comuneField } from './fields/comune'
import { geoFields } from './fields/geo'
import { slugField } from './fields/slug'
import { systemField } from './fields/system'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Libraries: CollectionConfig = {
  slug: SLUGS.libraries,
  labels: { singular: 'Biblioteca', plural: 'Biblioteche' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'comune', 'system'],
    group: 'Rete',
    listSearchableFields: ['name'],
  },
  access: { read: anyone, create: systemCreate, update: systemWrite, delete: systemWrite },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true },
    slugField('name'),
    systemField(),
    comuneField(),
    { name: 'address', type: 'text', label: 'Indirizzo', required: true },
    ...geoFields,
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: 'Email' },
        { name: 'phone', type: 'text', label: 'Telefono' },
        { name: 'website', type: 'text', label: 'Sito web' },
      ],
    },
    { name: 'accessibilityNotes', type: 'textarea', label: 'Note di accessibilità' },
  ],
}
