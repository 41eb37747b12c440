import type { AdminViewServerProps } from 'payload'
import { type DeskDateRow, deskDates, deskLibraries, parseId } from '../../registrations'
import { deskGate, Frame, one, type Query, Refused } from './Frame'
import { dayStart, romeDay, shortWhen } from './format'
import { type DeskStrings, deskStrings, localeOf } from './strings'

const DAY = 86_400_000

const Row = ({
  row,
  t,
  admin,
  locale,
  now,
}: {
  row: DeskDateRow
  t: DeskStrings
  admin: string
  locale: 'it' | 'en'
  now: Date
}) => {
  const past = new Date(row.end ?? row.start) < now
  const status = row.status && row.status !== 'scheduled' ? t.eventStatuses[row.status] : null
  const p = row.counts.people
  return (
    <tr className={past ? 'desk-past' : undefined}>
      <td className="desk-when">
        {shortWhen(locale, row.start)}
        {past && <span className="desk-hint">{t.past}</span>}
        {status && <span className="desk-hint">{status}</span>}
      </td>
      <th scope="row">
        <a href={`${admin}/iscrizioni/${row.event}/${row.start}`}>{row.title}</a>
      </th>
      <td>{row.library ?? ''}</td>
      <td className="desk-num">{row.capacity ?? t.unlimited}</td>
      <td className="desk-num">{p.confirmed + p.attended}</td>
      <td className="desk-num">{p.waiting}</td>
      <td className="desk-num">{p.offered}</td>
      <td className="desk-num">{p.cancelled}</td>
      <td className="desk-num">{p.attended}</td>
      <td className="desk-num">{row.left ?? t.unlimited}</td>
    </tr>
  )
}

const Dates = ({
  id,
  title,
  rows,
  total,
  empty,
  t,
  admin,
  locale,
  now,
  more = false,
}: {
  more?: boolean
  id: string
  title: string
  rows: DeskDateRow[]
  total: number
  empty: string
  t: DeskStrings
  admin: string
  locale: 'it' | 'en'
  now: Date
}) => {
  const c = t.columns
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <div className="desk-scroll">
          <table>
            <caption>{t.datesCaption(total)}</caption>
            <thead>
              <tr>
                <th scope="col">{c.date}</th>
                <th scope="col">{c.event}</th>
                <th scope="col">{c.library}</th>
                {[c.places, c.confirmed, c.waiting, c.offered, c.cancelled, c.attended, c.left].map((label) => (
                  <th key={label} scope="col" className="desk-num">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <Row key={`${row.event}-${row.start}`} row={row} t={t} admin={admin} locale={locale} now={now} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {more && rows.length < total && <p className="desk-muted">{t.shownOf(rows.length, total)}</p>}
    </section>
  )
}

/**
 * /admin/iscrizioni: the dates of events with registration in the caller's system (or library), with their
 * counts in people; each opens its sheet. By default the coming dates (from today, 50 a page) and, below, the
 * last two weeks (latest first: headcounts are recorded afterwards); a period and a library can be chosen with a
 * plain GET form.
 */
export const DeskIndex = async (props: AdminViewServerProps) => {
  const req = props.initPageResult.req
  const locale = localeOf(req.i18n?.language)
  const t = deskStrings(locale)
  const admin = req.payload.config.routes.admin
  const steps = [{ label: t.indexTitle }]
  const gate = await deskGate(props, '/iscrizioni')
  if (!gate.ok)
    return (
      <Frame props={props} steps={steps}>
        <Refused t={t} message={gate.message} />
      </Frame>
    )
  const query = (props.searchParams ?? {}) as Query
  const now = new Date()
  const today = dayStart(romeDay(now)) ?? now
  const fromDay = dayStart(one(query, 'dal'))
  const toDay = dayStart(one(query, 'al'))
  const chosenPeriod = fromDay != null || toDay != null
  const from = fromDay ?? today
  const to = toDay ? new Date(toDay.getTime() + DAY) : null
  const libraries = await deskLibraries(req.payload, gate.scope)
  const library = parseId(req.payload, one(query, 'biblioteca'))
  const chosen = libraries.some((l) => String(l.id) === String(library)) ? library : null
  const page = Math.max(1, Math.min(10_000, Number(one(query, 'pagina')) || 1))
  const dates = await deskDates(req.payload, gate.scope, { from, to, library: chosen, page }, now)
  const past = chosenPeriod
    ? null
    : await deskDates(
        req.payload,
        gate.scope,
        { from: new Date(today.getTime() - 14 * DAY), to: today, library: chosen, latestFirst: true },
        now,
      )
  const link = (p: number) => {
    const q = new URLSearchParams()
    if (fromDay) q.set('dal', romeDay(fromDay))
    if (toDay) q.set('al', romeDay(toDay))
    if (chosen != null) q.set('biblioteca', String(chosen))
    q.set('pagina', String(p))
    return `${admin}/iscrizioni?${q}`
  }
  const shared = { t, admin, locale, now }
  return (
    <Frame props={props} steps={steps}>
      <h1>{t.indexTitle}</h1>
      <p className="desk-muted">{t.indexIntro}</p>
      <form method="get" action={`${admin}/iscrizioni`}>
        <fieldset>
          <legend>{t.filterLegend}</legend>
          <div className="desk-fields">
            <div>
              <label htmlFor="desk-from">{t.from}</label>
              <input
                id="desk-from"
                name="dal"
                type="date"
                defaultValue={fromDay ? romeDay(fromDay) : ''}
                aria-describedby="desk-from-hint"
              />
              <span id="desk-from-hint" className="desk-hint">
                {t.fromHint}
              </span>
            </div>
            <div>
              <label htmlFor="desk-to">{t.to}</label>
              <input id="desk-to" name="al" type="date" defaultValue={toDay ? romeDay(toDay) : ''} />
            </div>
            {libraries.length > 0 && (
              <div>
                <label htmlFor="desk-library">{t.library}</label>
                <select id="desk-library" name="biblioteca" defaultValue={chosen == null ? '' : String(chosen)}>
                  <option value="">{t.allLibraries}</option>
                  {libraries.map((l) => (
                    <option key={l.id} value={String(l.id)}>
                      {l.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            <div>
              <button type="submit" className="desk-primary">
                {t.filter}
              </button>
            </div>
          </div>
        </fieldset>
      </form>
      <Dates
        id="desk-upcoming"
        title={chosenPeriod ? t.chosenTitle : t.upcomingTitle}
        rows={dates.rows}
        total={dates.totalDocs}
        empty={t.noDates}
        {...shared}
      />
      {dates.totalPages > 1 && (
        <nav className="desk-pages" aria-label={t.pagination}>
          <ul>
            {dates.page > 1 && (
              <li>
                <a href={link(dates.page - 1)}>{t.previous}</a>
              </li>
            )}
            <li>{t.pageOf(dates.page, dates.totalPages)}</li>
            {dates.page < dates.totalPages && (
              <li>
                <a href={link(dates.page + 1)}>{t.next}</a>
              </li>
            )}
          </ul>
        </nav>
      )}
      {past && (
        <Dates
          id="desk-past"
          title={t.pastTitle}
          rows={past.rows}
          total={past.totalDocs}
          empty={t.noPastDates}
          more
          {...shared}
        />
      )}
    </Frame>
  )
}
