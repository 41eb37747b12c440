import type { ServerComponentProps } from 'payload'
import { publishedSpan } from '../../lib/campaign-period'
import { SLUGS } from '../../slugs'
import { CampaignPeriodNoticeClient } from './CampaignPeriodNoticeClient'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req'>

/**
 * Under the event's campaigns: a warning when its dates fall outside the period of a campaign it is linked to.
 * The campaigns' periods and the event's published dates come from here; the form's own values are read live.
 */
export const CampaignPeriodNotice = async ({ id, payload, req }: Props) => {
  if (!payload || !req?.user) return null
  const { docs } = await payload.find({
    collection: SLUGS.campaigns,
    limit: 500,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    select: { title: true, startDate: true, endDate: true },
  })
  const campaigns = docs.map((c) => ({ id: c.id, title: c.title, startDate: c.startDate, endDate: c.endDate }))
  const published = id == null ? null : await publishedSpan(payload, id, req.user)
  return <CampaignPeriodNoticeClient campaigns={campaigns} published={published} />
}
