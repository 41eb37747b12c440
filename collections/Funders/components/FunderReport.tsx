import type { ServerComponentProps } from 'payload'
import { catalogue } from '../../../shared/strings'
import { FunderReportClient } from './FunderReportClient'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req' | 'i18n'>

/**
 * In a funder's sidebar: "Rendicontazione", every activity it supported in a period (this year unless changed),
 * as CSV or XLSX. The endpoint gives each member of staff only their own system's or library's dates.
 */
export const FunderReport = ({ id, payload, req, i18n }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const t = catalogue(i18n?.language === 'en' ? 'en' : 'it').reports.admin
  const year = new Date().getFullYear()
  return (
    <FunderReportClient
      endpoint={`${payload.config.routes.api}/reports/funder`}
      funder={String(id)}
      from={`${year}-01-01`}
      to={`${year}-12-31`}
      t={t}
    />
  )
}
