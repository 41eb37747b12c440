import type { CollectionAfterDeleteHook, CollectionBeforeChangeHook, CollectionConfig, Validate } from 'payload'
import { noRequest, refId, staffOf } from '../access/roles'
import { validLibrary, validVenue } from '../Events/fields/validators'
import { IMPORT_AUTHORITY_OPTIONS, IMPORT_INTERVAL_OPTIONS, IMPORT_VANISHED_OPTIONS } from '../enums'
import { systemField } from '../fields/system'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { SLUGS } from '../slugs'
import { createSources, readSources, writeSources } from './access'

/** Only http(s): the import's fetch checks the address again (public, after DNS resolution) every time it reads. */
const calendarUrl: Validate = (value) => {
  const text = String(value ?? '').trim()
  if (!text) return 'Indica l’indirizzo del calendario.'
  let url: URL
  try {
    url = new URL(text.replace(/^webcal:/i, 'https:'))
  } catch {
    return 'Indirizzo non valido: copia l’indirizzo iCal completo, che inizia con https://.'
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'Sono ammessi solo indirizzi http:// o https://.'
  if (url.username || url.password) return 'L’indirizzo non può contenere nome utente e password.'
  return true
}

/**
 * The sync acts as the person who created the source, through the same access rules and workflow as their own
 * saves: a contributor's source brings drafts for review. `webcal:` (what calendar apps offer) is read as https.
 */
const stampOwner: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const next = { ...data }
  if (typeof next.url === 'string') next.url = next.url.trim().replace(/^webcal:/i, 'https:')
  if (operation === 'create' && next.runAs == null) next.runAs = staffOf(req)?.id ?? null
  return next
}

/** A source's items and runs go with it; the events it imported stay (they are the agenda's now). */
const dropImportRows: CollectionAfterDeleteHook = async ({ id, req }) => {
  for (const collection of [SLUGS.importItems, SLUGS.importRuns] as const)
    await req.payload.delete({ collection, where: { source: { equals: id } }, overrideAccess: true, req })
}

/**
 * Calendar sources (issue 16): an iCal address of a library or system (Google, Outlook, Nextcloud, another
 * library's site), read on a schedule and on demand by the import wing (cms/import), which writes the events
 * and the run log (`import-runs`). Owned like events: a system's editors their system's, a library's
 * contributors their library's.
 */
export const CalendarSources: CollectionConfig = {
  slug: SLUGS.calendarSources,
  labels: { singular: 'Calendario da importare', plural: 'Calendari da importare' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'system', 'library', 'enabled', 'lastRunAt', 'lastOutcome'],
    group: 'Programmazione',
    description:
      'Calendari Google, Outlook o di altri siti (indirizzo iCal) i cui eventi entrano nell’agenda da soli, ogni poche ore o con «Sincronizza ora».',
  },
  access: { read: readSources, create: createSources, update: writeSources, delete: writeSources },
  hooks: { afterError: [keepFieldErrors], beforeChange: [stampOwner], afterDelete: [dropImportRows] },
  fields: [
    { name: 'name', type: 'text', label: 'Nome', required: true, maxLength: 200 },
    {
      name: 'url',
      type: 'text',
      label: 'Indirizzo iCal',
      required: true,
      maxLength: 2000,
      validate: calendarUrl,
      admin: {
        placeholder: 'https://calendar.google.com/calendar/ical/…/basic.ics',
        description:
          'L’indirizzo pubblico in formato iCal (.ics) del calendario: in Google Calendar «Indirizzo pubblico in formato iCal», in Outlook «Pubblica calendario» → ICS.',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'library',
          type: 'relationship',
          relationTo: SLUGS.libraries,
          label: 'Biblioteca',
          index: true,
          validate: validLibrary,
          defaultValue: ({ user }: { user?: unknown }) =>
            refId((user as { library?: unknown } | undefined)?.library) ?? undefined,
          admin: { description: 'Dove si svolgono gli eventi importati (o indica un altro luogo).' },
        },
        {
          name: 'venue',
          type: 'relationship',
          relationTo: SLUGS.venues,
          label: 'Altro luogo',
          validate: validVenue,
        },
      ],
    },
    {
      name: 'categories',
      type: 'relationship',
      relationTo: SLUGS.categories,
      hasMany: true,
      label: 'Categorie degli eventi importati',
    },
    {
      type: 'row',
      fields: [
        {
          name: 'authority',
          type: 'select',
          label: 'Quando un evento cambia in entrambi i posti',
          options: IMPORT_AUTHORITY_OPTIONS,
          defaultValue: 'source',
          required: true,
        },
        {
          name: 'vanished',
          type: 'select',
          label: 'Eventi spariti dal calendario',
          options: IMPORT_VANISHED_OPTIONS,
          defaultValue: 'cancel',
          required: true,
        },
        {
          name: 'intervalHours',
          type: 'select',
          label: 'Sincronizza',
          options: IMPORT_INTERVAL_OPTIONS,
          defaultValue: '6',
          required: true,
        },
      ],
    },
    systemField(),
    {
      name: 'enabled',
      type: 'checkbox',
      label: 'Attivo',
      defaultValue: true,
      admin: { position: 'sidebar', description: 'Spento: il calendario non viene più letto.' },
    },
    {
      name: 'syncNow',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '../collections/CalendarSources/components/SyncNow#SyncNow' },
      },
    },
    {
      name: 'runAs',
      type: 'relationship',
      relationTo: SLUGS.users,
      label: 'Importa come',
      access: { create: noRequest, update: noRequest },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description:
          'Gli eventi entrano con i permessi di chi ha creato la fonte (bozze, se collabora con una biblioteca).',
      },
    },
    {
      name: 'lastRunAt',
      type: 'date',
      label: 'Ultima sincronizzazione',
      access: { create: noRequest, update: noRequest },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'lastOutcome',
      type: 'text',
      label: 'Esito',
      access: { create: noRequest, update: noRequest },
      admin: { position: 'sidebar', readOnly: true },
    },
    // When the scheduler next queues a sync; a manual sync does not move it.
    {
      name: 'nextRunAt',
      type: 'date',
      index: true,
      access: { create: noRequest, update: noRequest },
      admin: { hidden: true },
    },
  ],
}
