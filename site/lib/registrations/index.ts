// The site's door to the registrations wing (cms/registrations): its operations on this process's Payload.
import type { Payload } from 'payload'
import * as registrations from '../../../cms/registrations'
import { getPayload } from '../payload'

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
