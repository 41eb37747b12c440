import type { FieldAccess } from 'payload'
import { networkAdminOnly, nobody } from '../../access/roles'

/**
 * Subscriber lists are personal data of the whole network: only network admins read or change them.
 * System editors see counts of their own audience through /api/subscribers/counts. Subscribers are
 * created only by the double opt-in flow (server code), never through the API.
 */
export const subscriberAccess = {
  read: networkAdminOnly,
  create: nobody,
  update: networkAdminOnly,
  delete: networkAdminOnly,
}

/** Token nonces never leave the server, not even to admins. */
export const secretField: FieldAccess = () => false
