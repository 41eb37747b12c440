import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { promoteWaitingList as promote } from '../registrations'

/** Offers the freed places of one date to its waiting list (queued whenever a booking gives places back). */
export const promoteWaitingList: TaskConfig<'promoteWaitingList'> = {
  slug: TASKS.promoteWaitingList,
  label: 'Offri i posti liberati alla lista d’attesa',
  retries: 3,
  inputSchema: [
    { name: 'event', type: 'text', required: true },
    { name: 'start', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'offered', type: 'number' }],
  handler: async ({ input, req }) => {
    const event = /^\d+$/.test(input.event) ? Number(input.event) : input.event
    return { output: { offered: await promote(req.payload, { event, start: new Date(input.start) }) } }
  },
}
