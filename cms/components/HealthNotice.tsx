import type { ServerProps } from 'payload'
import { isNetworkAdmin, type Staff } from '../../collections/access/roles'
import { type AdminStrings, adminStrings } from '../../shared/strings'
import { checkHealth, type HealthReport } from '../health'

const when = (t: AdminStrings, iso: string) =>
  new Intl.DateTimeFormat(t.intlLocale, { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' }).format(
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

const Problems = ({ report, t }: { report: HealthReport; t: AdminStrings }) => (
  <ul style={{ margin: '0.5rem 0', paddingLeft: '1.25rem' }}>
    {report.checks.write === 'error' && <li>{t.noWrites}</li>}
    {report.checks.database === 'error' && <li>{t.noDatabase}</li>}
    {report.stuckQueues.map((q) => (
      <li key={q.queue}>
        {t.stuckQueue}
        <strong>{t.queues[q.queue] ?? q.queue}</strong>, {q.due} {t.jobsWaiting(q.due)} {t.since}{' '}
        {when(t, q.oldestDueAt)}.
      </li>
    ))}
    {report.stuckNewsletters.map((n) => (
      <li key={n.id}>
        {t.stuckNewsletter}{' '}
        <a href={`/admin/collections/newsletters/${n.id}`} style={{ color: 'inherit' }}>
          {n.subject || t.newsletterNumber(n.id)}
        </a>{' '}
        ({t.newsletterStatuses[n.status] ?? n.status} {t.since} {when(t, n.since)}).
      </li>
    ))}
  </ul>
)

/** Above the dashboard, for network admins only: what stopped, since when, and the last job error. */
export const HealthNotice = async ({ i18n, payload, user }: ServerProps) => {
  if (!payload || !isNetworkAdmin((user as Staff | undefined) ?? null)) return null
  const report = await checkHealth(payload)
  if (report.status === 'ok') return null
  const t = adminStrings(i18n?.language)
  return (
    <section role="alert" aria-labelledby="health-notice-title" style={box} data-testid="health-notice">
      <h2 id="health-notice-title" style={{ margin: 0, fontSize: '1.25rem', color: 'inherit' }}>
        {t.healthTitle}
      </h2>
      <Problems report={report} t={t} />
      {report.lastError && (
        <p style={{ margin: '0.5rem 0 0' }}>
          {t.lastError} ({report.lastError.task}, {when(t, report.lastError.at)}):{' '}
          <code style={{ color: 'inherit', background: 'transparent' }}>{report.lastError.message}</code>
        </p>
      )}
      <p style={{ margin: '0.5rem 0 0' }}>{t.healthFooter}</p>
    </section>
  )
}
