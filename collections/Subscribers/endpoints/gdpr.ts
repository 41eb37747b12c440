import type { Endpoint, Payload } from 'payload'
import { loadLookups } from '../../../emails/campaigns/context'
import { describePreferences } from '../../../emails/campaigns/describe'
import { isNetworkAdmin, staffOf } from '../../access/roles'
import { SLUGS } from '../../slugs'
import { preferencesOf } from '../preferences'
import { json } from './http'

type Id = number | string

/** Everything stored about one subscriber (GDPR art. 15), without the server's token nonces. */
export const exportSubscriber = async (payload: Payload, id: Id) => {
  const s = await payload.findByID({
    collection: SLUGS.subscribers,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
  })
  if (!s) return null
  const lookups = await loadLookups(payload)
  const deliveries = await payload.find({
    collection: SLUGS.deliveries,
    where: { subscriber: { equals: id } },
    depth: 1,
    limit: 0,
    pagination: false,
    overrideAccess: true, // the admin is exporting this person's own data
    populate: { newsletters: { subject: true } },
    select: { newsletter: true, state: true, sentAt: true, attempts: true },
  })
  return {
    exportedAt: new Date().toISOString(),
    email: s.email,
    firstName: s.firstName ?? null,
    language: s.language,
    status: s.status,
    preferences: {
      ...preferencesOf(s.preferences),
      weeklyDigest: !!s.preferences?.weeklyDigest,
      readable: describePreferences(preferencesOf(s.preferences), lookups, 'it'),
    },
    consent: s.consent ?? null,
    bounces: s.bounces ?? null,
    unsubscribedAt: s.unsubscribedAt ?? null,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    deliveries: deliveries.docs.map((d) => ({
      newsletter: typeof d.newsletter === 'object' ? d.newsletter?.subject : d.newsletter,
      state: d.state,
      sentAt: d.sentAt ?? null,
    })),
  }
}

/**
 * Erasure (GDPR art. 17): the subscriber and their delivery log rows are deleted. What stays is
 * anonymous: each newsletter's sent/failed counters, which never named anyone.
 */
export const eraseSubscriber = async (payload: Payload, id: Id): Promise<boolean> => {
  const s = await payload.findByID({
    collection: SLUGS.subscribers,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
  })
  if (!s) return false
  await payload.db.deleteMany({ collection: SLUGS.deliveries, where: { subscriber: { equals: id } } })
  await payload.delete({ collection: SLUGS.subscribers, id, overrideAccess: true })
  return true
}

const onlyAdmins = (req: Parameters<Endpoint['handler']>[0]) =>
  isNetworkAdmin(staffOf(req))
    ? null
    : json({ error: 'Solo gli amministratori di rete gestiscono i dati degli iscritti.' }, 403)

const idOf = (req: Parameters<Endpoint['handler']>[0]) => {
  const raw = String(req.routeParams?.id ?? '')
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null
}

export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const denied = onlyAdmins(req)
    if (denied) return denied
    const id = idOf(req)
    const data = id == null ? null : await exportSubscriber(req.payload, id)
    if (!data) return json({ error: 'Iscritto non trovato.' }, 404)
    return json(data, 200, { 'Content-Disposition': `attachment; filename="iscritto-${id}.json"` })
  },
}

export const eraseEndpoint: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const denied = onlyAdmins(req)
    if (denied) return denied
    const id = idOf(req)
    if (id == null || !(await eraseSubscriber(req.payload, id))) return json({ error: 'Iscritto non trovato.' }, 404)
    return json({ erased: true })
  },
}
