import type { ServerComponentProps } from 'payload'
import { catalogue } from '../../../shared/strings'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req' | 'i18n'>

/**
 * In a campaign's sidebar: "Esporta per il Maggio dei Libri", the campaign's activities in the shape the
 * registration asks for, as CSV or XLSX. Links, not a form: the edit view is already a form. The endpoint gives
 * each member of staff only their own system's or library's activities.
 */
export const MaggioExport = ({ id, payload, req, i18n }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const t = catalogue(i18n?.language === 'en' ? 'en' : 'it').reports.admin
  const href = (format: 'csv' | 'xlsx') =>
    `${payload.config.routes.api}/reports/maggio-dei-libri?campaign=${encodeURIComponent(String(id))}&format=${format}`
  return (
    <section className="field-type report-links" aria-labelledby="maggio-export-title">
      <h3 id="maggio-export-title" style={{ margin: '0 0 0.25rem', fontSize: '1rem' }}>
        {t.maggio}
      </h3>
      <p style={{ margin: '0 0 0.5rem' }}>{t.maggioHint}</p>
      <p style={{ display: 'flex', gap: '1rem', margin: 0 }}>
        <a href={href('csv')} download id="maggio-export-csv">
          {t.maggio} ({t.csv})
        </a>
        <a href={href('xlsx')} download id="maggio-export-xlsx">
          {t.maggio} ({t.xlsx})
        </a>
      </p>
    </section>
  )
}
