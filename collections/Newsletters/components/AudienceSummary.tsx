'use client'
import { useTranslation } from '@payloadcms/ui'
import { useEffect, useState } from 'react'
import { adminStrings } from '../../../shared/strings'

type Counts = { systems: { id: number | string; name: string; confirmed: number; weeklyDigest: number }[] }

/** Above the newsletter list: how many people each visible system reaches (numbers only, never names). */
export const AudienceSummary = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const [counts, setCounts] = useState<Counts | null>(null)
  useEffect(() => {
    fetch('/api/subscribers/counts', { credentials: 'include' })
      .then(async (r) => (r.ok ? setCounts(await r.json()) : null))
      .catch(() => null)
  }, [])
  if (!counts?.systems.length) return null
  return (
    <section aria-label={t.audience} style={{ margin: '0 0 1.5rem' }}>
      <p>
        {counts.systems.map((s, i) => (
          <span key={s.id}>
            {i ? ' · ' : ''}
            {s.name}: <strong>{s.confirmed}</strong> {t.subscribers}
          </span>
        ))}
      </p>
    </section>
  )
}
