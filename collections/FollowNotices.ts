import type { CollectionConfig } from 'payload'
import { networkAdminOnly, nobody } from './access/roles'
import { SLUGS } from './slugs'

export const FOLLOW_NOTICE_STATES = ['open', 'sent', 'nothing'] as const
export type FollowNoticeState = (typeof FOLLOW_NOTICE_STATES)[number]

/** Changes of one event within this window (FOLLOW_NOTICE_WINDOW_MS, default 15 minutes) go out as one mail. */
export const followNoticeWindowMs = () => {
  const ms = Number(process.env.FOLLOW_NOTICE_WINDOW_MS ?? 15 * 60_000)
  return Number.isFinite(ms) && ms >= 0 ? ms : 15 * 60_000
}

/**
 * The changes of one event that its followers (and its rassegna's) are told about in one mail: opened by the
 * first notifying save, it keeps the published values before that save; the job sent when the window closes
 * compares them with the event as it is then, so several saves within the window make one mail.
 */
export const FollowNotices: CollectionConfig = {
  slug: SLUGS.followNotices,
  labels: { singular: 'Avviso a chi segue', plural: 'Avvisi a chi segue' },
  admin: {
    useAsTitle: 'title',
    group: 'Newsletter',
    defaultColumns: ['title', 'state', 'recipients', 'sent', 'dueAt'],
  },
  access: { read: networkAdminOnly, create: nobody, update: nobody, delete: networkAdminOnly },
  fields: [
    { name: 'title', type: 'text', label: 'Avviso' },
    { name: 'event', type: 'relationship', relationTo: SLUGS.events, required: true, index: true },
    {
      name: 'state',
      type: 'select',
      required: true,
      index: true,
      defaultValue: 'open',
      label: 'Stato',
      options: [
        { value: 'open', label: 'In attesa' },
        { value: 'sent', label: 'Inviato' },
        { value: 'nothing', label: 'Nessun cambiamento da comunicare' },
      ],
    },
    { name: 'before', type: 'json', admin: { hidden: true } },
    {
      type: 'row',
      fields: [
        { name: 'openedAt', type: 'date', label: 'Prima modifica' },
        { name: 'dueAt', type: 'date', label: 'Invio previsto' },
      ],
    },
    {
      name: 'changes',
      type: 'array',
      label: 'Che cosa è cambiato',
      fields: [
        { name: 'date', type: 'text', label: 'Data' },
        { name: 'field', type: 'text', label: 'Campo' },
        { name: 'before', type: 'text', label: 'Prima' },
        { name: 'after', type: 'text', label: 'Dopo' },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'recipients', type: 'number', label: 'Destinatari', defaultValue: 0 },
        { name: 'sent', type: 'number', label: 'Inviati', defaultValue: 0 },
        { name: 'failed', type: 'number', label: 'Non recapitati', defaultValue: 0 },
      ],
    },
    // Subscriber ids already mailed: a run that comes back sends only to the others.
    { name: 'delivered', type: 'json', admin: { hidden: true } },
  ],
}
