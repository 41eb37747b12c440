import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { renderProgramme as render } from '../print'

/** Builds a requested printed programme (PDF of an agenda filter) into the data folder and marks it ready. */
export const renderProgramme: TaskConfig<'renderProgramme'> = {
  slug: TASKS.renderProgramme,
  label: 'Prepara un programma da stampare (PDF)',
  retries: 2,
  inputSchema: [{ name: 'exportId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await render(req.payload, input.exportId) } }),
}
