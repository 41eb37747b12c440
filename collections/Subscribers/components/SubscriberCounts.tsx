'use client'
import { useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

type Counts = {
  byStatus?: Record<string, number>
  systems: { id: number | string; name: string; confirmed: number; weeklyDigest: number }[]
}

/** Above the subscriber list: totals by status (each a link that filters the list) and the audience of each system. */
export const SubscriberCounts = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const [counts, setCounts] = useState<Counts | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetch('/api/subscribers/counts', { credentials: 'include' })
      .then(async (r) => (r.ok ? setCounts(await r.json()) : setError((await r.json()).error ?? t.countsError)))
      .catch(() => setError(t.countsUnavailable))
  }, [t])
  if (error) return <p role="alert">{error}</p>
  if (!counts) return <p>{t.counting}</p>
  return (
    <section aria-labelledby="subscriber-counts" style={{ margin: '0 0 1.5rem' }}>
      <h2 id="subscriber-counts" style={{ fontSize: '1.1rem' }}>
        {t.byStatus}
      </h2>
      <ul style={{ display: 'flex', gap: '1.5rem', listStyle: 'none', padding: 0, flexWrap: 'wrap' }}>
        {Object.entries(t.subscriberStatuses).map(([value, label]) => (
          <li key={value}>
            <a href={`?where[status][equals]=${value}`}>
              {label}: <strong>{counts.byStatus?.[value] ?? 0}</strong>
            </a>
          </li>
        ))}
        <li>
          <a href="?">{t.allStatuses}</a>
        </li>
      </ul>
      <h2 style={{ fontSize: '1.1rem' }}>{t.systemsAudience}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t.systemColumn}</th>
            <th scope="col">{t.subscribersColumn}</th>
            <th scope="col">{t.weeklyColumn}</th>
          </tr>
        </thead>
        <tbody>
          {counts.systems.map((s) => (
            <tr key={s.id}>
              <td>{s.name}</td>
              <td>{s.confirmed}</td>
              <td>{s.weeklyDigest}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
