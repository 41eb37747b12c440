'use client'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import type { Catalogue } from '../../../shared/strings'

type Props = { endpoint: string; t: Catalogue['imports']['admin'] }

/** A button, not a form: the source's edit view is already a form, and the request only queues the sync job. */
export const SyncNowClient = ({ endpoint, t }: Props) => {
  const router = useRouter()
  const [busy, setBusy] = useState(false)
  const [message, setMessage] = useState('')
  const sync = async () => {
    setBusy(true)
    setMessage('')
    try {
      const res = await fetch(endpoint, {
        method: 'POST',
        credentials: 'include',
        headers: { Accept: 'application/json' },
      })
      const body = (await res.json().catch(() => ({}))) as { message?: string; error?: string }
      setMessage(body.message ?? body.error ?? String(res.status))
      if (res.ok) setTimeout(() => router.refresh(), 3000)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div>
      <button
        type="button"
        className="btn btn--style-secondary btn--size-small"
        onClick={sync}
        disabled={busy}
        id="sync-now"
      >
        {busy ? t.syncing : t.syncNow}
      </button>
      <p role="status" aria-live="polite" style={{ margin: '0.25rem 0 0' }} id="sync-now-status">
        {message}
      </p>
    </div>
  )
}
