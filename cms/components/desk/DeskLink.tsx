import type { ServerProps } from 'payload'
import { hasRole, type Staff } from '../../../collections/access/roles'
import { deskStrings } from './strings'

/** In the admin's navigation, for staff who may see registrations: the registrations desk. */
export const DeskLink = ({ i18n, user, payload }: ServerProps) => {
  if (!hasRole((user as Staff | undefined) ?? null, 'network-admin', 'system-editor', 'library-contributor'))
    return null
  const t = deskStrings(i18n?.language)
  return (
    <a className="nav__link" href={`${payload?.config.routes.admin ?? '/admin'}/iscrizioni`} id="nav-desk">
      <span className="nav__link-label">{t.navLink}</span>
    </a>
  )
}
