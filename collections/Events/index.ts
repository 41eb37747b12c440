import type { CollectionConfig, Field } from 'payload'
import { refId, type Staff } from '../access/roles'
import {
  ACCESSIBILITY_OPTIONS,
  AGE_BAND_OPTIONS,
  BOOKING_OPTIONS,
  EVENT_STATUS_OPTIONS,
  LANGUAGE_OPTIONS,
  REGISTRATION_MODE_OPTIONS,
  REVIEW_OPTIONS,
} from '../enums'
import { slugField } from '../fields/slug'
import { supportField } from '../fields/support'
import { systemField } from '../fields/system'
import { keepFieldErrors } from '../hooks/keepFieldErrors'
import { romeDay } from '../lib/recurrence'
import { SLUGS } from '../slugs'
import {
  createEvents,
  deleteEvents,
  networkField,
  notNetworkEditorOnly,
  readEvents,
  readEventVersions,
  updateEvents,
} from './access'
import { changedDatesField, recurrenceField } from './fields/recurrence'
import {
  ageRange,
  altWhenImage,
  endAfterStart,
  validDate,
  validFestival,
  validLibrary,
  validOrganiser,
  validSeries,
  validSystem,
  validVenue,
  webUrl,
} from './fields/validators'
import { bumpSequence } from './hooks/bumpSequence'
import { enforceWorkflow } from './hooks/enforceWorkflow'
import { materializeOccurrences, removeOccurrences } from './hooks/materializeOccurrences'
import { normalizeSchedule } from './hooks/normalizeSchedule'
import { queueFollowNotices, rememberFollowChoice, stampFirstPublication } from './hooks/queueFollowNotices'
import { queueProposalAcceptance } from './hooks/queueProposalAcceptance'
import { queueRegistrationNotices, rememberPublished } from './hooks/queueRegistrationNotices'
import { clearReviewOnPublish, queueReviewNotification } from './hooks/queueReviewNotification'
import { eventPreviewUrl } from './preview'

const dateTime = {
  date: { pickerAppearance: 'dayAndTime' as const, timeIntervals: 15 },
}

