import type { TaskConfig } from 'payload'
import { QUEUES, TASKS } from '../../collections/slugs'
import { sendFollowDigests as send } from '../follow'

/** The followers' daily mail of new events on the pages they follow (08:00, mail queue). */
export const sendFollowDigests: TaskConfig<'sendFollowDigests'> = {
  slug: TASKS.sendFollowDigests,
  label: 'Nuovi eventi a chi segue una rassegna, un festival, una campagna, una biblioteca o un sistema',
  retries: 2,
  schedule: [{ cron: '0 8 * * *', queue: QUEUES.mail }],
  outputSchema: [
    { name: 'subscribers', type: 'number' },
    { name: 'sent', type: 'number' },
    { name: 'failed', type: 'number' },
  ],
  handler: async ({ req }) => ({ output: await send(req.payload) }),
}
