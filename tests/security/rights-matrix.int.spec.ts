// The rights matrix over the Local API and Payload's REST handler in process; the same matrix over the
// real HTTP server is tests/security/rights-matrix.stack.spec.ts.
import { afterAll, beforeAll } from 'vitest'
import { buildNetwork, type Network } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'
import { type Actor, type Ctx, localTransport, restTransport } from './helpers/rights'
import { describeMatrix } from './helpers/run-matrix'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const ctx = (): Ctx => ({ payload, net })
const token = async (actor: Actor) => (actor === 'public' ? undefined : net.token(actor))

describeMatrix(ctx, () => localTransport(ctx()), 'Local API')
describeMatrix(
  ctx,
  () =>
    restTransport(
      'REST (in process)',
      (method, path, t, body) => rest(method as never, path, { token: t, body }),
      token,
    ),
  'REST handler',
)
