import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import type { SubscriberMailKind } from '../newsletter'
import { sendSubscriberMail as send } from '../newsletter'

/** A double opt-in life-cycle mail (confirmation, welcome, preferences). Temporary SMTP failures retry with backoff. */
export const sendSubscriberMail: TaskConfig<'sendSubscriberMail'> = {
  slug: TASKS.sendSubscriberMail,
  label: 'Invia una mail a un iscritto (conferma, benvenuto, preferenze)',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [
    { name: 'subscriberId', type: 'text', required: true },
    {
      name: 'kind',
      type: 'select',
      required: true,
      options: ['confirmation', 'welcome', 'preferences-changed', 'manage-preferences'],
    },
  ],
  handler: async ({ input, req }) => {
    const outcome = await send(req.payload, input.subscriberId, input.kind as SubscriberMailKind)
    return { output: { outcome } }
  },
}
