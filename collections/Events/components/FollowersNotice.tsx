import type { ServerComponentProps } from 'payload'
import type { Event } from '../../../cms/payload-types'
import { catalogue } from '../../../shared/strings'
import { SLUGS } from '../../slugs'
import { countFollowers } from '../hooks/queueFollowNotices'
import { FollowersNoticeClient } from './FollowersNoticeClient'

type Props = Pick<ServerComponentProps, 'id' | 'i18n' | 'payload' | 'req'> & { path?: string }

/**
 * In the event's sidebar: how many people a change of its dates will reach (its followers and its rassegna's,
 * each address once) and the "notify" box. The count is read on the network's behalf (no address leaves the
 * server) for staff who may read the event.
 */
export const FollowersNotice = async ({ id, i18n, payload, req, path }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const event = (await payload.findByID({
    collection: SLUGS.events,
    id,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
    select: { series: true },
  })) as Pick<Event, 'id' | 'series'> | null
  if (!event) return null
  const count = await countFollowers(payload, { id: event.id, series: event.series })
  const t = catalogue(i18n?.language === 'en' ? 'en' : 'it').follow.admin
  return (
    <FollowersNoticeClient
      path={path ?? 'notifyFollowers'}
      count={count}
      followers={t.followers(count)}
      willTell={t.willTell(count)}
      notify={t.notify}
      hint={t.hint}
    />
  )
}
