import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { catalogue } from '../../../shared/strings'
import { reportScope } from '../../reports'
import { Frame } from '../desk/Frame'
import { localeOf } from '../desk/strings'
import { ANNUAL_REPORT_PATH } from './paths'

const YEARS_BACK = 6

/**
 * /admin/riepilogo-annuale: the yearly per-library summary (ISTAT, Regione) of the caller's library, system or
 * network, downloaded by a plain GET form (works without JavaScript): the year (last year by default: the
 * surveys ask for a complete year) and CSV or XLSX.
 */
export const AnnualReport = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const admin = req.payload.config.routes.admin
  if (!req.user) redirect(`${admin}/login?redirect=${encodeURIComponent(`${admin}${ANNUAL_REPORT_PATH}`)}`)
  const c = catalogue(localeOf(req.i18n?.language))
  const t = c.reports.admin
  const steps = [{ label: t.annual }]
  if (!reportScope(staffOf(req)))
    return (
      <Frame props={props} steps={steps}>
        <h1>{t.annual}</h1>
        <p role="alert" className="desk-notice desk-notice--error">
          {c.reports.errors.forbidden}
        </p>
      </Frame>
    )
  const current = new Date().getFullYear()
  const years = Array.from({ length: YEARS_BACK }, (_, i) => current - i)
  return (
    <Frame props={props} steps={steps}>
      <h1>{t.annual}</h1>
      <p>{t.annualHint}</p>
      <form method="get" action={`${req.payload.config.routes.api}/reports/annual`} className="report-form">
        <p>
          <label htmlFor="report-year">{t.year}</label>{' '}
          <select id="report-year" name="year" defaultValue={String(current - 1)}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </p>
        <fieldset>
          <legend>{c.reports.admin.download}</legend>
          <label>
            <input type="radio" name="format" value="xlsx" defaultChecked /> {t.xlsx}
          </label>{' '}
          <label>
            <input type="radio" name="format" value="csv" /> {t.csv}
          </label>
        </fieldset>
        <p>
          <button type="submit" className="btn btn--style-primary" id="report-download">
            {t.download}
          </button>
        </p>
      </form>
    </Frame>
  )
}
