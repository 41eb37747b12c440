import type { Field } from 'payload'

/** The days a campaign or festival runs, from and to (both required, chosen as days). */
export const periodField: Field = {
  type: 'row',
  fields: [
    {
      name: 'startDate',
      type: 'date',
      label: 'Dal',
      required: true,
      admin: { date: { pickerAppearance: 'dayOnly' } },
    },
    {
      name: 'endDate',
      type: 'date',
      label: 'Al',
      required: true,
      admin: { date: { pickerAppearance: 'dayOnly' } },
    },
  ],
}
