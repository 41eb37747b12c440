import type { TaskConfig } from 'payload'
import { TASKS } from '../../collections/slugs'
import { renderExport as render } from '../registrations'

/** Builds a requested file (a date's registration list as PDF) into the data folder and marks it ready. */
export const renderExport: TaskConfig<'renderExport'> = {
  slug: TASKS.renderExport,
  label: 'Prepara un file richiesto (elenco iscritti in PDF)',
  retries: 2,
  inputSchema: [{ name: 'exportId', type: 'text', required: true }],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => ({ output: { outcome: await render(req.payload, input.exportId) } }),
}
