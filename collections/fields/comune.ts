import type { Field } from 'payload'
import { COMUNI } from '../data/comuni'

export const COMUNE_OPTIONS = COMUNI.map((c) => ({ value: c.istat, label: c.name }))

/** A comune of the province of Bergamo, stored by its ISTAT code. */
export const comuneField = (overrides: Partial<{ required: boolean; name: string }> = {}): Field => ({
  name: overrides.name ?? 'comune',
  type: 'select',
  label: 'Comune',
  required: overrides.required ?? true,
  index: true,
  options: COMUNE_OPTIONS,
  admin: { description: 'Uno dei 243 comuni della provincia di Bergamo (codice ISTAT).' },
})

export const comuneByIstat = new Map(COMUNI.map((c) => [c.istat, c]))
export const comuneBySlug = new Map(COMUNI.map((c) => [c.slug, c]))
