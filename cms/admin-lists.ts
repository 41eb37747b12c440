import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import type { Staff } from '../collections/access/roles'
import { eventListViews, viewQuery } from '../collections/Events/list-views'
import { SLUGS } from '../collections/slugs'
import { getPayload } from './local-api'

/**
 * The events list opens on the user's own system from today on (collections/Events/list-views.ts), as an
 * ordinary filter in the URL that the librarian sees and can clear: only the bare address (the menu's link)
 * is redirected there, so a cleared filter or any other view stays as chosen. Not a base filter, which would
 * hide the other systems' events without saying so.
 */
export const redirectToDefaultList = async (segments: string[] | undefined, query: Record<string, unknown>) => {
  if (segments?.length !== 2 || segments[0] !== 'collections' || segments[1] !== SLUGS.events) return
  if (Object.keys(query).length > 0) return
  const payload = await getPayload()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user) return
  const [view] = eventListViews(user as Staff)
  if (view) redirect(`${payload.config.routes.admin}/collections/${SLUGS.events}?${viewQuery(view)}`)
}
