import { describe, expect, it } from 'vitest'
import { healthResponse } from '../../cms/health'
import { getPayload } from '../helpers/payload'

describe('/healthz', () => {
  it('answers 200 {"status":"ok"} when the database answers', async () => {
    const res = await healthResponse(getPayload)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('answers 503 once the database connection is gone', async () => {
    const payload = await getPayload()
    await payload.db.destroy?.()
    const res = await healthResponse(getPayload)
    expect(res.status).toBe(503)
    expect((await res.json()).status).toBe('error')
  })
})
