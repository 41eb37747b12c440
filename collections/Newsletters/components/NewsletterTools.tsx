'use client'
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

/** Preview in a frame, the number of recipients, and a test send to the signed-in editor. */
export const NewsletterTools = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id } = useDocumentInfo()
  const kind = useFormFields(([fields]) => fields.kind?.value)
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
    <fieldset style={{ margin: '1rem 0', padding: '1rem' }}>
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
    </fieldset>
  )
}
