import type { ServerProps } from 'payload'
import type { Staff } from '../../../collections/access/roles'
import { catalogue } from '../../../shared/strings'
import { reportScope } from '../../reports'
import { localeOf } from '../desk/strings'
import { ANNUAL_REPORT_PATH } from './paths'

/** In the admin's navigation, for staff who may download reports: "Riepilogo annuale per biblioteca". */
export const ReportsLink = ({ i18n, user, payload }: ServerProps) => {
  if (!reportScope((user as Staff | undefined) ?? null)) return null
  const t = catalogue(localeOf(i18n?.language)).reports.admin
  return (
    <a className="nav__link" href={`${payload?.config.routes.admin ?? '/admin'}${ANNUAL_REPORT_PATH}`} id="nav-reports">
      <span className="nav__link-label">{t.annual}</span>
    </a>
  )
}
