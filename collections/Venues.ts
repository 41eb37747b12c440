import type { CollectionConfig } from 'payload'
import { systemCreate, systemWrite } from './access/by-system'
import { anyone } from './access/roles'
import { VENUE_KIND_OPTIONS } from './enums'
import { comuneField } from './fields/comune'
import { geoFields } from './fields/geo'
import { slugField } from './fields/slug'
import { systemField } from './fields/system'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Venues: CollectionConfig = {
  slug: SLUGS.venues,
  labels: { singular: 'Luogo', plural: 'Luoghi' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'comune', 'system'], group: 'Rete' },
  access: { read: anyone, create: systemCreate, update: systemWrite, delete: systemWrite },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true },
    slugField('name'),
    { name: 'kind', type: 'select', label: 'Tipo', options: VENUE_KIND_OPTIONS, defaultValue: 'altro', required: true },
    systemField(),
    comuneField(),
    { name: 'address', type: 'text', label: 'Indirizzo', required: true },
    ...geoFields,
    { name: 'accessibilityNotes', type: 'textarea', label: 'Note di accessibilità' },
  ],
}
