import type { CollectionConfig } from 'payload'
import { PUBLIC_SECTIONS, type PublicCollection } from '../shared/site-paths'
import { networkAdminOnly, nobody, noRequest } from './access/roles'
import { SLUGS } from './slugs'

/** What can be followed: every document with a public page (an event, a rassegna, a festival, …). */
export const FOLLOW_KINDS = Object.keys(PUBLIC_SECTIONS) as PublicCollection[]
export type FollowKind = PublicCollection

export const FOLLOW_KIND_LABELS: Record<FollowKind, string> = {
  events: 'Evento',
  series: 'Rassegna',
  festivals: 'Festival',
  campaigns: 'Campagna',
  libraries: 'Biblioteca',
  systems: 'Sistema bibliotecario',
  partners: 'Organizzazione partner',
}

export const FOLLOW_STATES = ['pending', 'active'] as const
export type FollowState = (typeof FOLLOW_STATES)[number]

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/**
 * A subscriber's follow of one public page: part of the subscriber's preferences (one address, one
 * subscriber), confirmed by its own double opt-in. Written only by the follow wing (cms/follow); personal
 * data, so only network admins read it and nobody writes it through the API.
 */
export const Follows: CollectionConfig = {
  slug: SLUGS.follows,
  labels: { singular: 'Chi segue', plural: 'Chi segue' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'subscriber', 'state', 'createdAt'],
    group: 'Newsletter',
    description:
      'Le pagine che gli iscritti seguono per email. Dati personali: visibili solo agli amministratori di rete.',
  },
  access: { read: networkAdminOnly, create: nobody, update: nobody, delete: networkAdminOnly },
  indexes: [{ fields: ['subscriber', 'kind', 'targetId'], unique: true }],
  fields: [
    { name: 'subscriber', type: 'relationship', relationTo: SLUGS.subscribers, required: true, index: true },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: 'Che cosa',
          required: true,
          options: FOLLOW_KINDS.map((value) => ({ value, label: FOLLOW_KIND_LABELS[value] })),
        },
        { name: 'targetId', type: 'number', label: 'Documento', required: true, index: true },
        {
          name: 'state',
          type: 'select',
          label: 'Stato',
          required: true,
          index: true,
          defaultValue: 'pending',
          options: [
            { value: 'pending', label: 'Da confermare' },
            { value: 'active', label: 'Attivo' },
          ],
        },
      ],
    },
    { name: 'title', type: 'text', label: 'Titolo della pagina seguita', required: true },
    {
      name: 'language',
      type: 'select',
      label: 'Lingua delle mail',
      defaultValue: 'it',
      options: [
        { value: 'it', label: 'Italiano' },
        { value: 'en', label: 'Inglese' },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: 'Prova del consenso',
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'requestedAt', type: 'date', label: 'Richiesta il', admin: date },
            { name: 'confirmedAt', type: 'date', label: 'Confermata il', admin: date },
          ],
        },
        { name: 'formUrl', type: 'text', label: 'Modulo' },
        { name: 'ip', type: 'text', label: 'IP (troncato)' },
      ],
    },
    { name: 'lastDigestAt', type: 'date', admin: { hidden: true } },
    { name: 'confirmNonce', type: 'text', admin: { hidden: true }, access: { read: noRequest } },
    { name: 'tokenNonce', type: 'text', admin: { hidden: true }, access: { read: noRequest } },
  ],
}
