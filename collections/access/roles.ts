import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'
import type { Role } from '../enums'

type Id = number | string
type Ref = Id | { id: Id } | null | undefined

/** The part of a logged-in user that access rules read. */
export type Staff = { id: Id; roles?: Role[] | null; system?: Ref; library?: Ref; partner?: Ref }

/** The id of a relationship value, whether it holds the id or the populated document. */
export const refId = (ref: unknown): Id | null =>
  ref == null ? null : typeof ref === 'object' ? (ref as { id: Id }).id : (ref as Id)

export const staffOf = (req: PayloadRequest): Staff | null => (req.user as Staff | null) ?? null

export const hasRole = (user: Staff | null, ...roles: Role[]): boolean => !!user?.roles?.some((r) => roles.includes(r))

export const isNetworkAdmin = (user: Staff | null) => hasRole(user, 'network-admin')
export const isNetwork = (user: Staff | null) => hasRole(user, 'network-admin', 'network-editor')

/** Row-level filter: documents whose `system` field is the user's system (nothing if the user has none). */
export const ownSystem = (user: Staff, field = 'system'): Where => ({
  [field]: { equals: refId(user.system) ?? '__none__' },
})

export const ownLibrary = (user: Staff, field = 'library'): Where => ({
  [field]: { equals: refId(user.library) ?? '__none__' },
})

/** Row-level filter: events a partner's account organises (nothing if the account has no partner). */
export const ownPartner = (user: Staff, field = 'organiser'): Where => ({
  [field]: { equals: refId(user.partner) ?? '__none__' },
})

export const anyone: Access = () => true
export const nobody: Access = () => false
/** Field-level: a field no request may write (or read), whoever asks; server code sets it with overrideAccess. */
export const noRequest: FieldAccess = () => false
export const networkAdminOnly: Access = ({ req }) => isNetworkAdmin(staffOf(req))
export const networkStaff: Access = ({ req }) => isNetwork(staffOf(req))
/** Boolean, so it also serves as the admin panel's `access.admin`. */
export const loggedIn = ({ req }: { req: PayloadRequest }): boolean => !!req.user
