import type { Access, CollectionConfig } from 'payload'
import { hasRole, isNetworkAdmin, nobody, noRequest, ownLibrary, ownSystem, staffOf } from '../access/roles'
import { AGE_BAND_OPTIONS, REGISTRATION_SOURCE_OPTIONS, REGISTRATION_STATUS_OPTIONS } from '../enums'
import { SLUGS } from '../slugs'

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/**
 * Bookings are personal data of one system: network admins see all of them, a system's editors those of their
 * system, a library's contributors those of their library, nobody else any (not even network editors).
 */
export const registrationRows: Access = ({ req }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user) return false
  if (hasRole(user, 'system-editor')) return ownSystem(user)
  if (hasRole(user, 'library-contributor')) return ownLibrary(user)
  return false
}

export const deleteRegistrations: Access = ({ req }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  return user && hasRole(user, 'system-editor') ? ownSystem(user) : false
}

/**
 * Registrations to an event's dates (issue 14). Created only by the registrations wing (cms/registrations),
 * which checks places and input inside one write transaction; never through the API. Children are counted
 * by age band, never named.
 */
export const Registrations: CollectionConfig = {
  slug: SLUGS.registrations,
  labels: { singular: 'Iscrizione', plural: 'Iscrizioni agli eventi' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'event', 'start', 'status', 'people', 'createdAt'],
    listSearchableFields: ['name', 'email'],
    group: 'Programmazione',
    description: 'Dati personali: visibili solo al sistema (e alla biblioteca) dell’evento.',
  },
  defaultSort: 'start',
  // The statistics' bookings of a period, read from the index alone (cms/statistics).
  indexes: [{ fields: ['start', 'status', 'people', 'event', 'system', 'library'] }],
  access: { read: registrationRows, create: nobody, update: registrationRows, delete: deleteRegistrations },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'event',
          type: 'relationship',
          relationTo: SLUGS.events,
          label: 'Evento',
          required: true,
          index: true,
          access: { update: noRequest },
        },
        {
          name: 'start',
          type: 'date',
          label: 'Data',
          required: true,
          index: true,
          access: { update: noRequest },
          admin: date,
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          label: 'Stato',
          required: true,
          index: true,
          defaultValue: 'confirmed',
          options: REGISTRATION_STATUS_OPTIONS,
          // Status changes move places: only the wing makes them (the desk's actions, links, offers).
          access: { update: noRequest },
        },
        // Counted places: adults plus children, set by the wing (the capacity check sums it).
        { name: 'people', type: 'number', label: 'Persone', min: 1, access: { update: noRequest } },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'adults', type: 'number', label: 'Adulti', required: true, min: 1, access: { update: noRequest } },
        {
          name: 'source',
          type: 'select',
          label: 'Canale',
          defaultValue: 'web',
          options: REGISTRATION_SOURCE_OPTIONS,
          access: { update: noRequest },
        },
      ],
    },
    {
      name: 'children',
      type: 'array',
      label: 'Bambini (fascia d’età)',
      access: { update: noRequest },
      fields: [{ name: 'band', type: 'select', label: 'Fascia d’età', required: true, options: AGE_BAND_OPTIONS }],
    },
    // Not required: the privacy purge empties them (the wing requires them when booking).
    { name: 'name', type: 'text', label: 'Nome', maxLength: 100 },
    {
      type: 'row',
      fields: [
        { name: 'email', type: 'email', label: 'Email', index: true },
        { name: 'phone', type: 'text', label: 'Telefono', maxLength: 30 },
      ],
    },
    // The answer to the event's optional question ("allergie?"): sensitive, emptied with the rest by the purge.
    {
      name: 'answer',
      type: 'textarea',
      label: 'Risposta alla domanda dell’evento (dato sensibile)',
      maxLength: 500,
      access: { update: noRequest },
    },
    {
      name: 'language',
      type: 'select',
      label: 'Lingua',
      defaultValue: 'it',
      options: [
        { value: 'it', label: 'Italiano' },
        { value: 'en', label: 'Inglese' },
      ],
      access: { update: noRequest },
    },
    // Copied from the event when booked: the row-level access above reads them.
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      index: true,
      access: { update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      index: true,
      access: { update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'purgedAt',
      type: 'date',
      label: 'Dati personali cancellati il',
      index: true,
      access: { update: noRequest },
      admin: { readOnly: true, position: 'sidebar', ...date },
    },
    // A waiting party offered a freed place: it holds the place until it accepts or the offer expires.
    {
      name: 'offeredAt',
      type: 'date',
      label: 'Posto offerto il',
      admin: { readOnly: true, position: 'sidebar', ...date },
    },
    {
      name: 'offerExpiresAt',
      type: 'date',
      label: 'L’offerta scade il',
      index: true,
      admin: { readOnly: true, position: 'sidebar', ...date },
    },
    {
      name: 'checkedInAt',
      type: 'date',
      label: 'Arrivo registrato il',
      admin: { readOnly: true, position: 'sidebar', ...date },
    },
    { name: 'remindedAt', type: 'date', label: 'Promemoria inviato il', index: true, admin: { hidden: true } },
    {
      name: 'cancelledAt',
      type: 'date',
      label: 'Annullata il',
      admin: { readOnly: true, position: 'sidebar', ...date },
    },
    // Server-only: the nonce of the cancel link never leaves the server, not even to admins.
    { name: 'tokenNonce', type: 'text', admin: { hidden: true }, access: { read: noRequest, update: noRequest } },
  ],
}
