import type { CollectionConfig } from 'payload'
import { anyone, networkStaff } from './access/roles'
import { slugField } from './fields/slug'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

export const Categories: CollectionConfig = {
  slug: SLUGS.categories,
  labels: { singular: 'Categoria', plural: 'Categorie' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'slug'], group: 'Classificazioni' },
  access: { read: anyone, create: networkStaff, update: networkStaff, delete: networkStaff },
  hooks: { afterError: [keepFieldErrors] },
  fields: [{ name: 'name', type: 'text', label: 'Nome', required: true }, slugField('name')],
}
