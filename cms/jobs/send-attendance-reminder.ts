import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { sendAttendanceReminder as send } from '../attendance'

/** One member of staff's reminder of the dates waiting for attendance (mail queue; nothing when none wait). */
export const sendAttendanceReminder: TaskConfig<'sendAttendanceReminder'> = {
  slug: TASKS.sendAttendanceReminder,
  label: 'Invia il promemoria delle presenze a un utente della redazione',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [{ name: 'userId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await send(req.payload, input.userId) } }),
}
