'use client'
import { useDocumentInfo, useForm, useFormFields, useFormModified, useTranslation } from '@payloadcms/ui'
import { useEffect, useRef, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

/** Preview in a frame, the number of recipients, a test send to the signed-in editor, and "Invia ora". */
export const NewsletterTools = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id } = useDocumentInfo()
  const kind = useFormFields(([fields]) => fields.kind?.value)
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const subject = useFormFields(([fields]) => fields.subject?.value) as string | undefined
  const [audience, setAudience] = useState<number | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const [version, setVersion] = useState(0)
  const [html, setHtml] = useState<string | null>(null)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the refresh button's trigger
  useEffect(() => {
    if (!id || kind === 'digest') return
    fetch(`/api/newsletters/${id}/audience`, { credentials: 'include' })
      .then(async (r) => (r.ok ? setAudience((await r.json()).count) : null))
      .catch(() => null)
    // The API never lets itself be framed, so the preview is fetched and shown as srcdoc in a sandbox.
    const unavailable = `<p>${t.previewUnavailable}</p>`
    fetch(`/api/newsletters/${id}/preview`, { credentials: 'include' })
      .then(async (r) => setHtml(r.ok ? await r.text() : unavailable))
      .catch(() => setHtml(unavailable))
  }, [id, kind, version, t])
  if (kind === 'digest') return null
  if (!id) return <p>{t.saveDraftFirst}</p>
  const test = async () => {
    setMessage(t.sendingTest)
    const r = await fetch(`/api/newsletters/${id}/test`, { method: 'POST', credentials: 'include' })
    const body = await r.json()
    setMessage(r.ok ? t.testSent(body.sentTo) : (body.error ?? t.sendFailed))
  }
  return (
    <fieldset className="newsletter-tools" style={{ margin: '1rem 0', padding: '1rem' }}>
      <legend>{t.previewLegend}</legend>
      <p>
        {t.expectedRecipients[0]}
        <strong>{audience ?? '…'}</strong>
        {t.expectedRecipients[1]}{' '}
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => setVersion((v) => v + 1)}
        >
          {t.refreshPreview}
        </button>
      </p>
      <iframe
        title={t.previewTitle}
        srcDoc={html ?? ''}
        style={{ width: '100%', height: '32rem', border: '1px solid #ccc', background: '#fff' }}
        sandbox=""
      />
      <p>
        <button type="button" className="btn btn--style-primary" onClick={test}>
          {t.sendTestToMe}
        </button>
      </p>
      <p role="status">{message}</p>
      <SendNow id={id} status={status} subject={subject ?? ''} audience={audience} t={t} />
    </fieldset>
  )
}

type Strings = ReturnType<typeof adminStrings>

/**
 * "Invia ora…" → a confirmation naming the subject and the number of recipients → the send-now endpoint, which
 * schedules the newsletter for this minute; the start job sends it. The form then follows the saved status.
 */
const SendNow = ({
  id,
  status,
  subject,
  audience,
  t,
}: {
  id: number | string
  status: string | undefined
  subject: string
  audience: number | null
  t: Strings
}) => {
  const { dispatchFields, setModified } = useForm()
  const modified = useFormModified()
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy' | 'started'>('idle')
  const [message, setMessage] = useState<string | null>(null)
  const open = useRef<HTMLButtonElement>(null)
  const confirm = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (step === 'confirm') confirm.current?.focus()
  }, [step])

  const follow = (doc: { status: string; scheduledAt?: string | null }) => {
    dispatchFields({ type: 'UPDATE', path: 'status', value: doc.status, initialValue: doc.status })
    if (doc.scheduledAt)
      dispatchFields({ type: 'UPDATE', path: 'scheduledAt', value: doc.scheduledAt, initialValue: doc.scheduledAt })
    setModified(false)
  }

  const send = async () => {
    setStep('busy')
    setMessage(t.sendNowStarting)
    const r = await fetch(`/api/newsletters/${id}/send-now`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ confirm: true }),
    }).catch(() => null)
    const body = r ? await r.json().catch(() => ({})) : {}
    if (!r?.ok) {
      setStep('idle')
      setMessage(body.error ?? t.sendFailed)
      return
    }
    setStep('started')
    setMessage(t.sendNowStarted)
    follow({ status: 'scheduled', scheduledAt: body.scheduledAt })
    // The start job runs on the newsletter queue within seconds: the sidebar then shows "In invio" and progress.
    for (let i = 0; i < 40; i++) {
      await new Promise((done) => setTimeout(done, 3000))
      const doc = await fetch(`/api/newsletters/${id}?depth=0`, { credentials: 'include' })
        .then((res) => (res.ok ? res.json() : null))
        .catch(() => null)
      if (doc && doc.status !== 'scheduled') return follow(doc)
    }
  }

  // Only a draft or a scheduled newsletter can be sent now; once started, the outcome stays on screen.
  if (step !== 'started' && status !== 'draft' && status !== 'scheduled') return null
  return (
    <section aria-labelledby="send-now-title" className="send-now" style={{ margin: '1.5rem 0 0' }}>
      <h2 id="send-now-title" style={{ fontSize: '1rem', margin: '0 0 0.5rem' }}>
        {t.sendNowLegend}
      </h2>
      <p style={{ margin: '0 0 0.5rem' }}>{t.sendNowHint}</p>
      {step === 'confirm' ? (
        <fieldset aria-describedby="send-now-warning" style={{ border: 0, margin: 0, padding: 0 }}>
          <legend style={{ margin: '0 0 0.25rem', padding: 0 }}>
            <strong>{t.sendNowQuestion(subject, audience)}</strong>
          </legend>
          <p id="send-now-warning" style={{ margin: '0 0 0.5rem' }}>
            {modified ? t.sendNowUnsaved : t.sendNowWarning}
          </p>
          {modified ? null : (
            <button ref={confirm} type="button" className="btn btn--style-primary" onClick={send}>
              {t.sendNowConfirm}
            </button>
          )}{' '}
          <button
            ref={modified ? confirm : undefined}
            type="button"
            className="btn btn--style-secondary"
            onClick={() => {
              setStep('idle')
              setTimeout(() => open.current?.focus(), 0)
            }}
          >
            {t.sendNowCancel}
          </button>
        </fieldset>
      ) : step === 'started' ? null : (
        <button
          ref={open}
          type="button"
          className="btn btn--style-primary"
          disabled={step === 'busy'}
          onClick={() => {
            setMessage(null)
            setStep('confirm')
          }}
        >
          {t.sendNow}
        </button>
      )}
      <p role="status" style={{ margin: '0.5rem 0 0' }}>
        {message}
      </p>
    </section>
  )
}
