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

const SCHEDULED_AT = 'Invio programmato'

/** The content a newsletter in sending or sent keeps, with the labels its field errors are named by. */
const CONTENT = {
  subject: 'Oggetto',
  intro: 'Testo introduttivo',
  events: 'Eventi',
  series: 'Rassegne',
  narrowing: 'Restringi i destinatari',
  system: 'Sistema',
} as const satisfies Partial<Record<keyof Newsletter, string>>

export const guardStatus: CollectionBeforeChangeHook<Newsletter> = ({ data, originalDoc, req, operation, context }) => {
  if (context?.[SYSTEM_CONTEXT]) return data
  const before = (originalDoc?.status ?? 'draft') as NewsletterStatus
  const after = (data.status ?? before) as NewsletterStatus
  const errors: { path: string; message: string; label?: string }[] = []
  if (operation === 'create' && !['draft', 'scheduled'].includes(after))
    errors.push({ path: 'status', label: 'Stato', message: 'Una nuova newsletter parte come bozza o programmata.' })
  if (operation === 'update' && !EDITOR_MOVES[before].includes(after))
    errors.push({
      path: 'status',
      label: 'Stato',
      message: `Non si può passare da «${NEWSLETTER_STATUS_LABELS[before]}» a «${NEWSLETTER_STATUS_LABELS[after]}».`,
    })
  if (operation === 'update' && (before === 'sending' || before === 'sent')) {
    const changed = (Object.keys(CONTENT) as (keyof typeof CONTENT)[]).filter(
      (f) => f in data && JSON.stringify(data[f] ?? null) !== JSON.stringify(originalDoc?.[f] ?? null),
    )
    if (changed[0])
      errors.push({
        path: changed[0],
        label: CONTENT[changed[0]],
        message: 'Una newsletter in invio o inviata non si può modificare.',
      })
  }
  if (after === 'scheduled' && before !== 'scheduled') {
    const at = data.scheduledAt ?? originalDoc?.scheduledAt
    if (!at) errors.push({ path: 'scheduledAt', label: SCHEDULED_AT, message: 'Indica data e ora di invio.' })
    else if (new Date(at).getTime() < Date.now() - 60_000)
      errors.push({ path: 'scheduledAt', label: SCHEDULED_AT, message: 'La data di invio è già passata.' })
  }
  const system = 'system' in data ? data.system : originalDoc?.system
  if (system == null && req.user && !isNetworkAdmin(staffOf(req)) && (operation === 'create' || 'system' in data))
    errors.push({
      path: 'system',
      label: 'Sistema',
      message: 'Solo gli amministratori di rete scrivono a tutta la rete.',
    })
  // With `req.t` the summary is Italian and names the fields by their labels, not by their paths.
  if (errors.length) throw new ValidationError({ collection: 'newsletters', errors }, req.t)
  return data
}
