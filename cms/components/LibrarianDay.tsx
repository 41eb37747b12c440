import type { ServerProps } from 'payload'
import type { Staff } from '../../collections/access/roles'
import { TIME_ZONE } from '../../collections/enums'
import { NEWSLETTER_STATUS_LABELS, type NewsletterStatus } from '../../collections/Newsletters/hooks/guardStatus'
import { type AdminStrings, adminStrings, catalogue } from '../../shared/strings'
import { ATTENDANCE_PATH, STAFF_AGENDA_PATH } from '../admin-paths'
import { type LibrarianDay as Day, type DayChange, librarianDay } from '../dashboard'

const card = {
  padding: '1rem 1.25rem',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 'var(--style-radius-m)',
  background: 'var(--theme-elevation-0)',
} as const
const list = { margin: '0.5rem 0 0', padding: 0, listStyle: 'none' } as const
const item = { padding: '0.4rem 0', borderTop: '1px solid var(--theme-elevation-100)' } as const
const muted = { color: 'var(--theme-elevation-800)' } as const

const when = (t: AdminStrings, iso: string) =>
  new Intl.DateTimeFormat(t.intlLocale, {
    timeZone: TIME_ZONE,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))

const Section = ({
  id,
  title,
  empty,
  children,
}: {
  id: string
  title: string
  empty?: string | null
  children: React.ReactNode
}) => (
  <section aria-labelledby={id} style={card}>
    <h2 id={id} style={{ margin: 0, fontSize: '1.1rem' }}>
      {title}
    </h2>
    {empty ? <p style={{ margin: '0.5rem 0 0', ...muted }}>{empty}</p> : children}
  </section>
)

const changeText = (t: AdminStrings, c: DayChange, statusLabels: Record<string, string>) => {
  if (c.status && c.status !== 'scheduled') return statusLabels[c.status] ?? c.status
  if (c.start) return t.dayMovedTo(when(t, c.start))
  return c.note ?? ''
}

/**
 * Above the dashboard: the librarian's day, within their reach (their library, their system or the network):
 * what waits for review, their next dates, drafts, dates that changed, the latest newsletter and the actions
 * that start most days. Network admins keep the health notice above it.
 */
export const LibrarianDay = async ({ i18n, payload, user }: ServerProps) => {
  if (!payload || !user) return null
  const t = adminStrings(i18n?.language)
  const statusLabels = catalogue(i18n?.language === 'en' ? 'en' : 'it').site.statusLabels as Record<string, string>
  const att = catalogue(i18n?.language === 'en' ? 'en' : 'it').attendance.view
  const day: Day = await librarianDay(payload, user as unknown as Staff)
  const admin = payload.config.routes.admin
  const edit = (id: number | string) => `${admin}/collections/events/${id}`
  const actions = [
    { href: `${admin}/collections/events/create`, label: t.dayNewEvent },
    { href: `${admin}/collections/events`, label: t.dayEventsList },
    { href: `${admin}${STAFF_AGENDA_PATH}`, label: t.dayStaffAgenda },
    ...(day.canWriteNewsletters
      ? [{ href: `${admin}/collections/newsletters/create`, label: t.dayNewNewsletter }]
      : []),
  ]
  const heading = day.scope.kind === 'network' ? t.dayTitleNetwork : t.dayTitleOf(day.scope.name ?? t.dayTitleNetwork)
  return (
    <div data-testid="librarian-day" style={{ margin: '0 0 2rem' }}>
      <h2 style={{ margin: '0 0 0.25rem', fontSize: '1.5rem' }} id="day-title">
        {heading}
      </h2>
      <nav aria-label={t.dayActions} style={{ margin: '0.75rem 0 1.25rem' }}>
        <ul style={{ display: 'flex', flexWrap: 'wrap', gap: '0.5rem', margin: 0, padding: 0, listStyle: 'none' }}>
          {actions.map((a, i) => (
            <li key={a.href}>
              <a
                href={a.href}
                className={`btn btn--size-medium ${i === 0 ? 'btn--style-primary' : 'btn--style-secondary'}`}
                style={{ margin: 0 }}
              >
                {a.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div style={{ display: 'grid', gap: '1rem', gridTemplateColumns: 'repeat(auto-fit, minmax(18rem, 1fr))' }}>
        <Section id="day-review" title={t.dayToReview} empty={day.toReview.length ? null : t.dayNothingToReview}>
          <ul style={list}>
            {day.toReview.map((e) => (
              <li key={e.id} style={item}>
                <a href={edit(e.id)}>{e.title}</a>
                {e.library && <span style={muted}> · {e.library}</span>}
              </li>
            ))}
          </ul>
        </Section>
        <Section id="day-next" title={t.dayNext} empty={day.next.length ? null : t.dayNoNext}>
          <ul style={list}>
            {day.next.map((d) => (
              <li key={`${d.eventId}-${d.start}`} style={item}>
                <span style={muted}>{when(t, d.start)}</span>
                <br />
                <a href={edit(d.eventId)}>{d.title}</a>
                {d.library && <span style={muted}> · {d.library}</span>}
              </li>
            ))}
          </ul>
        </Section>
        <Section id="day-drafts" title={t.dayDrafts} empty={day.drafts.length ? null : t.dayNoDrafts}>
          <ul style={list}>
            {day.drafts.map((e) => (
              <li key={e.id} style={item}>
                <a href={edit(e.id)}>{e.title}</a>
                {e.library && <span style={muted}> · {e.library}</span>}
              </li>
            ))}
          </ul>
        </Section>
        <Section id="day-changes" title={t.dayChanges} empty={day.changes.length ? null : t.dayNoChanges}>
          <ul style={list}>
            {day.changes.map((c) => (
              <li key={`${c.eventId}-${c.originalStart}`} style={item}>
                <span style={muted}>{when(t, c.originalStart)}</span>
                <br />
                <a href={edit(c.eventId)}>{c.title}</a>: {changeText(t, c, statusLabels)}
              </li>
            ))}
          </ul>
        </Section>
        {day.attendanceWaiting != null ? (
          <Section id="day-attendance" title={att.dashboardTitle}>
            <p style={{ margin: '0.5rem 0 0' }}>
              {day.attendanceWaiting ? att.dashboardCount(day.attendanceWaiting) : att.dashboardNone}
              {day.attendanceWaiting ? (
                <>
                  <br />
                  <a href={`${admin}${ATTENDANCE_PATH}`}>{att.dashboardLink}</a>
                </>
              ) : null}
            </p>
          </Section>
        ) : null}
        {day.canWriteNewsletters || day.newsletter ? (
          <Section id="day-newsletter" title={t.dayNewsletter} empty={day.newsletter ? null : t.dayNoNewsletter}>
            {day.newsletter && (
              <p style={{ margin: '0.5rem 0 0' }}>
                <a href={`${admin}/collections/newsletters/${day.newsletter.id}`}>{day.newsletter.subject}</a>
                <br />
                <span style={muted}>
                  {NEWSLETTER_STATUS_LABELS[day.newsletter.status as NewsletterStatus] ?? day.newsletter.status}
                  {day.newsletter.scheduledAt ? ` · ${when(t, day.newsletter.scheduledAt)}` : ''}
                </span>
              </p>
            )}
          </Section>
        ) : null}
      </div>
    </div>
  )
}
