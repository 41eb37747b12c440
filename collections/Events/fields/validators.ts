import type { Validate } from 'payload'

type Sibling = Record<string, unknown>
const time = (v: unknown) => (v ? new Date(v as string).getTime() : Number.NaN)

export const endAfterStart: Validate = (value, { siblingData }) => {
  if (!value) return true
  const start = time((siblingData as Sibling).start)
  const end = time(value)
  if (Number.isNaN(end)) return 'Data di fine non valida.'
  if (!Number.isNaN(start) && end < start) return 'La fine non può essere prima dell’inizio.'
  return true
}

export const validDate: Validate = (value) => {
  if (value == null || value === '') return 'Indica la data di inizio.'
  return Number.isNaN(time(value)) ? 'Data non valida.' : true
}

export const altWhenImage: Validate = (value, { siblingData }) =>
  (siblingData as Sibling).image && !String(value ?? '').trim()
    ? 'Il testo alternativo è obbligatorio quando c’è un’immagine.'
    : true

export const libraryOrVenue: Validate = (value, { siblingData }) =>
  value || (siblingData as Sibling).library || (siblingData as Sibling).venue
    ? true
    : 'Indica la biblioteca o il luogo dell’evento.'

export const ageRange: Validate = (value, { siblingData }) => {
  if (value == null) return true
  if (typeof value !== 'number' || value < 0 || value > 120) return 'L’età deve essere tra 0 e 120 anni.'
  const min = (siblingData as Sibling).minAge
  if (typeof min === 'number' && value < min) return 'L’età massima non può essere inferiore alla minima.'
  return true
}
