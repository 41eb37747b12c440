import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { syncSource } from '../import'

/** Reads one calendar source and applies it to the agenda; what it did is in its `import-runs` row. */
export const syncCalendarSource: TaskConfig<'syncCalendarSource'> = {
  slug: TASKS.syncCalendarSource,
  label: 'Sincronizza un calendario importato',
  // A failed read is a failed run in the log, not an error: the next scheduled run tries again.
  retries: 1,
  inputSchema: [
    { name: 'sourceId', type: 'text', required: true },
    { name: 'trigger', type: 'text' },
  ],
  outputSchema: [
    { name: 'status', type: 'text' },
    { name: 'run', type: 'text' },
  ],
  handler: async ({ input, req }) => {
    const trigger = input.trigger === 'manual' ? 'manual' : 'schedule'
    const result = await syncSource(req.payload, input.sourceId, { trigger })
    return { output: { status: result.status, run: String(result.run) } }
  },
}
