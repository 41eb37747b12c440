import type { CollectionConfig } from 'payload'
import { isPublicCollection } from '../shared/site-paths'

/** Every collection with a public page gets "Vedi sul sito" in its edit view (cms/components/ViewOnSite.tsx). */
export const withSiteLinks = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => {
    if (!isPublicCollection(collection.slug)) return collection
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
              { path: './components/ViewOnSite#ViewOnSite', serverProps: { collection: collection.slug } },
            ],
          },
        },
      },
    }
  })
