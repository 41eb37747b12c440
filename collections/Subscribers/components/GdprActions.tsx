'use client'
import { useDocumentInfo } from '@payloadcms/ui'
import { useState } from 'react'

/** On a subscriber: download everything stored about them, or erase it (only anonymous counts remain). */
export const GdprActions = () => {
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const erase = async () => {
    if (
      !window.confirm(
        'Cancellare definitivamente i dati personali di questo iscritto? Restano solo i conteggi anonimi.',
      )
    )
      return
    const r = await fetch(`/api/subscribers/${id}/erase`, { method: 'POST', credentials: 'include' })
    if (r.ok) window.location.assign('/admin/collections/subscribers')
    else setMessage((await r.json()).error ?? 'Cancellazione non riuscita.')
  }
  return (
    <fieldset style={{ margin: '1rem 0', padding: '1rem' }}>
      <legend>Diritti dell’interessato (GDPR)</legend>
      <p>
        <a href={`/api/subscribers/${id}/export`} download>
          Scarica tutti i dati (JSON)
        </a>
      </p>
      <button type="button" className="btn btn--style-secondary" onClick={erase}>
        Cancella i dati personali
      </button>
      {message ? <p role="alert">{message}</p> : null}
    </fieldset>
  )
}
