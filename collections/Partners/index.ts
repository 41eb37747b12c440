import type { CollectionConfig } from 'payload'
import { catalogue } from '../../shared/strings'
import { anyone, refId, type Staff } from '../access/roles'
import { staffRead } from '../access/staff-only'
import { webUrl } from '../Events/fields/validators'
import { PARTNER_KIND_OPTIONS } from '../enums'
import { comuneField } from '../fields/comune'
import { slugField } from '../fields/slug'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { refuseDeleteInUse } from '../hooks/refuseDeleteInUse'
import { SLUGS } from '../slugs'
import { createPartners, writePartners } from './access'

/**
 * Partner organisations (issue 16): an association, theatre, museum, school, parish or comune office that
 * organises events with one or more systems ("Organizzato da" on the event). Unlike a funder, a partner has a
 * public page and feed of the events it organises. Read by anyone; the note is for staff only.
 */
export const Partners: CollectionConfig = {
  slug: SLUGS.partners,
  labels: { singular: 'Organizzazione partner', plural: 'Organizzazioni partner' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'comune', 'systems'],
    group: 'Rete',
    listSearchableFields: ['name'],
  },
  access: { read: anyone, create: createPartners, update: writePartners, delete: writePartners },
  hooks: {
    afterError: [keepFieldErrors],
    beforeDelete: [
      refuseDeleteInUse([{ collection: SLUGS.events, field: 'organiser' }], catalogue('it').partners.inUse),
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 200 },
    slugField('name'),
    {
      name: 'kind',
      type: 'select',
      label: 'Tipo',
      options: PARTNER_KIND_OPTIONS,
      defaultValue: 'altro',
      required: true,
    },
    comuneField(),
    {
      name: 'systems',
      type: 'relationship',
      relationTo: SLUGS.systems,
      hasMany: true,
      required: true,
      minRows: 1,
      index: true,
      label: 'Sistemi con cui collabora',
      defaultValue: ({ user }: { user?: unknown }) => {
        const own = refId((user as Staff | undefined)?.system)
        return own == null ? undefined : [own]
      },
      admin: {
        position: 'sidebar',
        description: 'Gli eventi di questi sistemi possono indicarla come organizzatore.',
      },
    },
    {
      name: 'summary',
      type: 'textarea',
      label: 'Descrizione breve',
      maxLength: 600,
      admin: { description: 'Chi è e che cosa fa: compare sulla sua pagina.' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'website',
          type: 'text',
          label: 'Sito web',
          validate: webUrl,
          admin: { placeholder: 'https://…' },
        },
        { name: 'email', type: 'email', label: 'Email pubblica' },
      ],
    },
    {
      name: 'note',
      type: 'textarea',
      label: 'Nota interna',
      access: { read: staffRead },
      admin: { description: 'Solo per il personale (referenti, accordi): non compare sul sito.' },
    },
  ],
}
