import type { ServerComponentProps } from 'payload'
import { catalogue } from '../../../shared/strings'
import { SLUGS } from '../../slugs'
import { SyncNowClient } from './SyncNowClient'

type Props = Pick<ServerComponentProps, 'id' | 'payload' | 'req' | 'i18n'>

const when = (value: unknown) =>
  value
    ? new Intl.DateTimeFormat('it-IT', { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(
        new Date(value as string),
      )
    : ''

/**
 * In a source's sidebar: "Sincronizza ora" (it only queues the sync job) and the latest runs with their counts,
 * each a link to its per-item log. Runs are read with the viewer's own access.
 */
export const SyncNow = async ({ id, payload, req, i18n }: Props) => {
  const t = catalogue(i18n?.language === 'en' ? 'en' : 'it').imports
  if (id == null || !payload || !req?.user) return <p className="field-description">{t.admin.saveFirst}</p>
  const admin = payload.config.routes.admin
  const runs = await payload.find({
    collection: SLUGS.importRuns,
    where: { source: { equals: id } },
    sort: '-startedAt',
    limit: 5,
    depth: 0,
    select: { title: true, status: true, startedAt: true, summary: true, message: true },
    overrideAccess: false,
    user: req.user,
  })
  return (
    <section className="field-type import-runs" aria-labelledby="import-runs-title">
      <SyncNowClient endpoint={`${payload.config.routes.api}/${SLUGS.calendarSources}/${id}/sync`} t={t.admin} />
      <h2 id="import-runs-title" style={{ margin: '1rem 0 0.25rem', fontSize: '1rem' }}>
        {t.admin.runs}
      </h2>
      {runs.docs.length === 0 ? (
        <p>{t.admin.noRuns}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: '1.1rem' }}>
          {runs.docs.map((run) => (
            <li key={run.id}>
              <a href={`${admin}/collections/${SLUGS.importRuns}/${run.id}`}>
                {when(run.startedAt)} · {run.status ? t.runStatus[run.status] : ''}
              </a>
              {run.summary ? <div>{run.summary}</div> : null}
              {run.message ? <div>{run.message}</div> : null}
            </li>
          ))}
        </ul>
      )}
      <p style={{ margin: '0.5rem 0 0' }}>
        <a href={`${admin}/collections/${SLUGS.importRuns}?where[source][equals]=${id}`}>{t.admin.allRuns}</a>
      </p>
    </section>
  )
}
