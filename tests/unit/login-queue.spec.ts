import { describe, expect, it } from 'vitest'
import { oneLoginPerAccount } from '../../cms/hardening/login-queue'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A handler that records how many requests it is answering at once, per address it reads back from the body. */
const recorder = () => {
  let running = 0
  let most = 0
  const handler = async (_request: Request, _context: never) => {
    running++
    most = Math.max(most, running)
    await sleep(30)
    running--
    return new Response('{}', { status: 200 })
  }
  return { handler, most: () => most }
}

const json = (path: string, email: string) =>
  new Request(`http://localhost:3000${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'x' }),
  })

/** What Payload's admin login form sends: multipart with the fields as JSON in `_payload`. */
const adminForm = (email: string) => {
  const form = new FormData()
  form.append('_payload', JSON.stringify({ email, password: 'x' }))
  return new Request('http://localhost:3000/api/users/login', { method: 'POST', body: form })
}

describe('logins of one address are answered one at a time', () => {
  it('JSON logins of one address, in either case, never overlap', async () => {
    const r = recorder()
    const wrapped = oneLoginPerAccount(r.handler)
    await Promise.all(
      ['a@x.it', 'A@X.it', ' a@x.it', 'a@x.it'].map((e) => wrapped(json('/api/users/login', e), undefined as never)),
    )
    expect(r.most()).toBe(1)
  })

  it("the admin form's logins are held like the others", async () => {
    const r = recorder()
    const wrapped = oneLoginPerAccount(r.handler)
    await Promise.all([
      wrapped(adminForm('b@x.it'), undefined as never),
      wrapped(json('/api/users/login', 'b@x.it'), undefined as never),
      wrapped(adminForm('b@x.it'), undefined as never),
    ])
    expect(r.most()).toBe(1)
  })

  it('other addresses and other requests are not held', async () => {
    const r = recorder()
    const wrapped = oneLoginPerAccount(r.handler)
    await Promise.all([
      wrapped(json('/api/users/login', 'c@x.it'), undefined as never),
      wrapped(json('/api/users/login', 'd@x.it'), undefined as never),
      wrapped(json('/api/events', 'c@x.it'), undefined as never),
    ])
    expect(r.most()).toBe(3)
  })
})
