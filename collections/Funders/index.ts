import type { CollectionConfig } from 'payload'
import { catalogue } from '../../shared/strings'
import { networkOrSystemCreate, networkOrSystemWrite } from '../access/by-system'
import { anyone } from '../access/roles'
import { staffRead } from '../access/staff-only'
import { webUrl } from '../Events/fields/validators'
import { FUNDER_KIND_OPTIONS } from '../enums'
import { systemField } from '../fields/system'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { refuseDeleteInUse } from '../hooks/refuseDeleteInUse'
import { SLUGS } from '../slugs'

/**
 * Funders and supporters (issue 15), named in the `support` list of events, rassegne, festival and campaigns.
 * Owned like festivals: a system's editors manage their system's funders (a local sponsor, their comune),
 * network staff manage all of them and those of the whole network (no system: Regione Lombardia, a
 * foundation); every member of staff may pick any funder. Read by anyone: the credits are public; the note is not.
 */
export const Funders: CollectionConfig = {
  slug: SLUGS.funders,
  labels: { singular: 'Finanziatore/sostenitore', plural: 'Finanziatori e sostenitori' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'kind', 'system'], group: 'Rete' },
  access: { read: anyone, create: networkOrSystemCreate, update: networkOrSystemWrite, delete: networkOrSystemWrite },
  hooks: {
    afterError: [keepFieldErrors],
    beforeDelete: [
      refuseDeleteInUse(
        [SLUGS.events, SLUGS.series, SLUGS.festivals, SLUGS.campaigns].map((collection) => ({
          collection,
          field: 'support.funder',
        })),
        catalogue('it').funders.inUse,
      ),
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 200 },
    {
      name: 'kind',
      type: 'select',
      label: 'Tipo',
      options: FUNDER_KIND_OPTIONS,
      defaultValue: 'other',
      required: true,
    },
    systemField({ required: false, description: 'Vuoto: della rete, per esempio Regione Lombardia o una fondazione.' }),
    {
      name: 'website',
      type: 'text',
      label: 'Sito web',
      validate: webUrl,
      admin: { placeholder: 'https://…', description: 'Il nome nei crediti porta a questo indirizzo.' },
    },
    {
      name: 'logo',
      type: 'upload',
      relationTo: SLUGS.media,
      label: 'Logo',
      admin: { description: 'Facoltativo: compare accanto al nome, con il nome come testo alternativo.' },
    },
    {
      name: 'note',
      type: 'textarea',
      label: 'Nota interna',
      access: { read: staffRead },
      admin: { description: 'Solo per il personale (referenti, convenzioni): non compare sul sito.' },
    },
    // "Rendicontazione": every activity the funder supported in a period, with attendance (issue 15).
    {
      name: 'funderReport',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '../collections/Funders/components/FunderReport#FunderReport' },
      },
    },
  ],
}
