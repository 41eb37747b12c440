import type { ServerProps } from 'payload'
import type { Staff } from '../../../collections/access/roles'
import { catalogue } from '../../../shared/strings'
import { STATISTICS_PATH } from '../../admin-paths'
import { statisticsScope } from '../../statistics'
import { localeOf } from '../desk/strings'

/** In the admin's navigation, for staff who have figures to see: "Statistiche". */
export const StatisticsLink = ({ i18n, user, payload }: ServerProps) => {
  if (!statisticsScope((user as Staff | undefined) ?? null)) return null
  const t = catalogue(localeOf(i18n?.language)).statistics
  return (
    <a className="nav__link" href={`${payload?.config.routes.admin ?? '/admin'}${STATISTICS_PATH}`} id="nav-statistics">
      <span className="nav__link-label">{t.navLink}</span>
    </a>
  )
}
