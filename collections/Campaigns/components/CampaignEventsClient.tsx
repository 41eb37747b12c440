'use client'
import { useForm, useFormFields, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { adminStrings } from '../../../shared/strings'
import {
  type DaySpan,
  dayToStored,
  formatDay,
  joinSpans,
  type LinkedEvent,
  outside,
  periodDays,
} from '../../lib/campaign-period'

const SHOWN = 10

/** The events' span and the ones outside the period being edited; "Usa il periodo degli eventi" fills it in. */
export const CampaignEventsClient = ({ events, truncated }: { events: LinkedEvent[]; truncated: boolean }) => {
  const t = adminStrings(useTranslation().i18n.language)
  const startDate = useFormFields(([fields]) => fields.startDate?.value) as string | null | undefined
  const endDate = useFormFields(([fields]) => fields.endDate?.value) as string | null | undefined
  const { dispatchFields, setModified } = useForm()
  const [taken, setTaken] = useState(false)
  const day = (d: string) => formatDay(d, t.intlLocale)
  const span = events.reduce<DaySpan | null>((s, e) => joinSpans(s, e), null)
  const period = periodDays({ startDate, endDate })
  const out = period ? events.filter((e) => outside(e, period)) : []

  const take = () => {
    if (!span) return
    dispatchFields({ type: 'UPDATE', path: 'startDate', value: dayToStored(span.first) })
    dispatchFields({ type: 'UPDATE', path: 'endDate', value: dayToStored(span.last) })
    setModified(true)
    setTaken(true)
  }

  return (
    <section aria-labelledby="campaign-events-title" className="campaign-events" style={{ margin: '0 0 1.5rem' }}>
      <h2 id="campaign-events-title" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        {t.campaignEventsTitle}
      </h2>
      <p style={{ margin: '0 0 0.5rem' }}>
        {span ? t.campaignSpan(events.length, day(span.first), day(span.last)) : t.campaignNoEvents}
        {truncated ? ` ${t.campaignTruncated}` : ''}
      </p>
      <div aria-live="polite">
        {span && period && out.length ? (
          <div
            className="campaign-events__warning"
            style={{ borderLeft: '4px solid var(--theme-warning-500, #b35900)', padding: '0.25rem 0 0.25rem 1rem' }}
          >
            <p style={{ margin: '0 0 0.25rem' }}>
              <strong>{t.campaignOutside(out.length, day(period.first), day(period.last))}</strong>
            </p>
            <p style={{ margin: '0 0 0.5rem' }}>{t.campaignOutsideHint}</p>
            <ul style={{ margin: '0 0 0.5rem', paddingLeft: '1.5rem' }}>
              {out.slice(0, SHOWN).map((e) => (
                <li key={String(e.id)}>
                  <a href={`/admin/collections/events/${e.id}`}>{e.title}</a> — {t.eventDays(day(e.first), day(e.last))}
                </li>
              ))}
            </ul>
            {out.length > SHOWN ? <p style={{ margin: '0 0 0.5rem' }}>{t.campaignMore(out.length - SHOWN)}</p> : null}
            <button type="button" className="btn btn--style-secondary btn--size-small" onClick={take}>
              {t.campaignUseSpan(day(span.first), day(span.last))}
            </button>
          </div>
        ) : span && period ? (
          <p style={{ margin: 0 }}>{taken ? t.campaignSpanTaken : t.campaignAllInside}</p>
        ) : null}
      </div>
    </section>
  )
}
