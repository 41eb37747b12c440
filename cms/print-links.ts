import type { CollectionConfig } from 'payload'
import { SLUGS } from '../collections/slugs'

/** The collections whose documents have "Stampa programma", and the agenda filter that selects their events. */
export const PRINTABLE = {
  [SLUGS.systems]: 'sistema',
  [SLUGS.libraries]: 'biblioteca',
  [SLUGS.series]: 'rassegna',
  [SLUGS.festivals]: 'festival',
  [SLUGS.campaigns]: 'campagna',
  [SLUGS.events]: 'evento',
} as const

export type PrintableCollection = keyof typeof PRINTABLE

/** Every printable collection gets "Stampa programma" in its edit view (cms/components/print/PrintLink.tsx). */
export const withPrintLinks = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => {
    if (!(collection.slug in PRINTABLE)) return collection
    const edit = collection.admin?.components?.edit
    return {
      ...collection,
      admin: {
        ...collection.admin,
        components: {
          ...collection.admin?.components,
          edit: {
            ...edit,
            beforeDocumentControls: [
              ...(edit?.beforeDocumentControls ?? []),
              { path: './components/print/PrintLink#PrintLink', serverProps: { collection: collection.slug } },
            ],
          },
        },
      },
    }
  })
