import { randomBytes } from 'node:crypto'
import { commitTransaction, type Endpoint, initTransaction, killTransaction, type PayloadRequest } from 'payload'
import type { User } from '../../../cms/payload-types'
import { QUEUES, SLUGS, TASKS } from '../../slugs'

/** The answer for every well-formed request, whether or not the address has an account. */
export const FORGOT_PASSWORD_MESSAGE =
  'Se l’indirizzo corrisponde a un account, riceverai a breve una mail con il link per scegliere una nuova password.'
const INVALID_EMAIL = 'Indica un indirizzo email valido.'

/** A reset link works for an hour; a second request within a minute sends nothing more (no mail bombing). */
export const RESET_TTL_MS = 60 * 60 * 1000
const REPEAT_AFTER_MS = 60 * 1000
/** Every answer takes at least this long, so timing does not tell a known address from an unknown one. */
const ANSWER_FLOOR_MS = 300

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/

const emailOf = async (req: PayloadRequest): Promise<string | null> => {
  let body: unknown
  try {
    body = await req.json?.()
  } catch {
    return null
  }
  const email = (body as { email?: unknown } | null)?.email
  if (typeof email !== 'string') return null
  const normalized = email.trim().toLowerCase()
  return normalized.length <= 254 && EMAIL.test(normalized) ? normalized : null
}

const answer = async (startedAt: number, status: number, body: object) => {
  const wait = ANSWER_FLOOR_MS - (Date.now() - startedAt)
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * 50))
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } })
}

/**
 * Replaces Payload's forgot-password route. Payload's own writes a reservation outside the request's
 * transaction while that transaction holds SQLite's write lock (a self-deadlock that ended in a 500 and a
 * locked database) and sends the mail inside the request. Here an unknown address writes nothing; a known
 * one gets a token (the same fields Payload's reset-password route and the admin's reset page read) and a
 * mail queued in the same transaction. The answer is the same in both cases.
 */
export const forgotPassword: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    const startedAt = Date.now()
    const email = await emailOf(req)
    if (!email) return answer(startedAt, 400, { errors: [{ message: INVALID_EMAIL, path: 'email' }] })

    const user = await req.payload.db.findOne<User>({
      collection: SLUGS.users,
      where: { email: { equals: email } },
      req,
    })
    const requestedAt = user?.resetPasswordRequestedAt ? Date.parse(user.resetPasswordRequestedAt) : 0
    if (user && Date.now() - requestedAt >= REPEAT_AFTER_MS) {
      const shouldCommit = await initTransaction(req)
      try {
        await req.payload.db.updateOne({
          collection: SLUGS.users,
          id: user.id,
          data: {
            resetPasswordToken: randomBytes(20).toString('hex'),
            resetPasswordExpiration: new Date(Date.now() + RESET_TTL_MS).toISOString(),
            resetPasswordRequestedAt: new Date().toISOString(),
          },
          req,
          returning: false,
        })
        await req.payload.jobs.queue({
          task: TASKS.sendStaffMail,
          input: { userId: String(user.id), kind: 'password-reset' },
          queue: QUEUES.mail,
          req,
        })
        if (shouldCommit) await commitTransaction(req)
      } catch (error) {
        await killTransaction(req)
        throw error
      }
    }
    return answer(startedAt, 200, { message: FORGOT_PASSWORD_MESSAGE })
  },
}
