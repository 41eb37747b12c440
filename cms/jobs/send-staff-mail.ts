import type { TaskConfig } from 'payload'
import { SLUGS, TASKS } from '../../collections/slugs'
import { RESET_TTL_MS } from '../../collections/Users/endpoints/forgotPassword'
import { transactionalMessage } from '../../emails/messages'
import { renderEmail } from '../../emails/render'
import { sendMessage } from '../../emails/send'
import { cmsUrl } from '../../shared/env'
import type { User } from '../payload-types'

/**
 * A mail to a member of staff about their account. The reset token is read from the account when the mail
 * is sent (it is never copied into the job), so a link superseded by a newer request is not sent.
 */
export const sendStaffMail: TaskConfig<'sendStaffMail'> = {
  slug: TASKS.sendStaffMail,
  label: 'Invia una mail a un utente della redazione (nuova password)',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 15_000 } },
  inputSchema: [
    { name: 'userId', type: 'text', required: true },
    { name: 'kind', type: 'select', required: true, options: ['password-reset'] },
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
    const rendered = await renderEmail('password-reset', {
      name: user.name,
      resetUrl: `${cmsUrl()}/admin/reset/${encodeURIComponent(token)}`,
      expiresInMinutes: Math.round(RESET_TTL_MS / 60_000),
    })
    const outcome = await sendMessage(transactionalMessage(user.email, rendered))
    if (!outcome.ok && outcome.kind === 'temporary') throw new Error(`SMTP ${outcome.code ?? ''} ${outcome.error}`)
    return { output: { outcome: outcome.ok ? 'sent' : outcome.kind } }
  },
}
