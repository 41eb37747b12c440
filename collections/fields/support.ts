import type { Field } from 'payload'
import { SUPPORT_ROLE_OPTIONS } from '../enums'
import { SLUGS } from '../slugs'

/**
 * Who funds or supports an event, rassegna, festival or campaign (issue 15): shown on the public page as
 * credits and read by the funder's report. Any funder may be picked, whoever owns it. An event also shows the
 * credits of its rassegna, festival and campaigns, so they need not be repeated on each event.
 */
export const supportField = (options: { sidebar?: boolean } = {}): Field => ({
  name: 'support',
  type: 'array',
  label: 'Finanziatori e sostenitori',
  labels: { singular: 'Sostenitore', plural: 'Sostenitori' },
  admin: {
    ...(options.sidebar ? { position: 'sidebar' as const } : {}),
    initCollapsed: false,
    description:
      'Compaiono sulla pagina pubblica nel riquadro «Con il sostegno di». Gli eventi mostrano anche quelli della loro rassegna, del festival e delle campagne.',
  },
  fields: [
    { name: 'funder', type: 'relationship', relationTo: SLUGS.funders, label: 'Chi', required: true, index: true },
    {
      name: 'role',
      type: 'select',
      label: 'Come',
      options: SUPPORT_ROLE_OPTIONS,
      defaultValue: 'supported',
      required: true,
    },
    {
      name: 'detail',
      type: 'text',
      label: 'Dettaglio',
      maxLength: 200,
      admin: { placeholder: 'Bando Cultura 2026, DGR n. …' },
    },
  ],
})
