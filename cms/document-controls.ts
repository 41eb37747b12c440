import type { CollectionConfig, Payload } from 'payload'

/**
 * Adds a component beside the save buttons of every collection `applies` picks (before Payload's own controls),
 * with the collection's slug as a server prop.
 */
export const withDocumentControl =
  (applies: (slug: string) => boolean, path: string) =>
  (collections: CollectionConfig[]): CollectionConfig[] =>
    collections.map((collection) => {
      if (!applies(collection.slug)) return collection
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
                { path, serverProps: { collection: collection.slug } },
              ],
            },
          },
        },
      }
    })

/**
 * The slug of a document as the public sees it now (read without a user: drafts, unpublished and staff-only
 * documents have none), for the controls that link to its public page or its programme.
 */
export const publicSlug = async (payload: Payload, collection: string, id: number | string): Promise<string | null> => {
  const { docs } = await payload.find({
    collection: collection as Parameters<Payload['find']>[0]['collection'],
    where: { id: { equals: id } },
    draft: false,
    depth: 0,
    limit: 1,
    pagination: false,
    select: { slug: true } as never,
    overrideAccess: false, // no user: what the public may read
  })
  return (docs[0] as { slug?: string | null } | undefined)?.slug ?? null
}
