import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendFollowNotices as send } from '../follow'

/** The notice of an event's changed dates to its followers, queued by the Events hook for the end of its window. */
export const sendFollowNotices: TaskConfig<'sendFollowNotices'> = {
  slug: TASKS.sendFollowNotices,
  label: 'Avvisa chi segue un evento o la sua rassegna delle date cambiate',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [{ name: 'noticeId', type: 'text', required: true }],
  outputSchema: [
    { name: 'recipients', type: 'number' },
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ input, req }) => ({ output: await send(req.payload, input.noticeId) }),
}
