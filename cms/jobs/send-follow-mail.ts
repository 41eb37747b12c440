import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendFollowMail as send } from '../follow'

/** The confirmation mail of a follow. Temporary SMTP failures retry with backoff. */
export const sendFollowMail: TaskConfig<'sendFollowMail'> = {
  slug: TASKS.sendFollowMail,
  label: 'Invia la mail di conferma di chi vuole seguire una pagina',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'followId', type: 'text', required: true }],
  handler: async ({ input, req }) => ({ output: { outcome: await send(req.payload, input.followId) } }),
}
