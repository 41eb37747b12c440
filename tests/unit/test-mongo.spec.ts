// `npm run test:mongo` must never pass without having tested anything on MongoDB.
import { spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withDatabaseName } from '../helpers/db-kind'

const run = (env: Record<string, string>) => {
  const started = performance.now()
  const { MONGODB_URL: _, ...rest } = process.env
  const res = spawnSync(process.execPath, ['scripts/test-mongo.mjs'], {
    env: { ...rest, ...env },
    encoding: 'utf8',
    timeout: 30_000,
  })
  return { status: res.status, stderr: res.stderr, ms: performance.now() - started }
}

describe('npm run test:mongo', () => {
  // A port that accepts connections and never answers, like a firewall or a server that is not MongoDB.
  let silent: Server
  let port = 0
  beforeAll(async () => {
    silent = createServer(() => {})
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    port = (silent.address() as { port: number }).port
  })
  afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())))

  it('without MONGODB_URL says that nothing was tested and exits non-zero', () => {
    const res = run({})
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('MONGODB_URL is not set, so nothing was tested')
  })

  it('refuses an address that is not mongodb:// or mongodb+srv://', () => {
    const res = run({ MONGODB_URL: 'http://localhost:27017' })
    expect(res.status).toBe(2)
    expect(res.stderr).toContain('must start with mongodb://')
  })

  it('with no MongoDB server answering exits non-zero within the probe time instead of running the suite', () => {
    const res = run({ MONGODB_URL: `mongodb://127.0.0.1:${port}/?replicaSet=rs0`, MONGODB_PROBE_MS: '1500' })
    expect(res.status).toBe(1)
    expect(res.stderr).toContain('no MongoDB server answers at MONGODB_URL within 1500 ms')
    expect(res.stderr).not.toContain('Test Files')
    expect(res.ms).toBeLessThan(15_000)
  })
})

describe('each integration test file gets its own database on the server', () => {
  it.each([
    ['mongodb://localhost:27017/?replicaSet=rs0', 'mongodb://localhost:27017/agenda_int_a1?replicaSet=rs0'],
    ['mongodb://localhost:27017', 'mongodb://localhost:27017/agenda_int_a1'],
    [
      'mongodb://a:1,b:2,c:3/agenda?replicaSet=rs0&w=majority',
      'mongodb://a:1,b:2,c:3/agenda_int_a1?replicaSet=rs0&w=majority',
    ],
    [
      'mongodb+srv://user:p%40ss@cluster0.example.net/prod?retryWrites=true',
      'mongodb+srv://user:p%40ss@cluster0.example.net/agenda_int_a1?retryWrites=true',
    ],
  ])('%s → %s', (url, expected) => {
    expect(withDatabaseName(url, 'agenda_int_a1')).toBe(expected)
  })
})
