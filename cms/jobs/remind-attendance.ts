import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { nextReminderRun, queueAttendanceReminders } from '../attendance'

/** Every Monday at 08:00 (Europe/Rome): one reminder queued per member of staff with dates waiting for attendance. */
export const remindAttendance: TaskConfig<'remindAttendance'> = {
  slug: TASKS.remindAttendance,
  label: 'Promemoria delle presenze da registrare (lunedì 8:00)',
  retries: 2,
  schedule: [
    {
      cron: '0 8 * * 1',
      queue: 'default',
      hooks: {
        // Payload evaluates crons in the server's time zone; the reminder follows Rome's clocks.
        beforeSchedule: async (args) => {
          const base = await args.defaultBeforeSchedule(args)
          return { ...base, waitUntil: nextReminderRun(new Date()) }
        },
      },
    },
  ],
  outputSchema: [{ name: 'queued', type: 'number' }],
  handler: async ({ req }) => ({ output: await queueAttendanceReminders(req.payload) }),
}
