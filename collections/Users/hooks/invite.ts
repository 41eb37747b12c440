import { randomBytes } from 'node:crypto'
import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'
import type { User } from '../../../cms/payload-types'
import { QUEUES, SLUGS, TASKS } from '../../slugs'

/** How long the link of an invitation lets its person choose a password. */
export const INVITE_TTL_MS = 7 * 24 * 60 * 60 * 1000
/** The addresses of the accounts this request creates by invitation (read by `sendInvitation`). */
const INVITED = 'usersInvited'

/**
 * A new account is created by invitation when asked (`invite`, the admin's default) or when no password is
 * given: it gets a random password nobody knows, and its person chooses one from the invitation's link. An
 * account created with a password (seeds, scripts) is not invited.
 */
export const inviteWithoutPassword: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' || !args.data) return args
  const data = args.data as { invite?: unknown; password?: unknown; email?: unknown }
  const noPassword = typeof data.password !== 'string' || data.password === ''
  if (data.invite !== true && !(data.invite === undefined && noPassword)) return args
  data.password = randomBytes(24).toString('base64url')
  const email = typeof data.email === 'string' ? data.email.trim().toLowerCase() : ''
  const context = args.req.context as Record<string, unknown>
  context[INVITED] = [...((context[INVITED] as string[] | undefined) ?? []), email]
  return args
}

/**
 * The invitation of an account created above: a set-password token (the one Payload's reset page reads) and
 * the mail queued in the creating transaction; the job reads the token when it sends.
 */
export const sendInvitation: CollectionAfterChangeHook<User> = async ({ doc, operation, req }) => {
  const invited = (req.context as Record<string, unknown>)[INVITED] as string[] | undefined
  if (operation !== 'create' || !invited?.includes(doc.email.toLowerCase())) return doc
  await req.payload.db.updateOne({
    collection: SLUGS.users,
    id: doc.id,
    data: {
      resetPasswordToken: randomBytes(20).toString('hex'),
      resetPasswordExpiration: new Date(Date.now() + INVITE_TTL_MS).toISOString(),
    },
    req,
    returning: false,
  })
  await req.payload.jobs.queue({
    task: TASKS.sendStaffMail,
    input: { userId: String(doc.id), kind: 'invitation' },
    queue: QUEUES.mail,
    req,
  })
  return doc
}
