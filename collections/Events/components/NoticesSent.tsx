import type { ServerComponentProps } from 'payload'
import type { Notice } from '../../../cms/payload-types'
import { catalogue } from '../../../shared/strings'
import { SLUGS } from '../../slugs'

type Props = Pick<ServerComponentProps, 'id' | 'i18n' | 'payload' | 'req'>

const LATEST = 3

/**
 * In the event's sidebar: the latest change notices sent to the people booked on its dates ("Avviso inviato
 * a 12 persone il 3 dic alle 10:14"), read with the viewer's own access. Nothing when there are none.
 */
export const NoticesSent = async ({ id, i18n, payload, req }: Props) => {
  if (id == null || !payload || !req?.user) return null
  const language = i18n?.language === 'en' ? 'en' : 'it'
  const t = catalogue(language).bookingNotices
  const intl = catalogue(language).admin.intlLocale
  const { docs } = await payload.find({
    collection: SLUGS.notices,
    where: { event: { equals: id } },
    sort: '-createdAt',
    limit: LATEST,
    depth: 0,
    overrideAccess: false,
    user: req.user,
  })
  if (!docs.length) return null
  const format = (iso: string, options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(intl, { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))
  const at = (iso: string) =>
    `${format(iso, { day: 'numeric', month: 'short' })} ${t.adminAt} ${format(iso, { hour: '2-digit', minute: '2-digit' })}`
  return (
    <section aria-labelledby="notices-sent-title" data-testid="notices-sent" style={{ margin: '1.5rem 0' }}>
      <h2 id="notices-sent-title" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        {t.adminHeading}
      </h2>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {(docs as Notice[]).map((n) => (
          <li key={n.id} style={{ margin: '0 0 0.75rem' }}>
            <a href={`/admin/collections/${SLUGS.notices}/${n.id}`}>
              <strong>{t.kinds[n.kind] ?? n.kind}</strong>
            </a>
            {n.start ? (
              <> · {format(n.start, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}</>
            ) : null}
            <br />
            {n.completedAt
              ? t.adminSentTo(n.sent ?? 0, at(n.completedAt))
              : t.adminSending(n.sent ?? 0, n.recipients ?? 0)}
            {n.failed ? (
              <>
                <br />
                {t.adminFailed(n.failed)}
              </>
            ) : null}
            {n.noEmail ? (
              <>
                <br />
                {t.adminNoEmail(n.noEmail)}
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <a href={`/admin/collections/${SLUGS.notices}?where[event][equals]=${encodeURIComponent(String(id))}`}>
        {t.adminAll}
      </a>
    </section>
  )
}
