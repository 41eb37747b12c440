import { type CollectionBeforeValidateHook, ValidationError } from 'payload'
import type { User } from '../../../cms/payload-types'
import { refId } from '../../access/roles'
import type { Role } from '../../enums'
import { SLUGS } from '../../slugs'

/** System-level roles need a system; contributors need a library of that system; a partner's account its partner. */
export const validateAssignment: CollectionBeforeValidateHook<User> = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const roles = (merged.roles ?? []) as Role[]
  const errors: { path: string; message: string }[] = []
  const needsSystem = roles.includes('system-editor') || roles.includes('library-contributor')
  if (needsSystem && refId(merged.system) == null)
    errors.push({ path: 'system', message: 'Indica il sistema bibliotecario di questo utente.' })
  if (roles.includes('library-contributor')) {
    const libraryId = refId(merged.library)
    if (libraryId == null) errors.push({ path: 'library', message: 'Indica la biblioteca del collaboratore.' })
    else if (refId(merged.system) != null) {
      const library = await req.payload.findByID({
        collection: SLUGS.libraries,
        id: libraryId,
        depth: 0,
        disableErrors: true,
        overrideAccess: true, // validation reads reference data regardless of the editor
        req,
      })
      if (!library || String(refId(library.system)) !== String(refId(merged.system)))
        errors.push({ path: 'library', message: 'La biblioteca deve appartenere al sistema indicato.' })
    }
  }
  if (roles.includes('partner') && refId(merged.partner) == null)
    errors.push({ path: 'partner', message: 'Indica l’organizzazione partner di questo account.' })
  if (errors.length) throw new ValidationError({ collection: SLUGS.users, errors }, req.t)
  return data
}
