import type { CollectionConfig } from 'payload'
import { anyone, networkAdminOnly } from '../access/roles'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { SLUGS } from '../slugs'
import { checkBandRange, keepUsedBand } from './hooks'

/**
 * The age bands attendance is counted in (issue 15). Data, not code, so the network can follow a new survey's
 * bands: network admins edit them, and a new database starts with the five of `DEFAULT_ATTENDANCE_BANDS`
 * (0–5, 6–11, 12–17, adults, elders; filled in at start-up by the attendance wing when the list is empty).
 * Each band is an age range that no other band overlaps, so the registrations' children bands and the
 * audiences fall into them by age.
 */
export const AttendanceBands: CollectionConfig = {
  slug: SLUGS.attendanceBands,
  labels: { singular: 'Fascia d’età delle presenze', plural: 'Fasce d’età delle presenze' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'minAge', 'maxAge', 'order'],
    group: 'Classificazioni',
    description: 'Le fasce in cui si contano le presenze dopo ogni data. Gli intervalli non possono sovrapporsi.',
  },
  access: { read: anyone, create: networkAdminOnly, update: networkAdminOnly, delete: networkAdminOnly },
  defaultSort: 'order',
  hooks: { beforeValidate: [checkBandRange], beforeDelete: [keepUsedBand], afterError: [keepFieldErrors] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 60 },
    {
      type: 'row',
      fields: [
        { name: 'minAge', type: 'number', label: 'Da anni', required: true, min: 0, max: 120 },
        {
          name: 'maxAge',
          type: 'number',
          label: 'Fino ad anni (compresi)',
          min: 0,
          max: 120,
          admin: { description: 'Vuoto: senza limite.' },
        },
        { name: 'order', type: 'number', label: 'Ordine', defaultValue: 0 },
      ],
    },
  ],
}
