import type { AdminViewServerProps } from 'payload'
import { AGE_BANDS, type AgeBand } from '../../../collections/enums'
import {
  type BandCounts,
  type DeskBooking,
  dateSheet,
  deskMessage,
  listExports,
  noticeFrom,
  type DateSheet as Sheet,
} from '../../registrations'
import { deskGate, Frame, Notice, one, type Query, Refused } from './Frame'
import { hour, longDay, shortWhen, stamp } from './format'
import { type DeskStrings, deskStrings, localeOf } from './strings'

type Locale = 'it' | 'en'

const Hidden = ({ sheet }: { sheet: Sheet }) => (
  <>
    <input type="hidden" name="event" value={String(sheet.event.id)} />
    <input type="hidden" name="start" value={sheet.start} />
  </>
)

/** "1 adulto · 3–5 anni: 2" */
const partyOf = (t: DeskStrings, adults: number, bands: BandCounts) =>
  [t.adults(adults), ...AGE_BANDS.filter((b) => bands[b]).map((b) => `${t.reg.ageBands[b]}: ${bands[b]}`)].join(' · ')

const nameOf = (t: DeskStrings, b: DeskBooking) => (b.purged ? t.purged : (b.name ?? ''))

const Counts = ({ sheet, t }: { sheet: Sheet; t: DeskStrings }) => {
  const p = sheet.counts.people
  const n = sheet.counts.bookings
  const c = t.columns
  const item = (label: string, value: string | number, detail?: string) => (
    <div>
      <dt>{label}</dt>
      <dd>
        {value}
        {detail && <span>{detail}</span>}
      </dd>
    </div>
  )
  return (
    <dl className="desk-counts">
      {item(c.places, sheet.capacity ?? t.unlimited)}
      {item(c.confirmed, p.confirmed + p.attended, t.bookingsCount(n.confirmed + n.attended))}
      {item(c.attended, p.attended, t.bookingsCount(n.attended))}
      {item(c.waiting, p.waiting, t.bookingsCount(n.waiting))}
      {p.offered > 0 && item(c.offered, p.offered, t.bookingsCount(n.offered))}
      {item(c.cancelled, p.cancelled, t.bookingsCount(n.cancelled))}
      {item(c.left, sheet.left ?? t.unlimited)}
    </dl>
  )
}

const StatusAction = ({ b, sheet, t, api }: { b: DeskBooking; sheet: Sheet; t: DeskStrings; api: string }) => {
  const name = nameOf(t, b)
  const fits = b.status === 'offered' || sheet.left == null || sheet.left >= b.people
  return (
    <form method="post" action={`${api}/registrations/desk/status`} className="desk-inline">
      <Hidden sheet={sheet} />
      <input type="hidden" name="id" value={String(b.id)} />
      <input type="hidden" name="action" value="confirm" />
      {!fits && <input type="hidden" name="force" value="1" />}
      <button
        type="submit"
        className="desk-small"
        aria-label={fits ? t.confirmOf(name) : t.confirmOverOf(name)}
        aria-describedby={fits ? undefined : `desk-over-${b.id}`}
      >
        {fits ? t.confirm : t.confirmOver}
      </button>
      {!fits && (
        <span id={`desk-over-${b.id}`} className="desk-hint">
          {t.overHint(b.people, sheet.left ?? 0)}
        </span>
      )}
    </form>
  )
}

