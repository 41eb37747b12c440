// Every begin has its commit or rollback: a failure injected inside a transaction (in a request, in a hook, in
// a job, in another process, or a caller that never ends its transaction) leaves the database writable, at once,
// for this process, for another Node process running Payload, and for the sqlite3 command-line client.
import { execFileSync, spawn } from 'node:child_process'
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, PayloadRequest, TaskConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

vi.hoisted(() => {
  process.env.SQLITE_TRANSACTION_MAX_MS = '1500'
})

import { SLUGS, TASKS } from '../../collections/slugs'
import { databaseUrl } from '../../shared/env'
import { buildNetwork, countAll, eventData, type Network } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const BUSY_TIMEOUT_MS = 10_000

/** A write by the sqlite3 client, another process: how long it waited for the lock. */
const cliWrite = () => {
  const started = performance.now()
  execFileSync('sqlite3', [
    '-cmd',
    `.timeout ${BUSY_TIMEOUT_MS}`,
    databaseUrl().slice('file:'.length),
    'UPDATE systems SET name = name WHERE id > 0',
  ])
  return performance.now() - started
}

/** Another Node process with Payload (as the site or the worker runs it). */
const otherProcess = (mode: 'write' | 'fail-in-hook', name: string) =>
  new Promise<{ id: number; ms: number; failed?: string | false }>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', 'tsx', 'tests/helpers/db-process.ts'],
      { env: { ...process.env, DB_PROCESS_MODE: mode, DB_PROCESS_NAME: name }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    child.stdout.on('data', (d) => (out += d))
    child.stderr.on('data', (d) => (err += d))
    child.on('exit', (code) => {
      const line = out.trim().split('\n').at(-1) ?? ''
      if (code === 0 && line.startsWith('{')) resolve(JSON.parse(line))
      else reject(new Error(`db-process exited ${code}: ${err.slice(-2000)}`))
    })
  })

const named = (collection: 'categories' | 'audiences', name: string) =>
  countAll(payload, collection, { name: { equals: name } })

/** Every other writer gets through within a fraction of the busy timeout. */
const everyoneElseCanWrite = async (tag: string) => {
  expect(cliWrite()).toBeLessThan(1000)
  const other = await otherProcess('write', `altro processo ${tag}`)
  expect(other.ms).toBeLessThan(1000)
  const started = performance.now()
  await payload.create({ collection: SLUGS.categories, data: { name: `questo processo ${tag}` }, overrideAccess: true })
  expect(performance.now() - started).toBeLessThan(1000)
  expect(await named('categories', `altro processo ${tag}`)).toBe(1)
}

describe('no failure leaves a transaction open', () => {
  it('a hook that throws during a REST save: the save and its occurrence rows are rolled back', async () => {
    const failing: CollectionAfterChangeHook = ({ doc }) => {
      if (doc.title === 'Fallisce dopo le date') throw new Error('injected failure in afterChange')
      return doc
    }
    const hooks = payload.collections.events.config.hooks.afterChange
    hooks.push(failing)
    try {
      const res = await rest('POST', '/events', {
        token: await net.token('editorA'),
        body: eventData(net, { title: 'Fallisce dopo le date' }),
      })
      expect(res.status).toBe(500)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(await countAll(payload, SLUGS.events, { title: { equals: 'Fallisce dopo le date' } })).toBe(0)
    expect(await countAll(payload, SLUGS.occurrences, { title: { equals: 'Fallisce dopo le date' } })).toBe(0)
    await everyoneElseCanWrite('dopo la richiesta')
  }, 60_000)

  it('a hook that writes and then throws in a Local API save: its nested write is rolled back too', async () => {
    const failing: CollectionBeforeChangeHook = async ({ data, req }) => {
      if (data.name !== 'fallisce nel hook') return data
      await req.payload.create({
        collection: SLUGS.audiences,
        data: { name: 'annullata col hook' },
        req,
        overrideAccess: true,
      })
      throw new Error('injected failure in beforeChange')
    }
    const hooks = payload.collections.categories.config.hooks.beforeChange
    hooks.push(failing)
    try {
      await expect(
        payload.create({ collection: SLUGS.categories, data: { name: 'fallisce nel hook' }, overrideAccess: true }),
      ).rejects.toThrow(/injected/)
    } finally {
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(await named('audiences', 'annullata col hook')).toBe(0)
    await everyoneElseCanWrite('dopo il hook')
  }, 60_000)

  it('a job whose save fails inside its transaction is recorded as failed and holds nothing', async () => {
    const task = payload.config.jobs.tasks?.find(
      (t) => t.slug === TASKS.notifyReviewers,
    ) as TaskConfig<'notifyReviewers'>
    const original = task.handler
    const failing: CollectionBeforeChangeHook = async ({ data, req }) => {
      if (data.name !== 'dal job') return data
      await req.payload.create({
        collection: SLUGS.audiences,
        data: { name: 'annullata col job' },
        req,
        overrideAccess: true,
      })
      throw new Error('injected failure in a job')
    }
    const hooks = payload.collections.categories.config.hooks.beforeChange
    hooks.push(failing)
    task.handler = async ({ req }: { req: PayloadRequest }) => {
      await req.payload.create({ collection: SLUGS.categories, data: { name: 'dal job' }, req, overrideAccess: true })
      return { output: { sent: 0 } }
    }
    try {
      const job = await payload.jobs.queue({ task: TASKS.notifyReviewers, input: { eventId: '0' } })
      await payload.jobs.runByID({ id: job.id })
      const after = await payload.findByID({ collection: 'payload-jobs', id: job.id, overrideAccess: true })
      expect(JSON.stringify(after.log ?? after.error)).toMatch(/injected failure in a job/)
    } finally {
      task.handler = original
      hooks.splice(hooks.indexOf(failing), 1)
    }
    expect(await named('audiences', 'annullata col job')).toBe(0)
    expect(await named('categories', 'dal job')).toBe(0)
    await everyoneElseCanWrite('dopo il job')
  }, 60_000)

  it('a transaction its caller never ends is rolled back after SQLITE_TRANSACTION_MAX_MS, and its write is gone', async () => {
    const transactionID = await payload.db.beginTransaction()
    expect(transactionID).toBeTruthy()
    await payload.db.create({
      collection: SLUGS.categories,
      data: { name: 'mai confermata' },
      req: { transactionID } as PayloadRequest,
    })
    await new Promise((r) => setTimeout(r, 1800))
    expect(await named('categories', 'mai confermata')).toBe(0)
    await everyoneElseCanWrite('dopo la transazione dimenticata')
  }, 60_000)

  it('another process whose save failed inside its transaction leaves this one free to write', async () => {
    const other = await otherProcess('fail-in-hook', 'altro processo dopo il suo errore')
    expect(other.failed).toMatch(/injected failure inside the transaction/)
    expect(await named('audiences', 'scritta e poi annullata')).toBe(0)
    expect(await named('categories', 'altro processo dopo il suo errore')).toBe(1)
    const started = performance.now()
    await payload.create({
      collection: SLUGS.categories,
      data: { name: 'dopo l’altro processo' },
      overrideAccess: true,
    })
    expect(performance.now() - started).toBeLessThan(1000)
    expect(cliWrite()).toBeLessThan(1000)
  }, 60_000)
})