const contentFields: Field[] = [
  {
    name: 'readOnlyNotice',
    type: 'ui',
    admin: {
      disableListColumn: true,
      components: { Field: '../collections/Events/components/ReadOnlyNotice#ReadOnlyNotice' },
    },
  },
  {
    type: 'tabs',
    tabs: [
      {
        label: 'Contenuto',
        fields: [
          { name: 'title', type: 'text', label: 'Titolo', required: true, maxLength: 200 },
          {
            name: 'summary',
            type: 'textarea',
            label: 'In breve',
            maxLength: 400,
            admin: { description: 'Una o due frasi: compaiono negli elenchi, nei calendari e nelle newsletter.' },
          },
          { name: 'description', type: 'richText', label: 'Descrizione' },
          {
            type: 'row',
            fields: [
              { name: 'image', type: 'upload', relationTo: SLUGS.media, label: 'Immagine' },
              { name: 'imageAlt', type: 'text', label: 'Testo alternativo dell’immagine', validate: altWhenImage },
            ],
          },
          { name: 'categories', type: 'relationship', relationTo: SLUGS.categories, hasMany: true, label: 'Categorie' },
        ],
      },
      {
        label: 'Quando',
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'start',
                type: 'date',
                label: 'Inizio',
                required: true,
                index: true,
                timezone: true,
                validate: validDate,
                admin: dateTime,
              },
              { name: 'end', type: 'date', label: 'Fine', timezone: true, validate: endAfterStart, admin: dateTime },
            ],
          },
          {
            name: 'allDay',
            type: 'checkbox',
            label: 'Tutta la giornata',
            defaultValue: false,
            admin: { description: 'Conta solo il giorno: gli orari sono ignorati.' },
          },
          recurrenceField,
          changedDatesField,
        ],
      },
      {
        label: 'Dove',
        fields: [
          {
            name: 'library',
            type: 'relationship',
            relationTo: SLUGS.libraries,
            label: 'Biblioteca',
            index: true,
            validate: validLibrary,
            // Contributors work for one library: it is preselected (and the only one they may choose).
            defaultValue: ({ user }: { user?: unknown }) => refId((user as Staff | undefined)?.library) ?? undefined,
          },
          {
            name: 'venue',
            type: 'relationship',
            relationTo: SLUGS.venues,
            label: 'Altro luogo',
            index: true,
            validate: validVenue,
          },
          {
            name: 'placeNotes',
            type: 'text',
            label: 'Indicazioni sul luogo',
            admin: { placeholder: 'Sala ragazzi, primo piano' },
          },
          { name: 'onlineUrl', type: 'text', label: 'Collegamento online', validate: webUrl },
        ],
      },
      {
        label: 'Pubblico e accessibilità',
        fields: [
          { name: 'audiences', type: 'relationship', relationTo: SLUGS.audiences, hasMany: true, label: 'Pubblico' },
          {
            type: 'row',
            fields: [
              { name: 'minAge', type: 'number', label: 'Età minima (anni)', validate: ageRange },
              { name: 'maxAge', type: 'number', label: 'Età massima (anni)', validate: ageRange },
            ],
          },
          {
            name: 'accessibility',
            type: 'select',
            hasMany: true,
            label: 'Accessibilità',
            options: ACCESSIBILITY_OPTIONS,
          },
          {
            name: 'languages',
            type: 'select',
            hasMany: true,
            label: 'Lingue',
            options: LANGUAGE_OPTIONS,
            defaultValue: ['it'],
          },
        ],
      },
      {
        label: 'Ingresso e prenotazione',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'free', type: 'checkbox', label: 'Ingresso gratuito', defaultValue: true },
              {
                name: 'price',
                type: 'text',
                label: 'Prezzo',
                admin: { condition: (_, s) => !s?.free, placeholder: '5 € / ridotto 3 €' },
              },
            ],
          },
          {
            name: 'booking',
            type: 'group',
            label: 'Prenotazione',
            fields: [
              {
                name: 'mode',
                type: 'select',
                label: 'Prenotazione',
                options: BOOKING_OPTIONS,
                defaultValue: 'none',
                required: true,
              },
              {
                type: 'row',
                admin: { condition: (_, s) => s?.mode && s.mode !== 'none' },
                fields: [
                  { name: 'url', type: 'text', label: 'Link', validate: webUrl },
                  { name: 'phone', type: 'text', label: 'Telefono' },
                  { name: 'email', type: 'email', label: 'Email' },
                ],
              },
            ],
          },
          {
            name: 'registration',
            type: 'group',
            label: 'Iscrizioni sul sito',
            admin: {
              description:
                'Le famiglie si iscrivono dalla pagina dell’evento; i posti valgono per ciascuna data. Bambini per fascia d’età, mai per nome.',
            },
            fields: [
              {
                name: 'mode',
                type: 'select',
                label: 'Iscrizione',
                options: REGISTRATION_MODE_OPTIONS,
                // Not required: events saved before registrations existed have none, which means off.
                defaultValue: 'off',
              },
              {
                type: 'row',
                admin: { condition: (_, s) => s?.mode && s.mode !== 'off' },
                fields: [
                  { name: 'places', type: 'number', label: 'Posti per data', min: 1, max: 10000 },
                  {
                    name: 'maxPerBooking',
                    type: 'number',
                    label: 'Persone per iscrizione (max)',
                    min: 1,
                    max: 50,
                    defaultValue: 6,
                  },
                  {
                    name: 'closesHoursBefore',
                    type: 'number',
                    label: 'Chiude ore prima dell’inizio',
                    min: 0,
                    max: 24 * 60,
                    defaultValue: 0,
                  },
                ],
              },
              {
                type: 'row',
                admin: { condition: (_, s) => s?.mode && s.mode !== 'off' },
                fields: [
                  {
                    name: 'opensDaysBefore',
                    type: 'number',
                    label: 'Apre giorni prima della data',
                    min: 1,
                    max: 365,
                    admin: { description: 'Vuoto: le iscrizioni sono aperte appena l’evento è pubblicato.' },
                  },
                  {
                    name: 'offerHours',
                    type: 'number',
                    label: 'Ore per accettare un posto offerto',
                    min: 1,
                    max: 168,
                    defaultValue: 24,
                    admin: { description: 'Lista d’attesa: poi il posto passa alla persona successiva.' },
                  },
                ],
              },
              {
                name: 'question',
                type: 'text',
                label: 'Domanda facoltativa alle famiglie',
                maxLength: 120,
                admin: {
                  condition: (_, s) => s?.mode && s.mode !== 'off',
                  placeholder: 'Allergie o esigenze particolari?',
                  description:
                    'La risposta è un dato sensibile: la vede solo la biblioteca ed è cancellata con l’iscrizione.',
                },
              },
              {
                name: 'ageBands',
                type: 'select',
                hasMany: true,
                label: 'Fasce d’età dei bambini',
                options: AGE_BAND_OPTIONS,
                admin: {
                  condition: (_, s) => s?.mode && s.mode !== 'off',
                  description: 'Vuoto: l’iscrizione conta solo adulti.',
                },
              },
              {
                name: 'waitingList',
                type: 'checkbox',
                label: 'Lista d’attesa quando i posti sono esauriti',
                defaultValue: true,
                admin: { condition: (_, s) => s?.mode && s.mode !== 'off' },
              },
            ],
          },
        ],
      },
      {
        label: 'Collegamenti',
        fields: [
          {
            name: 'organiser',
            type: 'relationship',
            relationTo: SLUGS.partners,
            label: 'Organizzato da',
            index: true,
            validate: validOrganiser,
            // A partner's account proposes its own organisation's events: it is preselected (and the only one allowed).
            defaultValue: ({ user }: { user?: unknown }) =>
              (user as Staff | undefined)?.roles?.includes('partner')
                ? (refId((user as Staff).partner) ?? undefined)
                : undefined,
            admin: {
              description:
                'Facoltativo: l’organizzazione partner (associazione, teatro, scuola…) che organizza l’evento con il sistema.',
            },
          },
          {
            name: 'series',
            type: 'relationship',
            relationTo: SLUGS.series,
            label: 'Rassegna',
            index: true,
            validate: validSeries,
          },
          {
            name: 'festival',
            type: 'relationship',
            relationTo: SLUGS.festivals,
            label: 'Festival',
            index: true,
            validate: validFestival,
          },
          {
            name: 'campaigns',
            type: 'relationship',
            relationTo: SLUGS.campaigns,
            hasMany: true,
            label: 'Campagne di promozione della lettura',
          },
          // A warning when the event's dates fall outside a linked campaign's period (it does not block saving).
          {
            name: 'campaignPeriod',
            type: 'ui',
            admin: {
              components: { Field: '../collections/Events/components/CampaignPeriodNotice#CampaignPeriodNotice' },
            },
          },
          supportField(),
        ],
      },
    ],
  },
]

