import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendRegistrationMail as send } from '../registrations'

/** The confirmation of a registration (queued by the wing in the booking's transaction). */
export const sendRegistrationMail: TaskConfig<'sendRegistrationMail'> = {
  slug: TASKS.sendRegistrationMail,
  label: 'Invia la conferma di un’iscrizione a un evento',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [
    { name: 'registrationId', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: ['confirmation'] },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const outcome = await send(req.payload, input.registrationId)
    if (!outcome.ok && outcome.kind === 'temporary') throw new Error(`SMTP ${outcome.code ?? ''} ${outcome.error}`)
    return { output: { outcome: outcome.ok ? 'sent' : outcome.kind } }
  },
}
