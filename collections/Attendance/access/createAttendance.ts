import type { Access } from 'payload'
import { hasRole, isNetworkAdmin, refId, staffOf } from '../../access/roles'
import { SLUGS } from '../../slugs'

/**
 * Recording a date's attendance: network admins for any event; a system's editors for their system's events, a
 * library's contributors for their library's (the reach of `registrationRows`, which reads and corrects it).
 * Asked without data (may the admin offer "Crea"?), staff of those roles may. Asked with an event, the event's
 * own system and library decide; an unknown event is left to the validation, which names it.
 */
export const createAttendance: Access = async ({ req, data }) => {
  const user = staffOf(req)
  if (isNetworkAdmin(user)) return true
  if (!user || !hasRole(user, 'system-editor', 'library-contributor')) return false
  const eventId = refId(data?.event)
  if (eventId == null || (typeof eventId !== 'number' && typeof eventId !== 'string')) return !data?.event
  const event = await req.payload
    .findByID({
      collection: SLUGS.events,
      id: eventId,
      depth: 0,
      select: { system: true, library: true },
      disableErrors: true,
      overrideAccess: true, // whose event it is, to compare with the user's reach
      req,
    })
    .catch(() => null)
  if (!event) return true
  if (hasRole(user, 'system-editor')) return String(refId(event.system)) === String(refId(user.system))
  return refId(event.library) != null && String(refId(event.library)) === String(refId(user.library))
}
