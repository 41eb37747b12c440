import type { Field } from 'payload'

const between = (min: number, max: number, what: string) => (value: unknown) =>
  value == null ||
  (typeof value === 'number' && value >= min && value <= max) ||
  `${what} deve essere tra ${min} e ${max}`

/** Optional coordinates, entered by librarians (no geocoding service is reachable from the CMS). */
export const geoFields: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'lat', type: 'number', label: 'Latitudine', validate: between(-90, 90, 'La latitudine') },
      { name: 'lng', type: 'number', label: 'Longitudine', validate: between(-180, 180, 'La longitudine') },
    ],
  },
]
