import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { settleAndNotify } from '../proposals'

/** Records an editor's decision on a proposal (accepted by publishing, or refused) and mails the proposer. */
export const settleProposal: TaskConfig<'settleProposal'> = {
  slug: TASKS.settleProposal,
  label: 'Comunica a chi l’ha proposto la decisione su una proposta di evento',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 30_000 } },
  inputSchema: [{ name: 'proposalId', type: 'text', required: true }],
  handler: async ({ input, req }) => ({ output: { outcome: await settleAndNotify(req.payload, input.proposalId) } }),
}
