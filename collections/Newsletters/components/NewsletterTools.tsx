'use client'
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useEffect, useState } from 'react'

/** Preview in a frame, the number of recipients, and a test send to the signed-in editor. */
export const NewsletterTools = () => {
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
    fetch(`/api/newsletters/${id}/preview`, { credentials: 'include' })
      .then(async (r) => setHtml(r.ok ? await r.text() : '<p>Anteprima non disponibile.</p>'))
      .catch(() => setHtml('<p>Anteprima non disponibile.</p>'))
  }, [id, kind, version])
  if (kind === 'digest') return null
  if (!id) return <p>Salva la bozza per vedere l’anteprima, i destinatari e inviare una prova.</p>
  const test = async () => {
    setMessage('Invio della prova…')
    const r = await fetch(`/api/newsletters/${id}/test`, { method: 'POST', credentials: 'include' })
    const body = await r.json()
    setMessage(r.ok ? `Prova inviata a ${body.sentTo}.` : (body.error ?? 'Invio non riuscito.'))
  }
  return (
    <fieldset style={{ margin: '1rem 0', padding: '1rem' }}>
      <legend>Anteprima e prova</legend>
      <p>
        Destinatari previsti: <strong>{audience ?? '…'}</strong> iscritti confermati.{' '}
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => setVersion((v) => v + 1)}
        >
          Aggiorna anteprima
        </button>
      </p>
      <iframe
        title="Anteprima della newsletter"
        srcDoc={html ?? ''}
        style={{ width: '100%', height: '32rem', border: '1px solid #ccc', background: '#fff' }}
        sandbox=""
      />
      <p>
        <button type="button" className="btn btn--style-primary" onClick={test}>
          Invia una prova a me
        </button>
      </p>
      <p role="status">{message}</p>
    </fieldset>
  )
}
