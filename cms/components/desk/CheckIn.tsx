import type { AdminViewServerProps } from 'payload'
import { AGE_BANDS } from '../../../collections/enums'
import { checkInLookup, deskMessage, noticeFrom } from '../../registrations'
import { deskGate, Frame, Notice, one, type Query, Refused } from './Frame'
import { hour, longDay, romeDay } from './format'
import { deskStrings, localeOf } from './strings'

/**
 * /admin/iscrizioni/arrivo?t=…: the page the QR code of a confirmation opens on a librarian's phone. It shows
 * the booking (name, people, date) and one big button that records the arrival (a POST: opening the page
 * changes nothing). Not logged in: the admin's login, then back here.
 */
export const CheckIn = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const locale = localeOf(req.i18n?.language)
  const t = deskStrings(locale)
  const admin = req.payload.config.routes.admin
  const api = req.payload.config.routes.api
  const query = (props.searchParams ?? {}) as Query
  const token = one(query, 't') ?? ''
  const steps = [{ label: t.indexTitle, url: `${admin}/iscrizioni` }, { label: t.checkInTitle }]
  const gate = await deskGate(props, '/iscrizioni/arrivo')
  if (!gate.ok)
    return (
      <Frame props={props} steps={steps} className="desk desk-checkin">
        <Refused t={t} message={gate.message} />
      </Frame>
    )
  const found = await checkInLookup(req.payload, gate.scope, token)
  const notice = noticeFrom(query)
  const message = notice ? deskMessage(locale, notice) : null
  if (!found.ok)
    return (
      <Frame props={props} steps={steps} className="desk desk-checkin">
        <h1>{t.checkInTitle}</h1>
        <p role="alert" className="desk-notice desk-notice--error">
          {deskMessage(locale, found.notice) ?? found.message}
        </p>
      </Frame>
    )
  const b = found.booking
  const party = [
    t.adults(b.adults),
    ...AGE_BANDS.filter((band) => b.bands[band]).map((band) => `${t.reg.ageBands[band]}: ${b.bands[band]}`),
  ].join(' · ')
  const today = romeDay(new Date()) === romeDay(new Date(b.start))
  const sheet = `${admin}/iscrizioni/${b.event.id}/${b.start}`
  return (
    <Frame props={props} steps={steps} className="desk desk-checkin">
      <h1>{t.checkInTitle}</h1>
      <Notice text={message} error={notice != null && notice.kind !== 'done'} />
      <div className="desk-card">
        <p className="desk-name">{b.name}</p>
        <p>
          <strong>{t.people(b.people)}</strong> ({party})
        </p>
        <p>{b.event.title}</p>
        <p>
          {longDay(locale, b.start)}, {hour(locale, b.start)}
        </p>
        <p>
          <span className={`desk-tag desk-tag--${b.status}`}>{t.reg.statuses[b.status]}</span>
        </p>
      </div>
      {!today && b.status === 'confirmed' && (
        <p role="note" className="desk-notice">
          {t.checkInNotToday(longDay(locale, b.start))}
        </p>
      )}
      {b.status === 'confirmed' ? (
        <form method="post" action={`${api}/registrations/check-in`}>
          <input type="hidden" name="t" value={token} />
          <button type="submit" className="desk-primary desk-big">
            {t.checkInSubmit}
          </button>
        </form>
      ) : b.status === 'attended' ? (
        !message && (
          <p className="desk-notice desk-notice--done">{t.checkInAlready(hour(locale, b.checkedInAt ?? b.start))}</p>
        )
      ) : (
        <p role="alert" className="desk-notice desk-notice--error">
          {b.status === 'cancelled' ? t.errors.cancelledBooking : t.errors.notConfirmed(t.reg.statuses[b.status])}
        </p>
      )}
      <p>
        <a href={sheet}>{t.openSheet}</a>
      </p>
    </Frame>
  )
}
