'use client'
import { useRouter } from 'next/navigation'
import { type FormEvent, useRef, useState } from 'react'
import { ATTENDANCE_FORMAT_LABELS, ATTENDANCE_OUTCOME_LABELS } from '../../../collections/enums'
import { catalogue, type Locale } from '../../../shared/strings'

type Id = number | string

export type WaitingItem = {
  key: string
  event: Id
  start: string
  title: string
  when: string
  library: string | null
  eventUrl: string
  prefill: { checkedIn: number; ages: Record<string, number> } | null
}

type Band = { id: Id; name: string }
type Errors = { total?: string; ages?: string; general?: string }

const OUTCOMES = Object.keys(ATTENDANCE_OUTCOME_LABELS) as (keyof typeof ATTENDANCE_OUTCOME_LABELS)[]
const FORMATS = Object.keys(ATTENDANCE_FORMAT_LABELS) as (keyof typeof ATTENDANCE_FORMAT_LABELS)[]

/** Payload's 400: field errors under `errors[].data.errors`, each with the field's `path`. */
const errorsOf = (json: unknown, fallback: string): Errors => {
  const list = (json as { errors?: { message?: string; data?: { errors?: { path: string; message: string }[] } }[] })
    ?.errors
  const fields = list?.flatMap((e) => e.data?.errors ?? []) ?? []
  const found: Errors = {}
  for (const f of fields) {
    const at = f.path === 'total' ? 'total' : f.path.startsWith('ages') ? 'ages' : 'general'
    found[at] ??= f.message
  }
  if (!fields.length) found.general = list?.[0]?.message ?? fallback
  return found
}

const RecordForm = ({
  item,
  bands,
  api,
  locale,
  onSaved,
}: {
  item: WaitingItem
  bands: Band[]
  api: string
  locale: Locale
  onSaved: (item: WaitingItem) => void
}) => {
  const c = catalogue(locale)
  const t = c.attendance.view
  const [errors, setErrors] = useState<Errors>({})
  const [busy, setBusy] = useState(false)
  const id = (name: string) => `att-${item.key.replace(/[^\w-]/g, '_')}-${name}`
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault()
    const form = new FormData(e.currentTarget)
    const text = (name: string) => String(form.get(name) ?? '').trim()
    const number = (name: string) => (text(name) === '' ? null : Number(text(name)))
    const ages = bands
      .filter((b) => text(`band-${b.id}`) !== '')
      .map((b) => ({ band: b.id, count: number(`band-${b.id}`) }))
    setBusy(true)
    try {
      const res = await fetch(`${api}/attendance?depth=0`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'Accept-Language': locale },
        body: JSON.stringify({
          event: item.event,
          start: item.start,
          total: number('total'),
          outcome: text('outcome') || 'held',
          format: text('format') || 'presence',
          notes: text('notes') || null,
          ages,
        }),
      })
      if (res.ok) return onSaved(item)
      setErrors(errorsOf(await res.json().catch(() => null), t.failed))
    } catch {
      setErrors({ general: t.network })
    } finally {
      setBusy(false)
    }
  }
  const invalid = (field: keyof Errors) => (errors[field] ? { 'aria-invalid': true as const } : {})
  return (
    <form onSubmit={submit} noValidate aria-label={t.recordOf(item.title, item.when)}>
      {errors.general && (
        <p role="alert" className="desk-notice desk-notice--error">
          {errors.general}
        </p>
      )}
      {item.prefill && <p>{t.checkedIn(item.prefill.checkedIn)}</p>}
      <div className="desk-fields">
        <div>
          <label htmlFor={id('total')}>{t.total}</label>
          <input
            id={id('total')}
            name="total"
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={item.prefill?.checkedIn ?? ''}
            aria-describedby={`${id('total-hint')}${errors.total ? ` ${id('total-error')}` : ''}`}
            {...invalid('total')}
          />
          <span id={id('total-hint')} className="desk-hint">
            {t.totalHint}
          </span>
          {errors.total && (
            <span id={id('total-error')} className="desk-error">
              {errors.total}
            </span>
          )}
        </div>
      </div>
      <fieldset
        style={{ marginTop: '1rem' }}
        aria-describedby={`${id('ages-hint')}${errors.ages ? ` ${id('ages-error')}` : ''}`}
      >
        <legend>{t.agesLegend}</legend>
        <p id={id('ages-hint')} className="desk-hint">
          {t.agesHint}
        </p>
        {errors.ages && (
          <p id={id('ages-error')} className="desk-error">
            {errors.ages}
          </p>
        )}
        <div className="desk-fields">
          {bands.map((b) => (
            <div key={String(b.id)}>
              <label htmlFor={id(`band-${b.id}`)}>{b.name}</label>
              <input
                id={id(`band-${b.id}`)}
                name={`band-${b.id}`}
                type="number"
                min={0}
                inputMode="numeric"
                defaultValue={item.prefill?.ages[String(b.id)] ?? ''}
                {...invalid('ages')}
              />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.outcome}</legend>
        <div className="desk-radios">
          {OUTCOMES.map((o) => (
            <label key={o}>
              <input type="radio" name="outcome" value={o} defaultChecked={o === 'held'} /> {c.attendance.outcomes[o]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t.format}</legend>
        <div className="desk-radios">
          {FORMATS.map((f) => (
            <label key={f}>
              <input type="radio" name="format" value={f} defaultChecked={f === 'presence'} />{' '}
              {c.bookingDesk.formats[f]}
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <label htmlFor={id('notes')}>{t.notes}</label>
        <textarea id={id('notes')} name="notes" maxLength={1000} />
      </div>
      <p>
        <button type="submit" className="desk-primary" disabled={busy}>
          {busy ? t.saving : t.save}
        </button>
      </p>
    </form>
  )
}

/**
 * The waiting dates, each with its form behind "Registra le presenze" (a disclosure, operable by keyboard).
 * A saved date leaves the list; the status line says so and takes the focus, since the form it was in is gone.
 */
export const WaitingList = ({
  items,
  total,
  bands,
  api,
  locale,
}: {
  items: WaitingItem[]
  total: number
  bands: Band[]
  api: string
  locale: Locale
}) => {
  const t = catalogue(locale).attendance.view
  const router = useRouter()
  const [left, setLeft] = useState(items)
  const [done, setDone] = useState<string | null>(null)
  const status = useRef<HTMLParagraphElement>(null)
  const saved = (item: WaitingItem) => {
    setLeft((rows) => rows.filter((r) => r.key !== item.key))
    setDone(t.saved(item.title, item.when))
    requestAnimationFrame(() => status.current?.focus())
    router.refresh()
  }
  const remaining = total - (items.length - left.length)
  return (
    <>
      <p ref={status} role="status" tabIndex={-1} className={done ? 'desk-notice desk-notice--done' : undefined}>
        {done}
      </p>
      <p>
        <strong>{t.count(remaining)}</strong>
      </p>
      {left.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul className="att-list">
          {left.map((item) => (
            <li key={item.key} className="att-item">
              <h2>
                {item.title}
                <span className="desk-hint">{item.when}</span>
              </h2>
              <p className="desk-muted">
                {item.library ? `${t.library}: ${item.library} · ` : ''}
                <a href={item.eventUrl}>{t.openEvent}</a>
              </p>
              <details>
                <summary className="desk-button desk-small">{t.record}</summary>
                <RecordForm item={item} bands={bands} api={api} locale={locale} onSaved={saved} />
              </details>
            </li>
          ))}
        </ul>
      )}
      {remaining > left.length && <p className="desk-muted">{t.shownOf(left.length, remaining)}</p>}
    </>
  )
}
