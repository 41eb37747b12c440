'use client'
import { useDocumentInfo, useTranslation } from '@payloadcms/ui'
import { useState } from 'react'
import { adminStrings } from '../../../shared/strings'

/** On a subscriber: download everything stored about them, or erase it (only anonymous counts remain). */
export const GdprActions = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id } = useDocumentInfo()
  const [message, setMessage] = useState<string | null>(null)
  if (!id) return null
  const erase = async () => {
    if (!window.confirm(t.eraseConfirm)) return
    const r = await fetch(`/api/subscribers/${id}/erase`, { method: 'POST', credentials: 'include' })
    if (r.ok) window.location.assign('/admin/collections/subscribers')
    else setMessage((await r.json()).error ?? t.eraseFailed)
  }
  return (
    <fieldset style={{ margin: '1rem 0', padding: '1rem' }}>
      <legend>{t.gdprLegend}</legend>
      <p>
        <a href={`/api/subscribers/${id}/export`} download>
          {t.exportData}
        </a>
      </p>
      <button type="button" className="btn btn--style-secondary" onClick={erase}>
        {t.eraseData}
      </button>
      {message ? <p role="alert">{message}</p> : null}
    </fieldset>
  )
}
