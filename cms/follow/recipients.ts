import type { Payload } from 'payload'
import { refId } from '../../collections/access/roles'
import { SLUGS } from '../../collections/slugs'
import type { Follow, Subscriber } from '../payload-types'

/**
 * The confirmed subscribers behind some follows, each with its follows (in the order given): a follow of an
 * address that is not confirmed (or no longer exists) reaches nobody.
 */
export const confirmedFollowers = async (
  payload: Payload,
  follows: Follow[],
): Promise<{ subscriber: Subscriber; follows: Follow[] }[]> => {
  const bySubscriber = new Map<string, Follow[]>()
  for (const f of follows) {
    const key = String(refId(f.subscriber))
    bySubscriber.set(key, [...(bySubscriber.get(key) ?? []), f])
  }
  if (!bySubscriber.size) return []
  const { docs } = await payload.find({
    collection: SLUGS.subscribers,
    where: { and: [{ id: { in: [...bySubscriber.keys()] } }, { status: { equals: 'confirmed' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return (docs as Subscriber[]).map((subscriber) => ({
    subscriber,
    follows: bySubscriber.get(String(subscriber.id)) ?? [],
  }))
}
