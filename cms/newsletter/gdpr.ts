import type { Payload } from 'payload'
import { preferencesOf } from '../../collections/Subscribers/preferences'
import { SLUGS } from '../../collections/slugs'
import { loadLookups } from './campaigns/context'
import { describePreferences } from './campaigns/describe'

type Id = number | string

const subscriberById = (payload: Payload, id: Id) =>
  payload.findByID({ collection: SLUGS.subscribers, id, depth: 0, disableErrors: true, overrideAccess: true })

/** Everything stored about one subscriber (GDPR art. 15), without the server's token nonces. */
export const exportSubscriber = async (payload: Payload, id: Id) => {
  const s = await subscriberById(payload, id)
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
  const follows = await payload.find({
    collection: SLUGS.follows,
    where: { subscriber: { equals: id } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    select: { kind: true, title: true, state: true, consent: true, language: true },
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
    follows: follows.docs.map((f) => ({
      kind: f.kind,
      title: f.title,
      state: f.state,
      language: f.language,
      consent: f.consent ?? null,
    })),
  }
}

/**
 * Erasure (GDPR art. 17): the subscriber, their delivery log rows and their follows are deleted. What stays is
 * anonymous: each newsletter's sent/failed counters, which never named anyone.
 */
export const eraseSubscriber = async (payload: Payload, id: Id): Promise<boolean> => {
  const s = await subscriberById(payload, id)
  if (!s) return false
  await payload.db.deleteMany({ collection: SLUGS.deliveries, where: { subscriber: { equals: id } } })
  await payload.delete({ collection: SLUGS.subscribers, id, overrideAccess: true })
  return true
}
