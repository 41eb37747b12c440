'use client'
import { Link, useConfig, useTranslation } from '@payloadcms/ui'
import { usePathname } from 'next/navigation'
import { catalogue } from '../../shared/strings'
import { STAFF_AGENDA_PATH } from '../admin-paths'

/** After the admin's navigation links: the internal agenda, for every logged-in member of staff. */
export const StaffAgendaLink = () => {
  const { i18n } = useTranslation()
  const { config } = useConfig()
  const pathname = usePathname()
  const href = `${config.routes.admin}${STAFF_AGENDA_PATH}`
  const current = pathname === href
  return (
    <Link
      className="nav__link"
      href={href}
      id="nav-agenda-interna"
      prefetch={false}
      aria-current={current ? 'page' : undefined}
    >
      {current && <div className="nav__link-indicator" />}
      <span className="nav__link-label">{catalogue(i18n.language === 'en' ? 'en' : 'it').staffAgenda.navLink}</span>
    </Link>
  )
}
