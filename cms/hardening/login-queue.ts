/**
 * Payload's login reads the account, checks the password, then writes the row it read with one more session: two
 * logins of one account at the same moment each write their own list, and all but the last session are lost
 * (that person is signed out at their next click). Here the logins of one address go one at a time, each after
 * the previous one has committed and answered. Other addresses and every other request are not held.
 */

type Handler = (request: Request, context: never) => Promise<Response>

/** A login waits at most this long for the one before it, then goes ahead (a stuck login must not lock anyone out). */
const MAX_WAIT_MS = 10_000

const tails = new Map<string, Promise<void>>()

const acquire = async (key: string): Promise<() => void> => {
  const previous = tails.get(key) ?? Promise.resolve()
  let release!: () => void
  const mine = new Promise<void>((resolve) => {
    release = resolve
  })
  const tail = previous.then(() => mine)
  tails.set(key, tail)
  let timer: NodeJS.Timeout | undefined
  await Promise.race([previous, new Promise<void>((resolve) => (timer = setTimeout(resolve, MAX_WAIT_MS)))])
  clearTimeout(timer)
  return () => {
    release()
    if (tails.get(key) === tail) tails.delete(key)
  }
}

const LOGIN_PATH = /\/api\/[^/]+\/login\/?$/

/** The address a login is for: Payload's admin sends the form as `_payload` JSON in multipart, other clients JSON. */
const loginAddress = async (request: Request): Promise<string> => {
  try {
    const type = request.headers.get('content-type') ?? ''
    let body: unknown
    if (type.includes('multipart/form-data') || type.includes('application/x-www-form-urlencoded')) {
      const form = await request.clone().formData()
      const payload = form.get('_payload')
      body = typeof payload === 'string' ? JSON.parse(payload) : Object.fromEntries(form)
    } else body = await request.clone().json()
    const fields = body as { email?: unknown; username?: unknown } | null
    return String(fields?.email ?? fields?.username ?? '')
      .trim()
      .toLowerCase()
  } catch {
    return ''
  }
}

/** Wraps the REST route's POST handler: logins of one address in turn. */
export const oneLoginPerAccount = <H extends Handler>(handler: H): H =>
  (async (request: Request, context: never) => {
    const { pathname } = new URL(request.url)
    if (request.method !== 'POST' || !LOGIN_PATH.test(pathname)) return handler(request, context)
    const address = await loginAddress(request)
    if (!address) return handler(request, context)
    const release = await acquire(`${pathname.replace(/\/$/, '')} ${address}`)
    try {
      return await handler(request, context)
    } finally {
      release()
    }
  }) as H
