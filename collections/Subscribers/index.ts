import type { CollectionBeforeDeleteHook, CollectionConfig } from 'payload'
import { networkAdminOnly, nobody, noRequest } from '../access/roles'
import { COMUNE_OPTIONS } from '../fields/comune'
import { SLUGS } from '../slugs'
import { normalizeSubscriber } from './hooks/normalizeSubscriber'

export const SUBSCRIBER_STATUS_LABELS = {
  unconfirmed: 'Da confermare',
  confirmed: 'Iscritto',
  unsubscribed: 'Disiscritto',
  bounced: 'Indirizzo non valido',
} as const
export type SubscriberStatus = keyof typeof SUBSCRIBER_STATUS_LABELS
export const SUBSCRIBER_STATUSES = Object.keys(SUBSCRIBER_STATUS_LABELS) as SubscriberStatus[]

const date = { date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'd MMM yyyy, HH:mm' } }

/** An address's follows go with it (same transaction): purged unconfirmed requests, erasure. */
const removeFollows: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.db.deleteMany({ collection: SLUGS.follows, where: { subscriber: { equals: id } }, req })
}

/** Newsletter subscribers (double opt-in). Modelled on listmonk: one status per address. */
export const Subscribers: CollectionConfig = {
  slug: SLUGS.subscribers,
  labels: { singular: 'Iscritto', plural: 'Iscritti alla newsletter' },
  admin: {
    useAsTitle: 'email',
    defaultColumns: ['email', 'status', 'language', 'createdAt'],
    listSearchableFields: ['email'],
    group: 'Newsletter',
    description: 'Dati personali: visibili solo agli amministratori di rete. Iscrizione con doppia conferma.',
    components: { beforeList: ['../collections/Subscribers/components/SubscriberCounts#SubscriberCounts'] },
  },
  // Subscriber lists are personal data of the whole network: only network admins read or change them. System
  // editors see counts of their own audience through /api/subscribers/counts. Subscribers are created only by the
  // double opt-in flow (server code), never through the API.
  access: { read: networkAdminOnly, create: nobody, update: networkAdminOnly, delete: networkAdminOnly },
  hooks: { beforeChange: [normalizeSubscriber], beforeDelete: [removeFollows] },
  fields: [
    { name: 'email', type: 'email', label: 'Email', required: true, unique: true, index: true },
    { name: 'firstName', type: 'text', label: 'Nome', maxLength: 60 },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          label: 'Stato',
          required: true,
          index: true,
          defaultValue: 'unconfirmed',
          options: SUBSCRIBER_STATUSES.map((value) => ({ value, label: SUBSCRIBER_STATUS_LABELS[value] })),
        },
        {
          name: 'language',
          type: 'select',
          label: 'Lingua',
          required: true,
          defaultValue: 'it',
          options: [
            { value: 'it', label: 'Italiano' },
            { value: 'en', label: 'Inglese' },
          ],
        },
      ],
    },
    {
      name: 'preferences',
      type: 'group',
      label: 'Preferenze',
      fields: [
        { name: 'systems', type: 'relationship', relationTo: SLUGS.systems, hasMany: true, label: 'Sistemi' },
        { name: 'comuni', type: 'select', hasMany: true, options: COMUNE_OPTIONS, label: 'Comuni' },
        { name: 'audiences', type: 'relationship', relationTo: SLUGS.audiences, hasMany: true, label: 'Pubblico' },
        {
          name: 'ages',
          type: 'number',
          hasMany: true,
          min: 0,
          max: 120,
          maxRows: 10,
          label: 'Età dei bambini o ragazzi',
        },
        {
          name: 'categories',
          type: 'relationship',
          relationTo: SLUGS.categories,
          hasMany: true,
          label: 'Categorie',
        },
        { name: 'campaigns', type: 'relationship', relationTo: SLUGS.campaigns, hasMany: true, label: 'Campagne' },
        { name: 'weeklyDigest', type: 'checkbox', label: 'Riceve la newsletter settimanale', defaultValue: true },
        // Off for an address that only follows pages: it gets their notices, never a newsletter.
        { name: 'newsletter', type: 'checkbox', label: 'Riceve la newsletter', defaultValue: true, index: true },
      ],
    },
    {
      name: 'consent',
      type: 'group',
      label: 'Prova del consenso',
      admin: { description: 'Registrata alla richiesta e alla conferma (doppio opt-in).', readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'requestedAt', type: 'date', label: 'Richiesta il', admin: date },
            { name: 'confirmedAt', type: 'date', label: 'Confermata il', admin: date },
          ],
        },
        { name: 'formUrl', type: 'text', label: 'Modulo' },
        { name: 'noticeVersion', type: 'text', label: 'Versione dell’informativa' },
        { name: 'ip', type: 'text', label: 'IP (troncato)' },
        { name: 'preferences', type: 'json', label: 'Preferenze al momento del consenso' },
      ],
    },
    {
      name: 'bounces',
      type: 'group',
      label: 'Mancati recapiti',
      admin: { readOnly: true },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'soft', type: 'number', label: 'Temporanei', defaultValue: 0 },
            { name: 'lastAt', type: 'date', label: 'Ultimo', admin: date },
            { name: 'complaint', type: 'checkbox', label: 'Segnalato come spam' },
          ],
        },
        { name: 'reason', type: 'text', label: 'Motivo' },
      ],
    },
    { name: 'unsubscribedAt', type: 'date', label: 'Disiscritto il', admin: { readOnly: true, ...date } },
    {
      name: 'gdpr',
      type: 'ui',
      label: 'Diritti dell’interessato',
      admin: { components: { Field: '../collections/Subscribers/components/GdprActions#GdprActions' } },
    },
    // Server-only bookkeeping: token nonces never leave the server, not even to admins.
    { name: 'preferencesKey', type: 'text', index: true, admin: { hidden: true }, access: { read: noRequest } },
    { name: 'tokenNonce', type: 'text', admin: { hidden: true }, access: { read: noRequest } },
    { name: 'confirmNonce', type: 'text', admin: { hidden: true }, access: { read: noRequest } },
    { name: 'lastNoticeAt', type: 'date', admin: { hidden: true }, access: { read: noRequest } },
  ],
}
