import type { CollectionBeforeOperationHook, CollectionConfig, SanitizedConfig } from 'payload'
import { networkAdminOnly } from '../../collections/access/roles'
import { defaultRouteGuard } from './collection-guards'
import { guardJobDeletes } from './jobs'
import { guardLocks, LOCKS, lockAccess } from './locks'

export { hardenJobs } from './jobs'

const prepend = (collection: { hooks?: CollectionConfig['hooks'] }, hook: CollectionBeforeOperationHook) => {
  collection.hooks = { ...collection.hooks, beforeOperation: [hook, ...(collection.hooks?.beforeOperation ?? [])] }
}

/**
 * The routes Payload mounts on every collection without being asked (duplicate, versions and restore,
 * unlock, bounded reads) made to follow the collection's own rules; see docs/security.md.
 */
export const hardenCollections = (collections: CollectionConfig[]): CollectionConfig[] =>
  collections.map((collection) => {
    const own = collection.hooks?.beforeOperation ?? []
    const hardened: CollectionConfig = {
      ...collection,
      // Unlocking an account (and learning whether it exists) is the network admins' job.
      access: collection.auth ? { unlock: networkAdminOnly, ...collection.access } : collection.access,
    }
    prepend(hardened, defaultRouteGuard(collection, own))
    return hardened
  })

/**
 * The collections Payload adds while sanitising (locks, preferences, jobs, migrations) get their rules
 * here, on the built config: their defaults let every logged-in user write them.
 */
export const hardenSanitized = async (built: Promise<SanitizedConfig>): Promise<SanitizedConfig> => {
  const config = await built
  for (const collection of config.collections) {
    if (collection.slug === LOCKS) {
      Object.assign(collection.access, lockAccess)
      prepend(collection, guardLocks)
    }
    if (collection.slug === 'payload-jobs') prepend(collection, guardJobDeletes)
    if (collection.slug === 'payload-migrations')
      Object.assign(collection.access, {
        read: networkAdminOnly,
        create: () => false,
        update: () => false,
        delete: () => false,
      })
    if (['payload-preferences', 'payload-migrations', LOCKS, 'payload-jobs'].includes(collection.slug))
      prepend(collection, defaultRouteGuard(collection, collection.hooks?.beforeOperation ?? []))
  }
  return config
}