const BookingRow = ({
  b,
  sheet,
  t,
  locale,
  api,
  here,
  answered,
  ended,
}: {
  b: DeskBooking
  sheet: Sheet
  t: DeskStrings
  locale: Locale
  api: string
  here: string
  answered: boolean
  ended: boolean
}) => {
  const name = nameOf(t, b)
  const tickable = b.status === 'confirmed' || b.status === 'attended'
  const cancellable = !ended && !b.purged && ['confirmed', 'waiting', 'offered'].includes(b.status)
  return (
    <tr>
      <td>
        {tickable && (
          <input
            type="checkbox"
            name="arrived"
            value={String(b.id)}
            form="desk-arrivals"
            defaultChecked={b.status === 'attended'}
            aria-label={t.arrivedBox(name)}
          />
        )}
      </td>
      <th scope="row">{name}</th>
      <td>
        {b.phone && (
          <span style={{ display: 'block' }}>
            <a href={`tel:${b.phone.replace(/[^\d+]/g, '')}`}>{b.phone}</a>
          </span>
        )}
        {b.email && <span style={{ display: 'block', wordBreak: 'break-all' }}>{b.email}</span>}
      </td>
      <td>
        <strong>{t.people(b.people)}</strong>
        <span className="desk-hint">{partyOf(t, b.adults, b.bands)}</span>
      </td>
      <td>
        <span className={`desk-tag desk-tag--${b.status}`}>{t.reg.statuses[b.status] ?? b.status}</span>
        {b.status === 'attended' && b.checkedInAt && (
          <span className="desk-hint">{t.arrivedAt(hour(locale, b.checkedInAt))}</span>
        )}
        {b.status === 'offered' && b.offerExpiresAt && (
          <span className="desk-hint">{t.offerUntil(shortWhen(locale, b.offerExpiresAt))}</span>
        )}
      </td>
      <td>{t.reg.sources[b.source] ?? b.source}</td>
      <td>{stamp(locale, b.createdAt)}</td>
      {answered && <td style={{ whiteSpace: 'pre-line' }}>{b.answer ?? ''}</td>}
      <td>
        <div className="desk-actions">
          {(b.status === 'waiting' || b.status === 'offered') && <StatusAction b={b} sheet={sheet} t={t} api={api} />}
          {cancellable && (
            <a
              className="desk-button desk-small"
              href={`${here}?annulla=${b.id}#conferma`}
              aria-label={t.cancelOf(name)}
            >
              {t.cancel}
            </a>
          )}
        </div>
      </td>
    </tr>
  )
}

const CancelPanel = ({
  b,
  sheet,
  t,
  api,
  here,
}: {
  b: DeskBooking
  sheet: Sheet
  t: DeskStrings
  api: string
  here: string
}) => (
  <section id="conferma" className="desk-panel" aria-labelledby="desk-cancel-title">
    <h3 id="desk-cancel-title">{t.cancelTitle}</h3>
    <p>{t.cancelText(nameOf(t, b), partyOf(t, b.adults, b.bands))}</p>
    <p>{b.email ? t.cancelMail : t.cancelNoMail}</p>
    <div className="desk-actions">
      <form method="post" action={`${api}/registrations/desk/status`} className="desk-inline">
        <Hidden sheet={sheet} />
        <input type="hidden" name="id" value={String(b.id)} />
        <input type="hidden" name="action" value="cancel" />
        <button type="submit" className="desk-primary">
          {t.cancelYes}
        </button>
      </form>
      <a className="desk-button" href={`${here}#iscritti`}>
        {t.cancelNo}
      </a>
    </div>
  </section>
)

const AddForm = ({ sheet, t, api }: { sheet: Sheet; t: DeskStrings; api: string }) => (
  <form method="post" action={`${api}/registrations/desk/book`}>
    <Hidden sheet={sheet} />
    <fieldset>
      <legend>{t.source}</legend>
      <div className="desk-radios">
        <label>
          <input type="radio" name="source" value="desk" defaultChecked /> {t.reg.sources.desk}
        </label>
        <label>
          <input type="radio" name="source" value="phone" /> {t.reg.sources.phone}
        </label>
      </div>
    </fieldset>
    <div className="desk-fields">
      <div>
        <label htmlFor="desk-name">{t.name}</label>
        <input id="desk-name" name="name" type="text" maxLength={100} autoComplete="off" />
      </div>
      <div>
        <label htmlFor="desk-phone">{t.phone}</label>
        <input id="desk-phone" name="phone" type="tel" maxLength={30} autoComplete="off" />
      </div>
      <div>
        <label htmlFor="desk-email">{t.email}</label>
        <input id="desk-email" name="email" type="email" maxLength={254} autoComplete="off" />
      </div>
      <div>
        <label htmlFor="desk-adults">{t.adultsLabel}</label>
        <input id="desk-adults" name="adults" type="number" min={1} max={99} defaultValue={1} inputMode="numeric" />
      </div>
    </div>
    {sheet.settings.ageBands.length > 0 && (
      <fieldset style={{ marginTop: '1rem' }}>
        <legend>{t.childrenLegend}</legend>
        <div className="desk-fields">
          {sheet.settings.ageBands.map((band) => (
            <div key={band}>
              <label htmlFor={`desk-band-${band}`}>{t.reg.ageBands[band]}</label>
              <input
                id={`desk-band-${band}`}
                name={`band.${band}`}
                type="number"
                min={0}
                max={50}
                defaultValue={0}
                inputMode="numeric"
              />
            </div>
          ))}
        </div>
      </fieldset>
    )}
    {sheet.settings.question && (
      <div style={{ margin: '1rem 0' }}>
        <label htmlFor="desk-answer">{t.answerLabel(sheet.settings.question)}</label>
        <textarea id="desk-answer" name="answer" maxLength={500} />
      </div>
    )}
    <p>
      <button type="submit" className="desk-primary">
        {t.addSubmit}
      </button>
    </p>
  </form>
)

