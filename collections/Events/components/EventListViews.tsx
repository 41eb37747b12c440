'use client'
import { useAuth, useConfig, useListDrawerContext, useListQuery, useTranslation } from '@payloadcms/ui'
import { adminStrings } from '../../../shared/strings'
import type { Staff } from '../../access/roles'
import { eventListViews, isCurrentView, viewQuery } from '../list-views'

/**
 * Above the events list: the ready-made views (the list opens on the first, see cms/admin-lists.ts). Each is
 * an ordinary filter the librarian sees in "Filtri" and can change; here they are one click away.
 */
export const EventListViews = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { user } = useAuth()
  const { isInDrawer } = useListDrawerContext()
  const { query } = useListQuery()
  const { config } = useConfig()
  if (isInDrawer) return null
  const base = `${config.routes.admin}/collections/events`
  return (
    <nav aria-label={t.eventViewsLabel} style={{ margin: '0 0 1rem' }}>
      <ul
        style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem 1.25rem', margin: 0, padding: 0, listStyle: 'none' }}
      >
        {eventListViews(user as Staff | null).map((view) => {
          const current = isCurrentView(view, query?.where)
          return (
            <li key={view.key}>
              <a
                href={`${base}?${viewQuery(view)}`}
                aria-current={current ? 'page' : undefined}
                style={{ fontWeight: current ? 700 : 400, textDecoration: current ? 'none' : 'underline' }}
              >
                {t.eventViews[view.key]}
              </a>
            </li>
          )
        })}
      </ul>
    </nav>
  )
}
