import type { ServerComponentProps } from 'payload'
import { campaignEvents } from '../../lib/campaign-period'
import { CampaignEventsClient } from './CampaignEventsClient'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req'>

/**
 * On a campaign's edit view, under its period: the span of the dates of its events, and a warning when some fall
 * outside the period (compared live with the period being edited), with a button that takes the events' span.
 */
export const CampaignEvents = async ({ id, payload, req }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const { events, truncated } = await campaignEvents(payload, id, req.user)
  return <CampaignEventsClient events={events} truncated={truncated} />
}
