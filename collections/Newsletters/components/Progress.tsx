'use client'
import { useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

type Progress = { total?: number; sent?: number; failed?: number; startedAt?: string; finishedAt?: string }

/** Sent, failed and remaining recipients; refreshed every few seconds while the newsletter is sending. */
export const Progress = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id } = useDocumentInfo()
  const status = useFormFields(([fields]) => fields.status?.value) as string | undefined
  const initial = useFormFields(([fields]) => ({
    total: fields['progress.total']?.value as number | undefined,
    sent: fields['progress.sent']?.value as number | undefined,
    failed: fields['progress.failed']?.value as number | undefined,
  }))
  const [live, setLive] = useState<{ progress: Progress; status: string } | null>(null)
  useEffect(() => {
    if (!id || status !== 'sending') return
    const timer = setInterval(async () => {
      const r = await fetch(`/api/newsletters/${id}?depth=0`, { credentials: 'include' })
      if (r.ok) {
        const doc = await r.json()
        setLive({ progress: doc.progress ?? {}, status: doc.status })
      }
    }, 4000)
    return () => clearInterval(timer)
  }, [id, status])
  const p = live?.progress ?? initial
  const total = p.total ?? 0
  const done = (p.sent ?? 0) + (p.failed ?? 0)
  return (
    <div aria-live="polite" style={{ margin: '1rem 0' }}>
      <h3 style={{ fontSize: '1rem' }}>{t.progress}</h3>
      <dl style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '0.25rem 1rem' }}>
        <dt>{t.recipients}</dt>
        <dd>{total}</dd>
        <dt>{t.sent}</dt>
        <dd>{p.sent ?? 0}</dd>
        <dt>{t.failed}</dt>
        <dd>{p.failed ?? 0}</dd>
        <dt>{t.remaining}</dt>
        <dd>{Math.max(0, total - done)}</dd>
      </dl>
      {live && live.status !== status ? <p>{t.statusChanged(live.status)}</p> : null}
    </div>
  )
}
