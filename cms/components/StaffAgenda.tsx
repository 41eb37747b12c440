import { DefaultTemplate } from '@payloadcms/next/templates'
import { Gutter, SetStepNav } from '@payloadcms/ui'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { isStaff } from '../../collections/access/staff-only'
import { type Catalogue, catalogue, type Locale } from '../../shared/strings'
import { STAFF_AGENDA_PATH } from '../admin-paths'
import { bookErrorText, type StaffDate, type StaffUser, staffAgenda } from '../registrations'

type Strings = Catalogue['staffAgenda']

const ZONE = 'Europe/Rome'
const dayOf = (iso: string, intl: string) =>
  new Intl.DateTimeFormat(intl, {
    timeZone: ZONE,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(new Date(iso))
const timeOf = (iso: string, intl: string) =>
  new Intl.DateTimeFormat(intl, { timeZone: ZONE, hour: '2-digit', minute: '2-digit' }).format(new Date(iso))

/** The message of an outcome code the endpoints send back (`?esito=…&n=…`); unknown codes show nothing. */
const outcomeOf = (locale: Locale, code: string | undefined, n: string | undefined) => {
  if (!code || !/^[a-zA-Z]{1,20}$/.test(code)) return null
  const t = catalogue(locale)
  if (code in t.staffAgenda.done) return { ok: true, text: t.staffAgenda.done[code as keyof Strings['done']] }
  if (code in t.staffAgenda.errors) return { ok: false, text: t.staffAgenda.errors[code as keyof Strings['errors']] }
  if (code in t.registrations.errors) {
    const arg = n && /^[\w-]{1,10}$/.test(n) ? (/^\d+$/.test(n) ? Number(n) : n) : undefined
    return { ok: false, text: bookErrorText(locale, code as keyof Catalogue['registrations']['errors'], arg) }
  }
  return null
}

const cell = { padding: '0.75rem 0.75rem 0.75rem 0', verticalAlign: 'top', textAlign: 'left' } as const
const line = { borderBottom: '1px solid var(--theme-elevation-150)' } as const
const muted = { margin: '0.25rem 0 0', color: 'var(--theme-elevation-800)' } as const

const Places = ({ date, t, r }: { date: StaffDate; t: Strings; r: Catalogue['registrations'] }) => {
  if (date.state === 'off') return <>{t.noRegistration}</>
  if (date.state === 'closed') return <>{r.closed}</>
  if (date.left == null) return <>{t.noLimit}</>
  if (date.state === 'open') return <>{r.placesLeft(date.left)}</>
  if (date.state === 'last') return <>{r.lastPlaces(date.left)}</>
  return <>{date.state === 'waiting' ? r.fullWaiting : r.full}</>
}

const Registration = ({ date, t, api }: { date: StaffDate; t: Strings; api: string }) => {
  const about = `evento-${date.key} data-${date.key}`
  if (date.mine) {
    const label = date.mine.status === 'confirmed' ? t.booked : date.mine.status === 'waiting' ? t.waiting : t.offered
    return (
      <>
        <p style={{ margin: 0 }}>
          <strong>{label}</strong> ({t.people(date.mine.people)})
        </p>
        <form method="post" action={`${api}/registrations/staff-cancel`} style={{ marginTop: '0.5rem' }}>
          <input type="hidden" name="registration" value={String(date.mine.id)} />
          <button type="submit" className="btn btn--style-secondary btn--size-small" aria-describedby={about}>
            {t.cancel}
          </button>
        </form>
      </>
    )
  }
  if (date.state !== 'open' && date.state !== 'last' && date.state !== 'waiting') return <>–</>
  const field = `colleghi-${date.key}`
  const max = Math.max(0, date.maxPerBooking - 1)
  return (
    <form method="post" action={`${api}/registrations/staff-book`}>
      <input type="hidden" name="event" value={String(date.event.id)} />
      <input type="hidden" name="start" value={date.start} />
      {max > 0 && (
        <p style={{ margin: '0 0 0.5rem' }}>
          <label htmlFor={field} style={{ display: 'block' }}>
            {t.colleagues}
          </label>
          <input
            id={field}
            name="colleagues"
            type="number"
            inputMode="numeric"
            min={0}
            max={max}
            defaultValue={0}
            aria-describedby={`${field}-aiuto`}
            style={{ width: '5rem', padding: '0.25rem 0.5rem' }}
          />
          <span id={`${field}-aiuto`} style={{ display: 'block', ...muted }}>
            {t.colleaguesHint(date.maxPerBooking)}
          </span>
        </p>
      )}
      <button type="submit" className="btn btn--style-primary btn--size-small" aria-describedby={about}>
        {t.book}
      </button>
    </form>
  )
}

/**
 * /admin/agenda-interna: the staff-only events of the whole network, for every member of staff, with their own
 * registration on each date. The forms POST to the registrations endpoints, which come back here with the outcome.
 */
export const StaffAgenda = async ({ initPageResult, params, searchParams }: AdminViewServerProps) => {
  const { req, permissions, locale, visibleEntities } = initPageResult
  const adminRoute = req.payload.config.routes.admin
  // Custom views are served without the admin's own login check.
  if (!req.user) redirect(`${adminRoute}/login?redirect=${encodeURIComponent(`${adminRoute}${STAFF_AGENDA_PATH}`)}`)
  const language: Locale = req.i18n?.language === 'en' ? 'en' : 'it'
  const all = catalogue(language)
  const t = all.staffAgenda
  const intl = all.admin.intlLocale
  const user = req.user as unknown as StaffUser
  const staff = isStaff(user)
  const dates = staff ? await staffAgenda(req.payload, user) : []
  const one = (v: unknown) => (Array.isArray(v) ? v[0] : v) as string | undefined
  const outcome = staff ? outcomeOf(language, one(searchParams?.esito), one(searchParams?.n)) : null
  const api = req.payload.config.routes.api

  return (
    <DefaultTemplate
      i18n={req.i18n}
      locale={locale}
      params={params}
      payload={req.payload}
      permissions={permissions}
      req={req}
      searchParams={searchParams}
      user={req.user}
      visibleEntities={{ collections: visibleEntities?.collections, globals: visibleEntities?.globals }}
    >
      <SetStepNav nav={[{ label: t.title }]} />
      <Gutter>
        <main id="agenda-interna" style={{ padding: '2rem 0 4rem', maxWidth: '90rem' }}>
          <h1 style={{ marginBottom: '0.5rem' }}>{t.title}</h1>
          <p style={{ maxWidth: '48rem' }}>{t.intro}</p>
          {!staff && <p role="alert">{t.errors.forbidden}</p>}
          {outcome && (
            <div
              id="esito"
              role={outcome.ok ? 'status' : 'alert'}
              tabIndex={-1}
              style={{
                margin: '1rem 0',
                padding: '0.75rem 1rem',
                borderLeft: `6px solid ${outcome.ok ? '#1a7f37' : '#b00020'}`,
                background: 'var(--theme-elevation-50)',
              }}
            >
              {!outcome.ok && <strong style={{ display: 'block' }}>{t.errorTitle}</strong>}
              {outcome.text}
            </div>
          )}
          {staff && dates.length === 0 && <p>{t.empty}</p>}
          {dates.length > 0 && (
            <div style={{ overflowX: 'auto' }}>
              <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: '1rem' }}>
                <caption style={{ textAlign: 'left', fontWeight: 600, padding: '0.5rem 0' }}>{t.caption}</caption>
                <thead>
                  <tr style={line}>
                    {(['date', 'time', 'event', 'place', 'organiser', 'places', 'registration'] as const).map((c) => (
                      <th key={c} scope="col" style={cell}>
                        {t.columns[c]}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {dates.map((date) => (
                    <tr key={date.key} style={line}>
                      <th scope="row" id={`data-${date.key}`} style={{ ...cell, fontWeight: 600 }}>
                        <time dateTime={date.start}>{dayOf(date.start, intl)}</time>
                      </th>
                      <td style={cell}>
                        {date.allDay ? t.allDay : `${timeOf(date.start, intl)}–${timeOf(date.end, intl)}`}
                      </td>
                      <td style={cell}>
                        <span id={`evento-${date.key}`}>{date.event.title}</span>
                        {date.status && date.status !== 'scheduled' && (
                          <strong style={{ display: 'block' }}>{all.site.statusLabels[date.status]}</strong>
                        )}
                      </td>
                      <td style={cell}>{date.place ?? '–'}</td>
                      <td style={cell}>
                        {date.system ?? '–'}
                        {date.library && <span style={{ display: 'block', ...muted }}>{date.library}</span>}
                      </td>
                      <td style={cell}>
                        <Places date={date} t={t} r={all.registrations} />
                      </td>
                      <td style={cell}>
                        <Registration date={date} t={t} api={api} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </main>
      </Gutter>
    </DefaultTemplate>
  )
}
