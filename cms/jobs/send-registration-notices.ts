import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendRegistrationNotices as send } from '../registrations'

/** The change notices of one event save (queued by the Events hook in the save's transaction, on the mail queue). */
export const sendRegistrationNotices: TaskConfig<'sendRegistrationNotices'> = {
  slug: TASKS.sendRegistrationNotices,
  label: 'Avvisa le persone iscritte di una data cambiata o annullata',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [
    { name: 'eventId', type: 'text', required: true },
    { name: 'savedAt', type: 'text', required: true },
    { name: 'before', type: 'json', required: true },
  ],
  outputSchema: [
    { name: 'notices', type: 'number' },
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req }) => ({ output: await send(req.payload, input) }),
}
