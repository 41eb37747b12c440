import type { CollectionConfig, FieldAccess } from 'payload'
import { isNetworkAdmin, loggedIn, networkAdminOnly, staffOf } from '../access/roles'
import { ROLE_OPTIONS } from '../enums'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { SLUGS } from '../slugs'
import { forgotPassword } from './endpoints/forgotPassword'
import { inviteWithoutPassword, sendInvitation } from './hooks/invite'
import { validateAssignment } from './hooks/validateAssignment'

const adminOrSelf = ({ req }: { req: Parameters<FieldAccess>[0]['req'] }) => {
  const user = staffOf(req)
  if (!user) return false
  if (isNetworkAdmin(user)) return true
  return { id: { equals: user.id } }
}
const onlyNetworkAdmin: FieldAccess = ({ req }) => isNetworkAdmin(staffOf(req))

export const Users: CollectionConfig = {
  slug: SLUGS.users,
  labels: { singular: 'Utente', plural: 'Utenti' },
  auth: { maxLoginAttempts: 5, lockTime: 10 * 60 * 1000, tokenExpiration: 8 * 60 * 60, useAPIKey: false },
  admin: { useAsTitle: 'email', defaultColumns: ['email', 'name', 'roles', 'system'], group: 'Amministrazione' },
  access: {
    read: adminOrSelf,
    update: adminOrSelf,
    create: networkAdminOnly,
    delete: networkAdminOnly,
    admin: loggedIn,
  },
  endpoints: [forgotPassword],
  hooks: {
    afterError: [keepFieldErrors],
    beforeOperation: [inviteWithoutPassword],
    beforeValidate: [validateAssignment],
    afterChange: [sendInvitation],
  },
  fields: [
    {
      name: 'invite',
      type: 'checkbox',
      label: 'Invia un invito via email',
      virtual: true,
      defaultValue: true,
      access: { create: onlyNetworkAdmin, update: () => false },
      admin: {
        disableListColumn: true,
        disableListFilter: true,
        condition: (_data, _sibling, { operation }) => operation === 'create',
        components: { Field: '../collections/Users/components/InviteField#InviteField' },
      },
    },
    { name: 'name', type: 'text', label: 'Nome e cognome' },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      label: 'Ruoli',
      required: true,
      defaultValue: ['system-editor'],
      options: ROLE_OPTIONS,
      saveToJWT: true,
      access: { create: onlyNetworkAdmin, update: onlyNetworkAdmin },
    },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      saveToJWT: true,
      access: { create: onlyNetworkAdmin, update: onlyNetworkAdmin },
      admin: { description: 'Obbligatorio per redattori di sistema e collaboratori.' },
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      saveToJWT: true,
      access: { create: onlyNetworkAdmin, update: onlyNetworkAdmin },
      admin: { description: 'Obbligatoria per i collaboratori di biblioteca.' },
    },
    {
      name: 'partner',
      type: 'relationship',
      relationTo: SLUGS.partners,
      label: 'Organizzazione partner',
      saveToJWT: true,
      access: { create: onlyNetworkAdmin, update: onlyNetworkAdmin },
      admin: {
        condition: (data) => Array.isArray(data?.roles) && data.roles.includes('partner'),
        description:
          'Obbligatoria per gli account delle organizzazioni partner: propongono bozze dei propri eventi, non pubblicano.',
      },
    },
  ],
}
