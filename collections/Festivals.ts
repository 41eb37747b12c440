import type { CollectionConfig } from 'payload'
import { networkOrSystemCreate, networkOrSystemWrite } from './access/by-system'
import { anyone } from './access/roles'
import { periodField } from './fields/period'
import { slugField } from './fields/slug'
import { supportField } from './fields/support'
import { systemField } from './fields/system'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Festivals: CollectionConfig = {
  slug: SLUGS.festivals,
  labels: { singular: 'Festival', plural: 'Festival' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'system', 'startDate', 'endDate'], group: 'Programmazione' },
  access: { read: anyone, create: networkOrSystemCreate, update: networkOrSystemWrite, delete: networkOrSystemWrite },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'title', type: 'text', label: 'Titolo', required: true },
    slugField(),
    systemField({ required: false, description: 'Vuoto: festival della rete.' }),
    { name: 'summary', type: 'textarea', label: 'In breve' },
    { name: 'description', type: 'richText', label: 'Descrizione' },
    { name: 'image', type: 'upload', relationTo: SLUGS.media, label: 'Immagine' },
    periodField,
    supportField({ sidebar: true }),
  ],
}
