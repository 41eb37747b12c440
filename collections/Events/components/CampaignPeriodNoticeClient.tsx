'use client'
import { useFormFields, useTranslation } from '@payloadcms/ui'
import { adminStrings } from '../../../shared/strings'
import { type DaySpan, dateDays, formatDay, joinSpans, outside, periodDays } from '../../lib/campaign-period'

type Campaign = { id: number | string; title: string; startDate?: string | null; endDate?: string | null }

const idOf = (v: unknown) =>
  v && typeof v === 'object' ? ((v as { id?: unknown; value?: unknown }).id ?? (v as { value?: unknown }).value) : v

/**
 * The event's days (a one-off event: the form's start and end; a repeating one: its published dates and its
 * first date) against each linked campaign's period. A warning only: publishing is not blocked.
 */
export const CampaignPeriodNoticeClient = ({
  campaigns,
  published,
}: {
  campaigns: Campaign[]
  published: DaySpan | null
}) => {
  const t = adminStrings(useTranslation().i18n.language)
  const linked = useFormFields(([fields]) => fields.campaigns?.value) as unknown[] | null | undefined
  const start = useFormFields(([fields]) => fields.start?.value) as string | null | undefined
  const end = useFormFields(([fields]) => fields.end?.value) as string | null | undefined
  const allDay = useFormFields(([fields]) => fields.allDay?.value) as boolean | undefined
  const frequency = useFormFields(([fields]) => fields['recurrence.frequency']?.value) as string | undefined
  if (!start || !Array.isArray(linked) || !linked.length) return null
  const firstDate = dateDays(start, end, !!allDay)
  const days = frequency && frequency !== 'none' && published ? joinSpans(published, firstDate) : firstDate
  const ids = new Set(linked.map((v) => String(idOf(v))))
  const day = (d: string) => formatDay(d, t.intlLocale)
  const warnings = campaigns.flatMap((c) => {
    const period = ids.has(String(c.id)) ? periodDays(c) : null
    return period && outside(days, period) ? [{ c, period }] : []
  })
  return (
    <div aria-live="polite" className="campaign-period-notice">
      {warnings.length ? (
        <div
          style={{
            borderLeft: '4px solid var(--theme-warning-500, #b35900)',
            padding: '0.25rem 0 0.25rem 1rem',
            margin: '0 0 1.5rem',
          }}
        >
          {warnings.map(({ c, period }) => (
            <p key={String(c.id)} style={{ margin: '0 0 0.25rem' }}>
              <strong>
                {t.eventCampaignOutside(
                  c.title,
                  day(period.first),
                  day(period.last),
                  t.eventDays(day(days.first), day(days.last)),
                )}
              </strong>
            </p>
          ))}
          <p style={{ margin: 0 }}>{t.eventCampaignHint}</p>
        </div>
      ) : null}
    </div>
  )
}
