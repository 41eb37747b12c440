'use client'
import { useState } from 'react'
import type { Catalogue } from '../../../shared/strings'

type Props = { endpoint: string; funder: string; from: string; to: string; t: Catalogue['reports']['admin'] }

/** The period's two days and the two download links, which follow the days as they are typed. */
export const FunderReportClient = ({ endpoint, funder, from: initialFrom, to: initialTo, t }: Props) => {
  const [from, setFrom] = useState(initialFrom)
  const [to, setTo] = useState(initialTo)
  const href = (format: 'csv' | 'xlsx') => `${endpoint}?${new URLSearchParams({ funder, from, to, format }).toString()}`
  return (
    <section className="field-type report-links" aria-labelledby="funder-report-title">
      <h3 id="funder-report-title" style={{ margin: '0 0 0.25rem', fontSize: '1rem' }}>
        {t.funder}
      </h3>
      <p style={{ margin: '0 0 0.5rem' }}>{t.funderHint}</p>
      <p style={{ display: 'flex', gap: '1rem', flexWrap: 'wrap', margin: '0 0 0.5rem' }}>
        <label>
          {t.from} <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} id="funder-report-from" />
        </label>
        <label>
          {t.to} <input type="date" value={to} onChange={(e) => setTo(e.target.value)} id="funder-report-to" />
        </label>
      </p>
      <p style={{ display: 'flex', gap: '1rem', margin: 0 }}>
        <a href={href('csv')} download id="funder-report-csv">
          {t.funder} ({t.csv})
        </a>
        <a href={href('xlsx')} download id="funder-report-xlsx">
          {t.funder} ({t.xlsx})
        </a>
      </p>
    </section>
  )
}
