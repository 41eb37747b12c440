import type { CollectionConfig } from 'payload'
import { anyone, networkStaff } from './access/roles'
import { periodField } from './fields/period'
import { slugField } from './fields/slug'
import { supportField } from './fields/support'
import { keepFieldErrors } from './hooks/keepFieldErrors'
import { SLUGS } from './slugs'

/** Reading-promotion campaigns of the network; systems join them by linking their events. */
export const Campaigns: CollectionConfig = {
  slug: SLUGS.campaigns,
  labels: { singular: 'Campagna', plural: 'Campagne' },
  admin: { useAsTitle: 'title', defaultColumns: ['title', 'startDate', 'endDate'], group: 'Programmazione' },
  access: { read: anyone, create: networkStaff, update: networkStaff, delete: networkStaff },
  hooks: { afterError: [keepFieldErrors] },
  fields: [
    { name: 'title', type: 'text', label: 'Titolo', required: true },
    slugField(),
    { name: 'summary', type: 'textarea', label: 'In breve' },
    { name: 'description', type: 'richText', label: 'Descrizione' },
    { name: 'image', type: 'upload', relationTo: SLUGS.media, label: 'Immagine' },
    periodField,
    // The span of the linked events' dates, and a warning when some fall outside the period (not a refusal).
    {
      name: 'eventDates',
      type: 'ui',
      admin: { components: { Field: '../collections/Campaigns/components/CampaignEvents#CampaignEvents' } },
    },
    {
      name: 'audiences',
      type: 'relationship',
      relationTo: SLUGS.audiences,
      hasMany: true,
      label: 'Pubblico di riferimento',
    },
    { name: 'website', type: 'text', label: 'Sito della campagna' },
    supportField({ sidebar: true }),
    // "Esporta per il Maggio dei Libri": the campaign's activities as the registration asks for them (issue 15).
    {
      name: 'maggioExport',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '../collections/Campaigns/components/MaggioExport#MaggioExport' },
      },
    },
  ],
}
