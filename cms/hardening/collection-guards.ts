import type { CollectionBeforeOperationHook, CollectionConfig, PayloadRequest } from 'payload'
import { Refusal } from '../../collections/lib/refusal'
import { canUpdate } from './can-update'

type Id = number | string
type Data = Record<string, unknown>

/** Fields that say who owns a row; a duplicate keeps the source's unless the request names others. */
const OWNER_FIELDS = ['system', 'library'] as const

/** The most one REST read returns, and how deep it populates (`?limit=0`, `?pagination=false` included). */
export const MAX_REST_LIMIT = 100
export const MAX_REST_DEPTH = 3

const hasDrafts = (collection: CollectionConfig) =>
  typeof collection.versions === 'object' && !!collection.versions?.drafts

const topLevelNames = (collection: CollectionConfig): Set<string> => {
  const names = new Set<string>()
  const walk = (fields: CollectionConfig['fields']) => {
    for (const field of fields) {
      if ('name' in field && field.name) names.add(field.name)
      else if (field.type === 'tabs')
        for (const tab of field.tabs) 'name' in tab && tab.name ? names.add(tab.name) : walk(tab.fields)
      else if ('fields' in field) walk(field.fields)
    }
  }
  walk(collection.fields)
  return names
}

/**
 * POST /api/<col>/<id>/duplicate: Payload hands `access.create` only the request body, so the copy's
 * owner and status were never checked. Here the copy is what gets checked: the source's owner fields
 * (unless the body names others) and the status it will be saved with. Only documents the user may
 * update can be duplicated, so nobody copies another system's rows.
 */
const guardDuplicate = async (collection: CollectionConfig, args: Data, req: PayloadRequest): Promise<Data> => {
  const id = args.duplicateFromID as Id
  const source = (await req.payload.findByID({
    collection: collection.slug as never,
    id,
    draft: true,
    depth: 0,
    disableErrors: true,
    overrideAccess: true, // the owner fields of a row the user may not read in full
    req,
  })) as Data | null
  if (!source) return args // Payload answers 404
  if (!(await canUpdate(req, collection.slug, id)))
    throw new Refusal('Puoi duplicare solo i documenti che puoi modificare.', 403)
  const names = topLevelNames(collection)
  const data: Data = { ...((args.data as Data | undefined) ?? {}) }
  for (const field of OWNER_FIELDS)
    if (names.has(field) && data[field] === undefined) data[field] = (source[field] as unknown) ?? null
  if (hasDrafts(collection) && data._status === undefined) data._status = args.draft ? 'draft' : source._status
  return { ...args, data }
}

/**
 * POST /api/<col>/versions/<id>: Payload checks `access.update` with the restored status only and runs no
 * `update` hook, so the workflow never saw a restore. Here the restored document is checked like an
 * update of the parent with the version's data, and the collection's own beforeOperation hooks see it
 * as one: when they would turn the save into a draft (contributors), a restore must be asked as a draft.
 */
const guardRestore = async (
  collection: CollectionConfig,
  args: Data,
  req: PayloadRequest,
  hooks: CollectionBeforeOperationHook[],
): Promise<Data> => {
  const version = (await req.payload
    .findVersionByID({
      collection: collection.slug as never,
      id: args.id as string,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    .catch(() => null)) as { parent: Id | { id: Id }; version: Data } | null
  if (!version) return args // Payload answers 404
  const parent = typeof version.parent === 'object' ? version.parent.id : version.parent
  const draft = args.draft === true || args.draft === 'true'
  const data: Data = {
    ...version.version,
    ...(hasDrafts(collection) ? { _status: draft ? 'draft' : version.version._status } : {}),
  }
  if (!(await canUpdate(req, collection.slug, parent, data)))
    throw new Refusal('Non puoi ripristinare versioni di questo documento.', 403)
  let asUpdate: Data = { ...args, id: parent, data, draft }
  for (const hook of hooks) {
    const next = await hook({
      args: asUpdate as never,
      collection: collection as never,
      context: req.context,
      operation: 'update',
      overrideAccess: false,
      req,
    })
    if (next !== undefined) asUpdate = next as Data
  }
  if (asUpdate.draft && !draft)
    throw new Refusal('Puoi ripristinare una versione solo come bozza: la pubblica un redattore del sistema.', 403)
  return args
}

/** Every REST read is a page: no `limit=0`, no `pagination=false`, no deep population. */
const boundRead = (args: Data): Data => {
  const limit = Number(args.limit)
  const depth = Number(args.depth)
  return {
    ...args,
    pagination: true,
    limit: Number.isFinite(limit) && limit > 0 ? Math.min(limit, MAX_REST_LIMIT) : MAX_REST_LIMIT,
    ...(Number.isFinite(depth) ? { depth: Math.min(Math.max(depth, 0), MAX_REST_DEPTH) } : {}),
  }
}

/**
 * The guard put first on every collection (cms/hardening/index.ts) for the routes Payload mounts by
 * itself. `hooks` are the collection's own beforeOperation hooks, which a restore runs as an update.
 */
export const defaultRouteGuard =
  (collection: CollectionConfig, hooks: CollectionBeforeOperationHook[]): CollectionBeforeOperationHook =>
  async ({ args, operation, overrideAccess, req }) => {
    const a = args as Data
    if ((operation === 'read' || operation === 'readDistinct') && req.payloadAPI === 'REST')
      return boundRead(a) as never
    // Payload mounts the restore route on collections without versions too, where it fails with a 500.
    if (operation === 'restoreVersion' && !collection.versions)
      throw new Refusal('Questa raccolta non conserva versioni da ripristinare.', 400)
    if (overrideAccess) return args
    if (operation === 'create' && a.duplicateFromID != null) return (await guardDuplicate(collection, a, req)) as never
    if (operation === 'restoreVersion') return (await guardRestore(collection, a, req, hooks)) as never
    return args
  }
