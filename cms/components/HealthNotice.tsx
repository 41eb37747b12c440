import type { ServerProps } from 'payload'
import { isNetworkAdmin, type Staff } from '../../collections/access/roles'
import { checkHealth, type HealthReport } from '../health'

const QUEUE_LABELS: Record<string, string> = {
  default: 'Attività pianificate (pubblicazioni, date ricorrenti)',
  mail: 'Email di servizio (conferme, avvisi, recupero password)',
  newsletter: 'Newsletter (invii e settimanale)',
}

const STATUS_LABELS: Record<string, string> = { sending: 'In invio', scheduled: 'Programmata' }

const when = (iso: string) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  )

const box = {
  margin: '0 0 1.5rem',
  padding: '1rem 1.25rem',
  border: '2px solid #b00020',
  borderLeftWidth: '8px',
  borderRadius: '4px',
  background: '#fdecea',
  color: '#4a0010',
} as const

const Problems = ({ report }: { report: HealthReport }) => (
  <ul style={{ margin: '0.5rem 0', paddingLeft: '1.25rem' }}>
    {report.checks.write === 'error' && <li>Il database non accetta scritture: i salvataggi non vanno a buon fine.</li>}
    {report.checks.database === 'error' && <li>Il database non risponde.</li>}
    {report.stuckQueues.map((q) => (
      <li key={q.queue}>
        Coda ferma: <strong>{QUEUE_LABELS[q.queue] ?? q.queue}</strong>, {q.due}{' '}
        {q.due === 1 ? 'lavoro in attesa' : 'lavori in attesa'} dal {when(q.oldestDueAt)}.
      </li>
    ))}
    {report.stuckNewsletters.map((n) => (
      <li key={n.id}>
        Newsletter senza avanzamenti da più di 5 minuti:{' '}
        <a href={`/admin/collections/newsletters/${n.id}`} style={{ color: 'inherit' }}>
          {n.subject || `n. ${n.id}`}
        </a>{' '}
        ({STATUS_LABELS[n.status] ?? n.status} dal {when(n.since)}).
      </li>
    ))}
  </ul>
)

/** Above the dashboard, for network admins only: what stopped, since when, and the last job error. */
export const HealthNotice = async ({ payload, user }: ServerProps) => {
  if (!payload || !isNetworkAdmin((user as Staff | undefined) ?? null)) return null
  const report = await checkHealth(payload)
  if (report.status === 'ok') return null
  return (
    <section role="alert" aria-labelledby="health-notice-title" style={box} data-testid="health-notice">
      <h2 id="health-notice-title" style={{ margin: 0, fontSize: '1.25rem', color: 'inherit' }}>
        Attenzione: la piattaforma non sta lavorando come dovrebbe
      </h2>
      <Problems report={report} />
      {report.lastError && (
        <p style={{ margin: '0.5rem 0 0' }}>
          Ultimo errore ({report.lastError.task}, {when(report.lastError.at)}):{' '}
          <code style={{ color: 'inherit', background: 'transparent' }}>{report.lastError.message}</code>
        </p>
      )}
      <p style={{ margin: '0.5rem 0 0' }}>
        I messaggi in attesa partiranno appena il problema è risolto. Chi gestisce il server trova i passi da seguire
        nel manuale operativo (sezione «Salute della piattaforma»).
      </p>
    </section>
  )
}