const sidebarFields: Field[] = [
  slugField('title', (data) => (data?.start ? romeDay(new Date(data.start as string)) : undefined)),
  { ...systemField(), validate: validSystem } as Field,
  {
    name: 'status',
    type: 'select',
    // Not just "Stato": the admin already uses that for draft/published.
    label: 'Stato dell’evento',
    options: EVENT_STATUS_OPTIONS,
    defaultValue: 'scheduled',
    required: true,
    index: true,
    admin: { position: 'sidebar' },
  },
  {
    name: 'review',
    type: 'select',
    label: 'Revisione',
    options: REVIEW_OPTIONS,
    defaultValue: 'none',
    admin: {
      position: 'sidebar',
      description: 'I collaboratori inviano qui l’evento ai redattori del sistema.',
      // Publishing ends the review (clearReviewOnPublish): a published event has no review state to show.
      condition: (data) => data?._status !== 'published',
      components: { Cell: '../collections/Events/components/ReviewCell#ReviewCell' },
    },
  },
  {
    name: 'staffOnly',
    type: 'checkbox',
    label: 'Solo per il personale',
    defaultValue: false,
    index: true,
    admin: {
      position: 'sidebar',
      description: 'Formazione e incontri interni: non compare sul sito, solo nell’agenda interna del personale.',
    },
  },
  {
    name: 'featured',
    type: 'checkbox',
    label: 'In evidenza nella rete',
    defaultValue: false,
    index: true,
    access: { create: networkField, update: networkField },
    admin: { position: 'sidebar' },
  },
  { name: 'occurrencesInfo', type: 'text', label: 'Date generate', admin: { position: 'sidebar', readOnly: true } },
  // Not stored: a typo fix to a date need not mail everyone who follows the event.
  {
    name: 'notifyFollowers',
    type: 'checkbox',
    virtual: true,
    label: 'Avvisa chi segue l’evento',
    defaultValue: true,
    admin: {
      position: 'sidebar',
      condition: (data) => !!data?.id,
      components: { Field: '../collections/Events/components/FollowersNotice#FollowersNotice' },
    },
  },
  // What the people booked on a changed date were told (the latest notices; the list is under Programmazione).
  {
    name: 'noticesSent',
    type: 'ui',
    admin: {
      position: 'sidebar',
      condition: (data) => !!data?.id && !!data?.registration?.mode && data.registration.mode !== 'off',
      components: { Field: '../collections/Events/components/NoticesSent#NoticesSent' },
    },
  },
  // What the events list's "in programma" filter reads: set on every save from the schedule.
  {
    name: 'lastEnd',
    type: 'date',
    label: 'Ultima data',
    index: true,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime' },
    },
  },
  // Set when the rule goes on past the materialisation window: the daily extendOccurrences job rolls it forward.
  { name: 'occurrencesRolling', type: 'checkbox', defaultValue: false, index: true, admin: { hidden: true } },
  { name: 'sequence', type: 'number', defaultValue: 0, admin: { hidden: true } },
  // When the event first appeared on the site: what the followers' daily mail of new events reads.
  { name: 'firstPublishedAt', type: 'date', index: true, admin: { hidden: true } },
]

