import type { ServerComponentProps } from 'payload'
import type { ImportRun } from '../../../cms/payload-types'
import { catalogue } from '../../../shared/strings'
import { IMPORT_OUTCOMES } from '../../enums'
import { SLUGS } from '../../slugs'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req' | 'i18n'>

const when = (value: unknown) =>
  value
    ? new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
        new Date(value as string),
      )
    : ''

/** A run's page: its counts and one row per item with what the sync did and why, read with the viewer's access. */
export const RunLog = async ({ id, payload, req, i18n }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const t = catalogue(i18n?.language === 'en' ? 'en' : 'it').imports
  const run = (await payload
    .findByID({ collection: SLUGS.importRuns, id, depth: 0, overrideAccess: false, user: req.user })
    .catch(() => null)) as ImportRun | null
  if (!run) return null
  const admin = payload.config.routes.admin
  const counts = IMPORT_OUTCOMES.filter((o) => (run.counts?.[o] ?? 0) > 0)
  return (
    <section className="field-type import-run-log" aria-labelledby="import-run-log-title">
      <h2 id="import-run-log-title" style={{ fontSize: '1.25rem', margin: '0 0 0.5rem' }}>
        {run.status ? t.runStatus[run.status] : ''} · {when(run.startedAt)}
      </h2>
      {run.message ? <p role="alert">{run.message}</p> : null}
      {counts.length ? (
        <ul style={{ display: 'flex', gap: '1.5rem', listStyle: 'none', padding: 0, flexWrap: 'wrap' }}>
          {counts.map((o) => (
            <li key={o}>
              {t.outcomes[o]}: <strong>{run.counts?.[o]}</strong>
            </li>
          ))}
        </ul>
      ) : null}
      {run.notes ? <p style={{ whiteSpace: 'pre-line' }}>{run.notes}</p> : null}
      {run.items?.length ? (
        <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'left' }}>
          <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0.5rem 0' }}>{t.admin.items}</caption>
          <thead>
            <tr>
              <th scope="col">{t.admin.outcome}</th>
              <th scope="col">{t.admin.title}</th>
              <th scope="col">{t.admin.start}</th>
              <th scope="col">{t.admin.reason}</th>
            </tr>
          </thead>
          <tbody>
            {run.items.map((item) => (
              <tr key={item.id ?? `${item.uid}-${item.title}`}>
                <td>{t.outcomes[item.outcome]}</td>
                <td>
                  {item.event ? (
                    <a href={`${admin}/collections/${SLUGS.events}/${item.event}`}>{item.title}</a>
                  ) : (
                    item.title
                  )}
                </td>
                <td>{when(item.start)}</td>
                <td>{item.reason ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
