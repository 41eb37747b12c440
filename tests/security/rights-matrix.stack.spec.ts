// The rights matrix over the real HTTP server: `npm start`'s CMS (Next + Payload + cms/proxy.ts) on a free
// port, every request a real HTTP request with a JWT. Fixtures and read-backs go through the Local API on the
// same database (tests/security/helpers/stack-env.ts starts the server first). Needs the builds (npm run build
// or a previous npm start / npm run test:e2e); run with `npm run test:stack`.
import { afterAll, beforeAll } from 'vitest'
import { buildNetwork, type Network } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'
import { type Actor, type Ctx, restTransport } from './helpers/rights'
import { describeMatrix } from './helpers/run-matrix'

let payload: Payload
let net: Network
const CMS = process.env.STACK_CMS as string

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload, '-http')
}, 120_000)
afterAll(async () => payload.destroy())

const ctx = (): Ctx => ({ payload, net })

const send = async (method: string, path: string, token?: string, body?: unknown) => {
  const res = await fetch(`${CMS}/api${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `JWT ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(20_000),
  })
  const text = await res.text()
  let json: unknown = null
  try {
    json = text ? JSON.parse(text) : null
  } catch {
    json = text
  }
  return { status: res.status, json }
}

describeMatrix(
  ctx,
  () => restTransport('HTTP', send, async (actor: Actor) => (actor === 'public' ? undefined : net.token(actor))),
  'real HTTP server',
)
