import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { MAIL_KINDS, type MailKind, sendRegistrationMail as send } from '../registrations'

/** A registration's mail (confirmation, offer, reminder…), queued by the wing in the same transaction as the change. */
export const sendRegistrationMail: TaskConfig<'sendRegistrationMail'> = {
  slug: TASKS.sendRegistrationMail,
  label: 'Invia una mail di un’iscrizione a un evento',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [
    { name: 'registrationId', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: [...MAIL_KINDS] },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const outcome = await send(req.payload, input.registrationId, input.kind as MailKind)
    if (!outcome.ok && outcome.kind === 'temporary') throw new Error(`SMTP ${outcome.code ?? ''} ${outcome.error}`)
    return { output: { outcome: outcome.ok ? 'sent' : outcome.kind } }
  },
}
