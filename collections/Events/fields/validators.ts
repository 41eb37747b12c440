import type { Validate } from 'payload'
import { relationship } from 'payload/shared'
import { catalogue } from '../../../shared/strings'
import { refId } from '../../access/roles'
import { lookup } from '../../lib/lookup'

type Sibling = Record<string, unknown>
const time = (v: unknown) => (v ? new Date(v as string).getTime() : Number.NaN)

export const endAfterStart: Validate = (value, { siblingData }) => {
  if (!value) return true
  const start = time((siblingData as Sibling).start)
  const end = time(value)
  if (Number.isNaN(end) || !inRange(end)) return 'Data di fine non valida.'
  if (!Number.isNaN(start) && end < start) return 'La fine non può essere prima dell’inizio.'
  return true
}

/** An agenda has no business before 2000 or after 2100; the bound also keeps rule expansion short. */
const inRange = (t: number) => t >= Date.UTC(2000, 0, 1) && t < Date.UTC(2100, 0, 1)

export const validDate: Validate = (value) => {
  if (value == null || value === '') return 'Indica la data di inizio.'
  const t = time(value)
  if (Number.isNaN(t)) return 'Data non valida.'
  return inRange(t) ? true : 'La data deve essere compresa tra il 2000 e il 2100.'
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

type Owned = 'libraries' | 'venues' | 'series' | 'festivals'

/**
 * A library, venue, series or festival must belong to the event's own system, so an editor can neither
 * borrow another system's place nor hand an event to another system through it. Festivals without a
 * system belong to the network and are open to every system.
 */
export const inEventSystem =
  (collection: Owned, message: string, openWhenOwnerless = false): Validate =>
  async (value, { data, req }) => {
    const id = refId(value)
    const system = refId((data as Sibling)?.system)
    if (id == null || system == null) return true
    const doc = await lookup(req, collection, id)
    if (!doc) return 'Elemento collegato non trovato.'
    const owner = refId((doc as { system?: unknown }).system)
    if (owner == null) return openWhenOwnerless ? true : message
    return String(owner) === String(system) ? true : message
  }

const libraryInSystem = inEventSystem('libraries', 'La biblioteca appartiene a un altro sistema bibliotecario.')

export const validLibrary: Validate = async (value, args) => {
  const placed = libraryOrVenue(value, args)
  return placed === true ? libraryInSystem(value, args) : placed
}
export const validVenue = inEventSystem('venues', 'Il luogo appartiene a un altro sistema bibliotecario.')
export const validSeries = inEventSystem('series', 'La rassegna appartiene a un altro sistema bibliotecario.')
export const validFestival = inEventSystem(
  'festivals',
  'Il festival appartiene a un altro sistema bibliotecario.',
  true,
)

/**
 * The organiser must be a partner that works with the event's system, so an editor can name only the partners of
 * their own system (and a network admin moving an event to another system must change its organiser too).
 */
export const validOrganiser: Validate = async (value, { data, req }) => {
  const id = refId(value)
  const system = refId((data as Sibling)?.system)
  if (id == null || system == null) return true
  const partner = await lookup(req, 'partners', id)
  if (!partner) return 'Elemento collegato non trovato.'
  const systems = Array.isArray(partner.systems) ? partner.systems.map((s) => String(refId(s))) : []
  return systems.includes(String(system)) ? true : catalogue('it').partners.notOfSystem
}

const OWNED: [Validate, string][] = [
  [libraryInSystem, 'library'],
  [validVenue, 'venue'],
  [validSeries, 'series'],
  [validFestival, 'festival'],
  [validOrganiser, 'organiser'],
]

/** Changing the system (network admins only) must bring library, venue, series, festival and organiser along. */
export const validSystem: Validate = async (value, args) => {
  const base = await relationship(value as never, args as never)
  if (base !== true) return base
  for (const [check, key] of OWNED)
    if ((await check((args.siblingData as Sibling)[key], args)) !== true)
      return 'Biblioteca, luogo, rassegna, festival e organizzatore devono appartenere al sistema scelto.'
  return true
}

/** Links typed by staff must be web addresses: anything else (javascript:, data:) is refused on the field. */
export const webUrl: Validate = (value) => {
  if (value == null || String(value).trim() === '') return true
  const text = String(value).trim()
  return /^https?:\/\//i.test(text) && URL.canParse(text)
    ? true
    : 'Inserisci un indirizzo web completo che inizi con https:// (o http://).'
}
