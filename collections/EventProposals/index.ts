import type { CollectionConfig } from 'payload'
import { catalogue } from '../../shared/strings'
import { nobody, noRequest } from '../access/roles'
import { PROPOSAL_STATE_OPTIONS } from '../enums'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { SLUGS } from '../slugs'
import { deleteProposals, readProposals, updateProposals } from './access'
import { guardDecision, queueRefusal } from './hooks'

const T = catalogue('it').proposals
/** What the proposer wrote and the wing's stamps: no request changes them (the wing writes with overrideAccess). */
const locked = { update: noRequest }

/**
 * An event proposed through the public form "Proponi un evento" (issue 16), written only by the proposals wing
 * (cms/proposals). The proposer's contact lives here, never on the event: the draft event made on confirmation
 * has the public fields only. Its editors see it in their system's queue and refuse it here, or accept it by
 * publishing the draft.
 */
export const EventProposals: CollectionConfig = {
  slug: SLUGS.eventProposals,
  labels: { singular: 'Proposta di evento', plural: 'Proposte di eventi' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'state', 'system', 'library', 'start', 'createdAt'],
    group: 'Programmazione',
    listSearchableFields: ['title', 'organiserName'],
    description: `Proposte arrivate dal modulo pubblico «Proponi un evento»: i contatti di chi propone sono riservati e cancellati 90 giorni dopo la decisione. ${T.admin.refuseHint}`,
  },
  access: { read: readProposals, create: nobody, update: updateProposals, delete: deleteProposals },
  defaultSort: '-createdAt',
  hooks: { afterError: [keepFieldErrors], beforeChange: [guardDecision], afterChange: [queueRefusal] },
  fields: [
    {
      name: 'state',
      type: 'select',
      label: 'Stato della proposta',
      options: PROPOSAL_STATE_OPTIONS,
      defaultValue: 'pending',
      required: true,
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'refusalReason',
      type: 'textarea',
      label: 'Motivo del rifiuto',
      maxLength: 2000,
      admin: { position: 'sidebar', description: T.admin.reasonRequired },
    },
    {
      name: 'event',
      type: 'relationship',
      relationTo: SLUGS.events,
      label: 'Bozza dell’evento',
      access: locked,
      admin: { position: 'sidebar', description: T.admin.eventHint },
    },
    {
      name: 'system',
      type: 'relationship',
      relationTo: SLUGS.systems,
      label: 'Sistema',
      required: true,
      index: true,
      access: locked,
    },
    {
      name: 'library',
      type: 'relationship',
      relationTo: SLUGS.libraries,
      label: 'Biblioteca',
      required: true,
      access: locked,
    },
    { name: 'title', type: 'text', label: 'Titolo', required: true, maxLength: 200, access: locked },
    { name: 'description', type: 'textarea', label: 'Descrizione', maxLength: 3000, access: locked },
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'date',
          label: 'Inizio',
          required: true,
          access: locked,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
        {
          name: 'end',
          type: 'date',
          label: 'Fine',
          access: locked,
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    { name: 'place', type: 'text', label: 'Luogo indicato', maxLength: 200, access: locked },
    { name: 'category', type: 'relationship', relationTo: SLUGS.categories, label: 'Categoria', access: locked },
    { name: 'audience', type: 'relationship', relationTo: SLUGS.audiences, label: 'Pubblico', access: locked },
    {
      type: 'row',
      fields: [
        { name: 'minAge', type: 'number', label: 'Età minima', access: locked },
        { name: 'maxAge', type: 'number', label: 'Età massima', access: locked },
      ],
    },
    { name: 'organiserName', type: 'text', label: 'Organizzazione che propone', maxLength: 200, access: locked },
    {
      // No group title: the labels say whose the fields are (a group's heading breaks the admin's heading order).
      name: 'proposer',
      type: 'group',
      label: false,
      fields: [
        { name: 'name', type: 'text', label: 'Nome di chi propone (riservato)', maxLength: 100, access: locked },
        { name: 'email', type: 'email', label: 'Email di chi propone (riservata)', access: locked },
        { name: 'phone', type: 'text', label: 'Telefono di chi propone (riservato)', maxLength: 30, access: locked },
      ],
    },
    {
      name: 'language',
      type: 'select',
      label: 'Lingua del modulo',
      options: [
        { value: 'it', label: 'Italiano' },
        { value: 'en', label: 'English' },
      ],
      defaultValue: 'it',
      access: locked,
      admin: { position: 'sidebar' },
    },
    { name: 'confirmedAt', type: 'date', label: 'Confermata il', access: locked, admin: { position: 'sidebar' } },
    {
      name: 'decidedAt',
      type: 'date',
      label: 'Decisa il',
      index: true,
      access: locked,
      admin: { position: 'sidebar' },
    },
    {
      name: 'contactPurgedAt',
      type: 'date',
      label: 'Contatti cancellati il',
      access: locked,
      admin: { position: 'sidebar' },
    },
    // The confirmation link's single-use nonce and whether the decision mail went: the wing's own state.
    { name: 'confirmNonce', type: 'text', access: { read: noRequest, update: noRequest }, admin: { hidden: true } },
    {
      name: 'decisionMailed',
      type: 'checkbox',
      defaultValue: false,
      access: { update: noRequest },
      admin: { hidden: true },
    },
  ],
}