/** Network editors may only touch `featured`: every other top-level field is read-only for them. */
const guardForNetworkEditors = (fields: Field[]): Field[] =>
  fields.map((field) => {
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((t) => ({ ...t, fields: guardForNetworkEditors(t.fields) })) }
    if (field.type === 'row' || field.type === 'collapsible')
      return { ...field, fields: guardForNetworkEditors(field.fields) }
    if (!('name' in field) || field.name === 'featured' || field.type === 'ui') return field
    return { ...field, access: { ...('access' in field ? field.access : {}), update: notNetworkEditorOnly } } as Field
  })

export const Events: CollectionConfig = {
  slug: SLUGS.events,
  labels: { singular: 'Evento', plural: 'Eventi' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'start', 'library', 'system', 'status', 'review', '_status'],
    listSearchableFields: ['title', 'summary'],
    group: 'Programmazione',
    description:
      'Bozza → in revisione → pubblicato. L’elenco si apre sugli eventi in programma da oggi (del tuo sistema, se ne hai uno): le altre viste sono qui sotto, e ogni filtro si cambia da «Filtri».',
    components: {
      beforeListTable: ['../collections/Events/components/EventListViews#EventListViews'],
      edit: { PreviewButton: '../collections/Events/components/PreviewLink#PreviewLink' },
    },
    preview: eventPreviewUrl,
  },
  defaultSort: '-start',
  // Drafts are validated too: an event in review already has sound dates and places.
  versions: { drafts: { schedulePublish: true, validate: true }, maxPerDoc: 25 },
  access: {
    read: readEvents,
    create: createEvents,
    update: updateEvents,
    delete: deleteEvents,
    readVersions: readEventVersions,
  },
  hooks: {
    afterError: [keepFieldErrors],
    beforeOperation: [enforceWorkflow],
    beforeChange: [
      normalizeSchedule,
      bumpSequence,
      stampFirstPublication,
      clearReviewOnPublish,
      rememberPublished,
      rememberFollowChoice,
    ],
    afterChange: [
      materializeOccurrences,
      queueReviewNotification,
      queueFollowNotices,
      queueRegistrationNotices,
      queueProposalAcceptance,
    ],
    beforeDelete: [removeOccurrences],
  },
  fields: guardForNetworkEditors([...contentFields, ...sidebarFields]),
}