const HeadcountForm = ({ sheet, t, api, locale }: { sheet: Sheet; t: DeskStrings; api: string; locale: Locale }) => {
  const row = sheet.attendance
  const walkIns = row?.walkIns ?? 0
  // Pre-filled with arrivals plus walk-ins while that is what it is; sent back untouched, the server computes it
  // again from the walk-ins typed now (no script updates the field as they are typed).
  const auto = !row || row.total == null || row.total === (row.checkedIn ?? 0) + walkIns
  const shown = auto ? sheet.arrived.people + walkIns : (row?.total ?? 0)
  const saved = new Map((row?.bands ?? []).map((b) => [b.band as AgeBand, b.count]))
  const bandValue = (band: AgeBand) => (row ? (saved.get(band) ?? 0) : (sheet.arrived.bands[band] ?? 0))
  return (
    <form method="post" action={`${api}/registrations/desk/headcount`}>
      <Hidden sheet={sheet} />
      {auto && <input type="hidden" name="totalShown" value={String(shown)} />}
      <p>
        {t.checkedIn}: <strong>{t.people(sheet.arrived.people)}</strong>
      </p>
      <div className="desk-fields">
        <div>
          <label htmlFor="desk-walkins">{t.walkIns}</label>
          <input id="desk-walkins" name="walkIns" type="number" min={0} defaultValue={walkIns} inputMode="numeric" />
        </div>
        <div>
          <label htmlFor="desk-total">{t.total}</label>
          <input
            id="desk-total"
            name="total"
            type="number"
            min={0}
            defaultValue={shown}
            inputMode="numeric"
            aria-describedby="desk-total-hint"
          />
          <span id="desk-total-hint" className="desk-hint">
            {t.totalHint}
          </span>
        </div>
      </div>
      <fieldset style={{ marginTop: '1rem' }} aria-describedby="desk-bands-hint">
        <legend>{t.bandsLegend}</legend>
        <p id="desk-bands-hint" className="desk-hint">
          {t.bandsHint}
        </p>
        <div className="desk-fields">
          {AGE_BANDS.map((band) => (
            <div key={band}>
              <label htmlFor={`desk-hc-${band}`}>{t.reg.ageBands[band]}</label>
              <input
                id={`desk-hc-${band}`}
                name={`band.${band}`}
                type="number"
                min={0}
                defaultValue={bandValue(band)}
                inputMode="numeric"
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.format}</legend>
        <div className="desk-radios">
          {(['presence', 'online', 'outdoor'] as const).map((f) => (
            <label key={f}>
              <input type="radio" name="format" value={f} defaultChecked={(row?.format ?? 'presence') === f} />{' '}
              {t.formats[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor="desk-notes">{t.notes}</label>
        <textarea id="desk-notes" name="notes" maxLength={1000} defaultValue={row?.notes ?? ''} />
      </div>
      <p className="desk-muted">{row ? t.lastSaved(shortWhen(locale, row.updatedAt)) : t.notSaved}</p>
      <p>
        <button type="submit" className="desk-primary">
          {t.saveHeadcount}
        </button>
      </p>
    </form>
  )
}

/**
 * /admin/iscrizioni/<event>/<start>: one date's bookings and what the desk does with them, all with plain
 * forms that post to /api/registrations/… and come back here (no JavaScript needed): cancel (after a
 * confirmation step), confirm from the waiting list (with an explicit "oltre i posti" when it does not fit),
 * tick arrivals, add a booking at the desk or by phone, record the headcount, download the list.
 */
export const DateSheet = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const locale = localeOf(req.i18n?.language)
  const t = deskStrings(locale)
  const admin = req.payload.config.routes.admin
  const api = req.payload.config.routes.api
  const segments = (props.params?.segments as string[] | undefined) ?? []
  const decode = (v: string | undefined) => {
    try {
      return decodeURIComponent(v ?? '')
    } catch {
      return ''
    }
  }
  const [rawEvent, rawStart] = [decode(segments[1]), decode(segments[2])]
  const gate = await deskGate(props, `/iscrizioni/${segments[1] ?? ''}/${segments[2] ?? ''}`)
  const index = { label: t.indexTitle, url: `${admin}/iscrizioni` }
  if (!gate.ok)
    return (
      <Frame props={props} steps={[index]}>
        <Refused t={t} message={gate.message} />
      </Frame>
    )
  const found = await dateSheet(req.payload, gate.scope, rawEvent, rawStart)
  if (!found.ok)
    return (
      <Frame props={props} steps={[index]}>
        <Refused t={t} message={deskMessage(locale, found.notice) ?? found.message} />
        <p>
          <a href={`${admin}/iscrizioni`}>{t.backToIndex}</a>
        </p>
      </Frame>
    )
  const sheet = found.sheet
  const here = `${admin}/iscrizioni/${sheet.event.id}/${sheet.start}`
  const query = (props.searchParams ?? {}) as Query
  const notice = noticeFrom(query)
  const section = one(query, 'sezione')
  const message = notice ? deskMessage(locale, notice) : null
  const noticeIn = (name: string) => (section === name || (!section && name === 'top') ? message : null)
  const failed = notice != null && notice.kind !== 'done'
  const ended = new Date(sheet.end ?? sheet.start) <= new Date()
  const cancelling = ended
    ? undefined
    : sheet.bookings.find(
        (b) => String(b.id) === one(query, 'annulla') && ['confirmed', 'waiting', 'offered'].includes(b.status),
      )
  const files = (await listExports(req.payload, gate.scope, { event: sheet.event.id, start: sheet.start })).slice(0, 3)
  const answered = !!sheet.settings.question || sheet.bookings.some((b) => b.answer)
  const tickable = sheet.bookings.filter((b) => b.status === 'confirmed' || b.status === 'attended')
  const when = `${longDay(locale, sheet.start)}, ${hour(locale, sheet.start)}${sheet.end ? `–${hour(locale, sheet.end)}` : ''}`
  const statusLabel = sheet.status && sheet.status !== 'scheduled' ? t.eventStatuses[sheet.status] : null
  const csv = `${api}/registrations/desk/csv?event=${encodeURIComponent(String(sheet.event.id))}&start=${encodeURIComponent(sheet.start)}`
  const c = t.bookingColumns
  return (
    <Frame props={props} steps={[index, { label: `${sheet.event.title}, ${shortWhen(locale, sheet.start)}` }]}>
      <a className="desk-back" href={`${admin}/iscrizioni`}>
        ← {t.backToIndex}
      </a>
      <h1>{sheet.event.title}</h1>
      <p>
        <strong>{t.dateLabel}:</strong> {when}
        {sheet.event.place && (
          <>
            {' · '}
            <strong>{t.placeLabel}:</strong> {sheet.event.place}
          </>
        )}
      </p>
      {statusLabel && (
        <p>
          <strong>{t.dateStatus}:</strong> <span className="desk-tag">{statusLabel}</span>
        </p>
      )}
      <Notice text={noticeIn('top')} error={failed} />

      <h2 id="riepilogo">{t.summaryTitle}</h2>
      <Counts sheet={sheet} t={t} />

      <section id="iscritti" aria-labelledby="desk-bookings-title">
        <h2 id="desk-bookings-title">{t.bookingsTitle}</h2>
        <Notice text={noticeIn('iscritti')} error={failed} />
        {cancelling && <CancelPanel b={cancelling} sheet={sheet} t={t} api={api} here={here} />}
        {sheet.bookings.length === 0 ? (
          <p>{t.noBookings}</p>
        ) : (
          <>
            {tickable.length > 0 && (
              <form id="desk-arrivals" method="post" action={`${api}/registrations/desk/arrivals`}>
                <Hidden sheet={sheet} />
                {tickable.map((b) => (
                  <input key={b.id} type="hidden" name="listed" value={String(b.id)} />
                ))}
                <p className="desk-muted">{t.arrivalsHint}</p>
              </form>
            )}
            <div className="desk-scroll">
              <table>
                <caption id="desk-bookings-caption">{t.bookingsCaption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{c.arrived}</th>
                    <th scope="col">{c.name}</th>
                    <th scope="col">{c.contact}</th>
                    <th scope="col">{c.people}</th>
                    <th scope="col">{c.status}</th>
                    <th scope="col">{c.source}</th>
                    <th scope="col">{c.created}</th>
                    {answered && (
                      <th scope="col">
                        {sheet.settings.question ? t.answerColumn(sheet.settings.question) : t.sensitive}
                      </th>
                    )}
                    <th scope="col">{c.actions}</th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.bookings.map((b) => (
                    <BookingRow
                      key={b.id}
                      b={b}
                      sheet={sheet}
                      t={t}
                      locale={locale}
                      api={api}
                      here={here}
                      answered={answered}
                      ended={ended}
                    />
                  ))}
                </tbody>
              </table>
            </div>
            {tickable.length > 0 && (
              <p>
                <button type="submit" form="desk-arrivals" className="desk-primary">
                  {t.saveArrivals}
                </button>
              </p>
            )}
          </>
        )}
      </section>

      <section id="aggiungi" aria-labelledby="desk-add-title">
        <h2 id="desk-add-title">{t.addTitle}</h2>
        <Notice text={noticeIn('aggiungi')} error={failed} />
        {ended ? (
          <p>{t.endedNote}</p>
        ) : (
          <>
            <p className="desk-muted">{t.addHint}</p>
            <AddForm sheet={sheet} t={t} api={api} />
          </>
        )}
      </section>

      <section id="presenze" aria-labelledby="desk-headcount-title">
        <h2 id="desk-headcount-title">{t.headcountTitle}</h2>
        <p className="desk-muted">{t.headcountHint}</p>
        <Notice text={noticeIn('presenze')} error={failed} />
        <HeadcountForm sheet={sheet} t={t} api={api} locale={locale} />
      </section>

      <section id="elenco" aria-labelledby="desk-list-title">
        <h2 id="desk-list-title">{t.downloadsTitle}</h2>
        <p className="desk-muted">{t.downloadsHint}</p>
        <Notice text={noticeIn('elenco')} error={failed} />
        <div className="desk-actions">
          <a className="desk-button" href={csv} download>
            {t.csv}
          </a>
          <form method="post" action={`${api}/registrations/desk/pdf`} className="desk-inline">
            <Hidden sheet={sheet} />
            <button type="submit">{t.pdf}</button>
          </form>
        </div>
        {files.length > 0 && (
          <ul>
            {files.map((f) => (
              <li key={f.id}>
                {f.status === 'ready' ? (
                  <a href={`${api}/exports/${f.id}/download`} download>
                    {t.pdfReady(hour(locale, f.updatedAt))}
                  </a>
                ) : f.status === 'queued' ? (
                  <>
                    {t.pdfQueued} <a href={`${here}#elenco`}>{t.refresh}</a>
                  </>
                ) : (
                  t.pdfFailed
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Frame>
  )
}
