import { type CollectionBeforeChangeHook, ValidationError } from 'payload'
import type { Newsletter } from '../../../cms/payload-types'
import { isNetworkAdmin, staffOf } from '../../access/roles'

export const NEWSLETTER_STATUS_LABELS = {
  draft: 'Bozza',
  scheduled: 'Programmata',
  sending: 'In invio',
  sent: 'Inviata',
  cancelled: 'Annullata',
} as const
export type NewsletterStatus = keyof typeof NEWSLETTER_STATUS_LABELS

/** What an editor may do by hand; `sending` and `sent` are set only by the sending job. */
const EDITOR_MOVES: Record<NewsletterStatus, NewsletterStatus[]> = {
  draft: ['draft', 'scheduled', 'cancelled'],
  scheduled: ['scheduled', 'draft', 'cancelled'],
  sending: ['sending', 'cancelled'],
  sent: ['sent'],
  cancelled: ['cancelled', 'draft'],
}

/** Set by the sending job to move a newsletter into `sending` or `sent`. */
export const SYSTEM_CONTEXT = 'newsletterSystem'

const CONTENT = ['subject', 'intro', 'events', 'series', 'narrowing', 'system'] as const satisfies (keyof Newsletter)[]

export const guardStatus: CollectionBeforeChangeHook<Newsletter> = ({ data, originalDoc, req, operation, context }) => {
  if (context?.[SYSTEM_CONTEXT]) return data
  const before = (originalDoc?.status ?? 'draft') as NewsletterStatus
  const after = (data.status ?? before) as NewsletterStatus
  const errors: { path: string; message: string }[] = []
  if (operation === 'create' && !['draft', 'scheduled'].includes(after))
    errors.push({ path: 'status', message: 'Una nuova newsletter parte come bozza o programmata.' })
  if (operation === 'update' && !EDITOR_MOVES[before].includes(after))
    errors.push({
      path: 'status',
      message: `Non si può passare da «${NEWSLETTER_STATUS_LABELS[before]}» a «${NEWSLETTER_STATUS_LABELS[after]}».`,
    })
  if (operation === 'update' && (before === 'sending' || before === 'sent')) {
    const changed = CONTENT.filter(
      (f) => f in data && JSON.stringify(data[f] ?? null) !== JSON.stringify(originalDoc?.[f] ?? null),
    )
    if (changed.length)
      errors.push({ path: changed[0] as string, message: 'Una newsletter in invio o inviata non si può modificare.' })
  }
  if (after === 'scheduled' && before !== 'scheduled') {
    const at = data.scheduledAt ?? originalDoc?.scheduledAt
    if (!at) errors.push({ path: 'scheduledAt', message: 'Indica data e ora di invio.' })
    else if (new Date(at).getTime() < Date.now() - 60_000)
      errors.push({ path: 'scheduledAt', message: 'La data di invio è già passata.' })
  }
  const system = 'system' in data ? data.system : originalDoc?.system
  if (system == null && req.user && !isNetworkAdmin(staffOf(req)) && (operation === 'create' || 'system' in data))
    errors.push({ path: 'system', message: 'Solo gli amministratori di rete scrivono a tutta la rete.' })
  if (errors.length) throw new ValidationError({ collection: 'newsletters', errors })
  return data
}
