'use client'
import { useEffect, useState } from 'react'

type Counts = {
  byStatus?: Record<string, number>
  systems: { id: number | string; name: string; confirmed: number; weeklyDigest: number }[]
}

const STATUS = [
  ['unconfirmed', 'Da confermare'],
  ['confirmed', 'Iscritti'],
  ['unsubscribed', 'Disiscritti'],
  ['bounced', 'Indirizzi non validi'],
] as const

/** Above the subscriber list: totals by status (each a link that filters the list) and the audience of each system. */
export const SubscriberCounts = () => {
  const [counts, setCounts] = useState<Counts | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    fetch('/api/subscribers/counts', { credentials: 'include' })
      .then(async (r) => (r.ok ? setCounts(await r.json()) : setError((await r.json()).error ?? 'Errore')))
      .catch(() => setError('Conteggi non disponibili.'))
  }, [])
  if (error) return <p role="alert">{error}</p>
  if (!counts) return <p>Conteggio degli iscritti…</p>
  return (
    <section aria-labelledby="subscriber-counts" style={{ margin: '0 0 1.5rem' }}>
      <h2 id="subscriber-counts" style={{ fontSize: '1.1rem' }}>
        Iscritti per stato
      </h2>
      <ul style={{ display: 'flex', gap: '1.5rem', listStyle: 'none', padding: 0, flexWrap: 'wrap' }}>
        {STATUS.map(([value, label]) => (
          <li key={value}>
            <a href={`?where[status][equals]=${value}`}>
              {label}: <strong>{counts.byStatus?.[value] ?? 0}</strong>
            </a>
          </li>
        ))}
        <li>
          <a href="?">Tutti</a>
        </li>
      </ul>
      <h2 style={{ fontSize: '1.1rem' }}>Pubblico di ogni sistema (iscritti confermati)</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Sistema</th>
            <th scope="col">Iscritti</th>
            <th scope="col">Newsletter settimanale</th>
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
