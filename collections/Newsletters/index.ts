import type { CollectionConfig } from 'payload'
import { noRequest } from '../access/roles'
import { publicOnly } from '../access/staff-only'
import { COMUNE_OPTIONS } from '../fields/comune'
import { systemField } from '../fields/system'
import { SLUGS } from '../slugs'
import { createNewsletters, deleteNewsletters, networkAdminField, readNewsletters, updateNewsletters } from './access'
import { guardStatus, NEWSLETTER_STATUS_LABELS } from './hooks/guardStatus'
import { queueScheduled } from './hooks/queueScheduled'

const date = {
  date: { pickerAppearance: 'dayAndTime' as const, timeIntervals: 15 },
}
const serverOnly = { create: noRequest, update: noRequest }
const readOnlyCounter = (name: string, label: string) =>
  ({ name, type: 'number', label, defaultValue: 0, admin: { readOnly: true } }) as const

/**
 * Newsletters: the editorial ones a system writes (subject, intro, picked events and rassegne, sent to
 * the system's subscribers or to everyone for network admins) and, with kind `digest`, the record of
 * each weekly digest run. Both are sent in batches by the job queue with a per-recipient delivery log.
 */
export const Newsletters: CollectionConfig = {
  slug: SLUGS.newsletters,
  labels: { singular: 'Newsletter', plural: 'Newsletter' },
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'system', 'status', 'scheduledAt', 'kind'],
    group: 'Newsletter',
    description: 'Scrivi, prova, programma: l’invio avviene a lotti e si può annullare finché non è concluso.',
    components: { beforeList: ['../collections/Newsletters/components/AudienceSummary#AudienceSummary'] },
  },
  defaultSort: '-createdAt',
  access: { read: readNewsletters, create: createNewsletters, update: updateNewsletters, delete: deleteNewsletters },
  hooks: { beforeChange: [guardStatus], afterChange: [queueScheduled] },
  fields: [
    { name: 'subject', type: 'text', label: 'Oggetto', required: true, maxLength: 150 },
    {
      name: 'intro',
      type: 'richText',
      label: 'Testo introduttivo',
      admin: { description: 'Titoli, paragrafi, elenchi e link. Le immagini non sono incluse nella mail.' },
    },
    {
      name: 'events',
      type: 'relationship',
      relationTo: SLUGS.events,
      hasMany: true,
      label: 'Eventi',
      // A newsletter goes to the public: staff-only events cannot be chosen.
      filterOptions: publicOnly({ _status: { equals: 'published' } }),
      // Lists the choice with date, place and system, and adds all the events of a campaign, rassegna or festival.
      admin: { components: { Field: '../collections/Newsletters/components/EventPicker#EventPicker' } },
    },
    { name: 'series', type: 'relationship', relationTo: SLUGS.series, hasMany: true, label: 'Rassegne' },
    {
      name: 'narrowing',
      type: 'group',
      label: 'Restringi i destinatari (facoltativo)',
      admin: { description: 'Vuoto = tutti gli iscritti del sistema. Chi non ha indicato preferenze riceve comunque.' },
      fields: [
        { name: 'comuni', type: 'select', hasMany: true, options: COMUNE_OPTIONS, label: 'Comuni' },
        { name: 'audiences', type: 'relationship', relationTo: SLUGS.audiences, hasMany: true, label: 'Pubblico' },
        { name: 'categories', type: 'relationship', relationTo: SLUGS.categories, hasMany: true, label: 'Categorie' },
        { name: 'campaigns', type: 'relationship', relationTo: SLUGS.campaigns, hasMany: true, label: 'Campagne' },
      ],
    },
    {
      name: 'tools',
      type: 'ui',
      label: 'Anteprima e prova',
      admin: { components: { Field: '../collections/Newsletters/components/NewsletterTools#NewsletterTools' } },
    },
    systemField({ required: false, description: 'Vuoto: tutta la rete (solo amministratori di rete).' }),
    {
      name: 'status',
      type: 'select',
      label: 'Stato',
      required: true,
      defaultValue: 'draft',
      index: true,
      options: Object.entries(NEWSLETTER_STATUS_LABELS).map(([value, label]) => ({ value, label })),
      admin: { position: 'sidebar', description: 'Programmata: parte all’ora indicata. Annullata: si ferma.' },
    },
    {
      name: 'scheduledAt',
      type: 'date',
      label: 'Invio programmato',
      index: true,
      admin: { position: 'sidebar', ...date },
    },
    {
      name: 'kind',
      type: 'select',
      label: 'Tipo',
      defaultValue: 'editorial',
      options: [
        { value: 'editorial', label: 'Redazionale' },
        { value: 'digest', label: 'Settimanale automatica' },
      ],
      access: { create: networkAdminField, update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'progress',
      type: 'group',
      label: 'Avanzamento',
      access: serverOnly,
      admin: {
        position: 'sidebar',
        components: { Field: '../collections/Newsletters/components/Progress#Progress' },
      },
      fields: [
        readOnlyCounter('total', 'Destinatari'),
        readOnlyCounter('sent', 'Inviate'),
        readOnlyCounter('failed', 'Non riuscite'),
        { name: 'startedAt', type: 'date', label: 'Invio iniziato il', admin: { readOnly: true, ...date } },
        { name: 'finishedAt', type: 'date', label: 'Invio concluso il', admin: { readOnly: true, ...date } },
      ],
    },
    // Server-only bookkeeping of the sender.
    { name: 'digestKey', type: 'text', unique: true, admin: { hidden: true }, access: serverOnly },
    { name: 'audienceReady', type: 'checkbox', admin: { hidden: true }, access: serverOnly },
    { name: 'lockedBy', type: 'text', admin: { hidden: true }, access: serverOnly },
    { name: 'lockedUntil', type: 'date', admin: { hidden: true }, access: serverOnly },
  ],
}
