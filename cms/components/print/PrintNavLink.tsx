import type { ServerProps } from 'payload'
import type { Staff } from '../../../collections/access/roles'
import { isStaff } from '../../../collections/access/staff-only'
import { catalogue } from '../../../shared/strings'
import { PRINT_PATH } from '../../admin-paths'
import { localeOf } from '../desk/strings'

/** In the admin's navigation, for every member of staff: "Stampa programma". */
export const PrintNavLink = ({ i18n, user, payload }: ServerProps) => {
  if (!isStaff((user as Staff | undefined) ?? null)) return null
  return (
    <a className="nav__link" href={`${payload?.config.routes.admin ?? '/admin'}${PRINT_PATH}`} id="nav-print">
      <span className="nav__link-label">{catalogue(localeOf(i18n?.language)).print.button}</span>
    </a>
  )
}
