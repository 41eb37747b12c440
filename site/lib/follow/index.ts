// The site's door to the follow wing (cms/follow): its operations on this process's Payload, the form's
// limits, and what the follow pages do with a request.
import type { Payload } from 'payload'
import * as follow from '../../../cms/follow'
import type { FollowKind } from '../../../collections/Follows'
import { normalizeEmail } from '../../../collections/Subscribers/hooks/normalizeSubscriber'
import { createLimiter, type RateLimit } from '../../../shared/rate-limit'
import { catalogue, type Locale } from '../../../shared/strings'
import { getPayload } from '../payload'
import type { EntityKind } from '../urls'

const onPayload =
  <A extends unknown[], R>(run: (payload: Payload, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    run(await getPayload(), ...args)

export const requestFollow = onPayload(follow.requestFollow)
export const checkFollowConfirm = onPayload(follow.checkFollowConfirm)
export const confirmFollow = onPayload(follow.confirmFollow)
export const checkUnfollow = onPayload(follow.checkUnfollow)
export const unfollow = onPayload(follow.unfollow)
export const followsOfManage = onPayload(follow.followsOfManage)
export const removeFollowByManage = onPayload(follow.removeFollowByManage)
export { type FollowItem, isFollowKind } from '../../../cms/follow'

export const followStrings = (locale: Locale) => catalogue(locale).follow

/** The collection an entity page shows (the form names what it follows by collection and slug). */
export const ENTITY_COLLECTION: Record<EntityKind, FollowKind> = {
  sistema: 'systems',
  biblioteca: 'libraries',
  rassegna: 'series',
  festival: 'festivals',
  campagna: 'campaigns',
  organizzatore: 'partners',
}

const perIp = createLimiter(Number(process.env.FOLLOW_LIMIT_PER_IP ?? 10), 10 * 60)
const perAddress = createLimiter(Number(process.env.FOLLOW_LIMIT_PER_ADDRESS ?? 5), 60 * 60)

/** At most FOLLOW_LIMIT_PER_IP (10) requests per connection every 10 minutes and FOLLOW_LIMIT_PER_ADDRESS (5) per address an hour. */
export const followAllowed = async (ip: string, email: string): Promise<RateLimit> => {
  const byIp = await perIp(`follow:${ip}`)
  if (!byIp.ok) return byIp
  return perAddress(`follow:${normalizeEmail(email)}`)
}
