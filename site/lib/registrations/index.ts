// The site's door to the registrations wing (cms/registrations): its operations on this process's Payload.
import type { Payload } from 'payload'
import type { Event, System } from '../../../cms/payload-types'
import * as registrations from '../../../cms/registrations'
import { getPayload } from '../payload'
import { NETWORK } from '../site-info'

const onPayload =
  <A extends unknown[], R>(run: (payload: Payload, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    run(await getPayload(), ...args)

export const book = onPayload(registrations.book)
export const cancel = onPayload(registrations.cancel)
export const checkCancelLink = onPayload(registrations.checkCancelLink)
export const availability = onPayload(registrations.availability)
export const viewBooking = onPayload(registrations.viewBooking)
export const cancelBooking = onPayload(registrations.cancelBooking)
export const changePeople = onPayload(registrations.changePeople)
export const viewOffer = onPayload(registrations.viewOffer)
export const acceptOffer = onPayload(registrations.acceptOffer)
export const declineOffer = onPayload(registrations.declineOffer)
export const listBookings = onPayload(registrations.listBookings)

export type RegistrationBoxData = {
  eventId: number
  slug: string
  settings: registrations.RegistrationSettings
  dates: registrations.DateAvailability[]
  /** Who the privacy notice names as controller, and after how many days the data goes. */
  privacy: { organiser: string; retentionDays: number }
}

/** What the event page's registration box shows (null: the event takes no registrations on the site). */
export const registrationBox = async (event: Event): Promise<RegistrationBoxData | null> => {
  const settings = registrations.settingsOf(event)
  if (settings.mode === 'off') return null
  const system = event.system && typeof event.system === 'object' ? (event.system as System) : null
  return {
    eventId: event.id,
    slug: event.slug ?? '',
    settings,
    dates: await availability(event),
    privacy: {
      organiser: system?.name ?? NETWORK.name,
      retentionDays: system?.registrationRetentionDays || registrations.DEFAULT_RETENTION_DAYS,
    },
  }
}

export {
  type BookField,
  type BookingView,
  type BookResult,
  bookAllowed,
  bookErrorText,
  type CancelResult,
  type DateAvailability,
  type FamilyBooking,
  type LinkProblem,
  type MyBooking,
  type OfferView,
  peopleOf,
  type RegistrationSettings,
  settingsOf,
} from '../../../cms/registrations'
