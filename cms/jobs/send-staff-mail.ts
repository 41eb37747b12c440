import type { PayloadRequest, TaskConfig } from 'payload'
import { ROLE_LABELS, type Role } from '../../collections/enums'
import { SLUGS, TASKS } from '../../collections/slugs'
import { RESET_TTL_MS } from '../../collections/Users/endpoints/forgotPassword'
import { INVITE_TTL_MS } from '../../collections/Users/hooks/invite'
import { transactionalMessage } from '../../emails/messages'
import { type RenderedEmail, renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { cmsUrl } from '../../shared/env'
import type { System, User } from '../payload-types'

/** "Redazione di sistema – Sistema Bibliotecario Valle Seriana": what an invited account is for. */
const roleOf = async (user: User, req: PayloadRequest) => {
  const roles = ((user.roles ?? []) as Role[]).map((r) => ROLE_LABELS[r]).join(', ')
  const systemId = typeof user.system === 'object' ? user.system?.id : user.system
  if (systemId == null) return roles
  const system = (await req.payload.findByID({
    collection: SLUGS.systems,
    id: systemId,
    depth: 0,
    disableErrors: true,
    overrideAccess: true, // the name of the account's own system, for its mail
    req,
  })) as System | null
  return system ? `${roles} – ${system.name}` : roles
}

/**
 * A mail to a member of staff about their account: a new password, or the invitation of a new account. The
 * token is read from the account when the mail is sent (it is never copied into the job), so a link
 * superseded by a newer request, or already used, is not sent.
 */
export const sendStaffMail: TaskConfig<'sendStaffMail'> = {
  slug: TASKS.sendStaffMail,
  label: 'Invia una mail a un utente della redazione (invito, nuova password)',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [
    { name: 'userId', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: ['password-reset', 'invitation'] },
  ],
  outputSchema: [{ name: 'outcome', type: 'text' }],
  handler: async ({ input, req }) => {
    const user = await req.payload.db.findOne<User>({
      collection: SLUGS.users,
      where: { id: { equals: input.userId } },
      req,
    })
    const token = user?.resetPasswordToken
    const expires = user?.resetPasswordExpiration ? Date.parse(user.resetPasswordExpiration) : 0
    if (!user?.email || !token || expires <= Date.now()) return { output: { outcome: 'skipped' } }
    const link = `${cmsUrl()}/admin/reset/${encodeURIComponent(token)}`
    const rendered: RenderedEmail =
      input.kind === 'invitation'
        ? await renderEmail('staff-invitation', {
            name: user.name,
            role: await roleOf(user, req),
            setPasswordUrl: link,
            loginUrl: `${cmsUrl()}/admin/login`,
            expiresInDays: Math.round(INVITE_TTL_MS / 86_400_000),
          })
        : await renderEmail('password-reset', {
            name: user.name,
            resetUrl: link,
            expiresInMinutes: Math.round(RESET_TTL_MS / 60_000),
          })
    const outcome = await sendMessage(transactionalMessage(user.email, rendered))
    if (!outcome.ok && outcome.kind === 'temporary') throw new Error(`SMTP ${outcome.code ?? ''} ${outcome.error}`)
    return { output: { outcome: outcome.ok ? 'sent' : outcome.kind } }
  },
}
