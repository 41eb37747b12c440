'use client'
import { useAuth, useDocumentInfo, useFormFields, useTranslation } from '@payloadcms/ui'
import { adminStrings } from '../../../shared/strings'
import { hasRole, refId, type Staff } from '../../access/roles'

const box = {
  margin: '0 0 1.5rem',
  padding: '0.75rem 1rem',
  border: '1px solid var(--theme-elevation-400)',
  borderLeft: '6px solid var(--theme-elevation-800)',
  borderRadius: 'var(--style-radius-s)',
  background: 'var(--theme-elevation-50)',
  color: 'var(--theme-elevation-1000)',
} as const

/**
 * At the top of an event the user may not change: why it opens read-only (another system's, another
 * library's) and whom to ask, instead of fields that silently refuse input.
 */
export const ReadOnlyNotice = () => {
  const t = adminStrings(useTranslation().i18n.language)
  const { id, docPermissions } = useDocumentInfo()
  const user = useAuth().user as Staff | null
  const system = useFormFields(([fields]) => refId(fields.system?.value))
  const library = useFormFields(([fields]) => refId(fields.library?.value))
  if (!id || !user || !docPermissions || docPermissions.update) return null
  const otherSystem = user.system != null && system != null && String(system) !== String(refId(user.system))
  const otherLibrary =
    !otherSystem &&
    hasRole(user, 'library-contributor') &&
    library != null &&
    String(library) !== String(refId(user.library))
  const [title, why] = otherSystem
    ? [t.readOnlyOtherSystem, t.readOnlyOtherSystemWhy]
    : otherLibrary
      ? [t.readOnlyOtherLibrary, t.readOnlyOtherLibraryWhy]
      : [t.readOnly, t.readOnlyWhy]
  return (
    <div style={box} data-testid="read-only-notice">
      <p style={{ margin: 0, fontWeight: 700 }}>{title}</p>
      <p style={{ margin: '0.25rem 0 0' }}>{why}</p>
    </div>
  )
}
