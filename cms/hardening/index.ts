import type { CollectionBeforeOperationHook, CollectionConfig, SanitizedConfig } from 'payload'
import { networkAdminOnly } from '../../collections/access/roles'
import { cmsUrl } from '../../shared/env'
import { defaultRouteGuard } from './collection-guards'
import { guardJobDeletes } from './jobs'
import { guardLocks, LOCKS, lockAccess } from './locks'

export { hardenJobs } from './jobs'

const httpsCms = () => cmsUrl().startsWith('https:')

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
    const auth = typeof collection.auth === 'object' ? collection.auth : collection.auth ? {} : undefined
    const hardened: CollectionConfig = {
      ...collection,
      // Unlocking an account (and learning whether it exists) is the network admins' job.
      access: auth ? { unlock: networkAdminOnly, ...collection.access } : collection.access,
      // The session cookie only over HTTPS when the CMS is served over HTTPS.
      ...(auth
        ? { auth: { ...auth, cookies: { sameSite: 'Lax' as const, secure: httpsCms(), ...auth.cookies } } }
        : {}),
    }
    prepend(hardened, defaultRouteGuard(collection, own))
    return hardened
  })

/**
 * DELETE /api/payload-preferences/<key> of a key the user has no preference under: the SQLite adapter's
 * deleteOne fails on no match (500). Answered 404 before it gets there.
 */
const guardPreferenceDeletes = (collection: SanitizedConfig['collections'][number]) => {
  for (const endpoint of collection.endpoints || []) {
    if (endpoint.method !== 'delete' || endpoint.path !== '/:key') continue
    const handler = endpoint.handler
    endpoint.handler = async (req) => {
      const key = req.routeParams?.key as string | undefined
      const mine =
        req.user && key
          ? await req.payload.count({
              collection: 'payload-preferences',
              where: {
                and: [
                  { key: { equals: key } },
                  { 'user.value': { equals: req.user.id } },
                  { 'user.relationTo': { equals: req.user.collection } },
                ],
              },
              overrideAccess: true,
              req,
            })
          : { totalDocs: 0 }
      if (!req.user) return Response.json({ errors: [{ message: 'Accedi per continuare.' }] }, { status: 401 })
      if (!mine.totalDocs) return Response.json({ errors: [{ message: 'Preferenza non trovata.' }] }, { status: 404 })
      return handler(req)
    }
  }
}

/** GET /api/media/file/<name> of a file not on disk: Payload answers 500 "Something went wrong". */
const missingFilesAre404 = (collection: SanitizedConfig['collections'][number]) => {
  for (const endpoint of collection.endpoints || []) {
    if (endpoint.method !== 'get' || endpoint.path !== '/file/:filename') continue
    const handler = endpoint.handler
    endpoint.handler = async (req) => {
      const response = await handler(req)
      return response.status === 500
        ? Response.json({ errors: [{ message: 'File non trovato.' }] }, { status: 404, headers: response.headers })
        : response
    }
  }
}

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
    if (collection.slug === 'payload-preferences') guardPreferenceDeletes(collection)
    if (collection.upload) missingFilesAre404(collection)
    // Email verification is off: Payload still mounts /verify/:id, which fails with a 500 on any token.
    if (collection.auth && !collection.auth.verify)
      for (const endpoint of collection.endpoints || [])
        if (endpoint.path === '/verify/:id')
          endpoint.handler = async () =>
            Response.json({ errors: [{ message: 'La verifica dell’email non è attiva.' }] }, { status: 404 })
    if (collection.slug === 'payload-migrations')
      Object.assign(collection.access, {
        read: networkAdminOnly,
        create: () => false,
        update: () => false,
        delete: () => false,
      })
    if (collection.slug.startsWith('payload-'))
      prepend(collection, defaultRouteGuard(collection, collection.hooks?.beforeOperation ?? []))
  }
  // Scheduling bookkeeping (last run per schedule) that the job runner writes through the database adapter:
  // a staff user rewriting it could hold back or repeat the scheduled jobs.
  for (const global of config.globals ?? [])
    if (global.slug === 'payload-jobs-stats')
      Object.assign(global.access, { read: networkAdminOnly, update: () => false, readVersions: () => false })
  return config
}
