import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendProposalMail as send } from '../proposals'

/** The confirmation mail of an event proposal. Temporary SMTP failures retry with backoff. */
export const sendProposalMail: TaskConfig<'sendProposalMail'> = {
  slug: TASKS.sendProposalMail,
  label: 'Invia la mail di conferma di una proposta di evento',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'proposalId', type: 'text', required: true }],
  handler: async ({ input, req }) => ({ output: { outcome: await send(req.payload, input.proposalId) } }),
}
