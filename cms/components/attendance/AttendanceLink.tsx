import type { ServerProps } from 'payload'
import type { Staff } from '../../../collections/access/roles'
import { catalogue } from '../../../shared/strings'
import { ATTENDANCE_PATH } from '../../admin-paths'
import { attendanceScope } from '../../attendance'
import { localeOf } from '../desk/strings'

/** In the admin's navigation, for staff who record attendance: "Presenze da registrare". */
export const AttendanceLink = ({ i18n, user, payload }: ServerProps) => {
  if (!attendanceScope((user as Staff | undefined) ?? null)) return null
  const t = catalogue(localeOf(i18n?.language)).attendance.view
  return (
    <a className="nav__link" href={`${payload?.config.routes.admin ?? '/admin'}${ATTENDANCE_PATH}`} id="nav-attendance">
      <span className="nav__link-label">{t.navLink}</span>
    </a>
  )
}
