import { rmSync } from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { expect, test } from '@playwright/test'
import { ADMIN_EMAIL, ADMIN_PASSWORD, answers, type Stack, serverProcesses, startStack } from './helpers/stack'

/**
 * Stopping or crashing the servers while editors save events must never leave the database damaged or
 * half-written. A second stack (its own ports and data) is started beside the test server, put under
 * write load (concurrent REST event creations as admin), then stopped with SIGTERM, or crashed with SIGKILL.
 */

const OCCURRENCES_PER_EVENT = 5
const WRITERS = 6

type Outcome = { status: number; id?: number } | { error: string }

/** Concurrent editors creating weekly events (5 dates each) until the server goes away. */
const writeLoad = (stack: Stack, token: string, mark: string, system: number, library: number) => {
  const outcomes: Outcome[] = []
  let stop = false
  const writer = async (w: number) => {
    for (let i = 0; !stop; i++) {
      const start = new Date(Date.now() + (3 + ((w * 7 + i) % 20)) * 86_400_000)
      start.setUTCHours(8, 0, 0, 0)
      try {
        const res = await fetch(`${stack.cms}/api/events?depth=0`, {
          method: 'POST',
          headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            title: `${mark} ${w}-${i}`,
            system,
            library,
            start: start.toISOString(),
            end: new Date(start.getTime() + 3_600_000).toISOString(),
            recurrence: { frequency: 'weekly', interval: 1, count: OCCURRENCES_PER_EVENT },
            _status: 'published',
          }),
          signal: AbortSignal.timeout(20_000),
        })
        const body = (await res.json().catch(() => null)) as { doc?: { id: number } } | null
        outcomes.push({ status: res.status, id: body?.doc?.id })
      } catch (error) {
        outcomes.push({ error: String((error as Error).cause ?? error) })
        return // the server is gone
      }
    }
  }
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)))
  return {
    outcomes,
    finish: async () => {
      stop = true
      await done
    },
  }
}

const adminSession = async (stack: Stack) => {
  const login = await fetch(`${stack.cms}/api/users/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  expect(login.status).toBe(200)
  const token = ((await login.json()) as { token: string }).token
  const auth = { Authorization: `JWT ${token}` }
  const system = ((await (await fetch(`${stack.cms}/api/systems?limit=1&depth=0`, { headers: auth })).json()) as any)
    .docs[0].id as number
  const library = (
    (await (
      await fetch(`${stack.cms}/api/libraries?limit=1&depth=0&where[system][equals]=${system}`, { headers: auth })
    ).json()) as any
  ).docs[0].id as number
  return { token, system, library }
}

const waitFor = async (condition: () => boolean, ms: number) => {
  const deadline = Date.now() + ms
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
}

/** The database opens cleanly, and every event is whole: all its dates or none, and no date without its event. */
const checkDatabase = async (dataDir: string, mark: string, acknowledged: number[]) => {
  const db = createClient({ url: `file:${path.join(dataDir, 'agenda.db')}` })
  try {
    const integrity = await db.execute('PRAGMA integrity_check')
    expect(integrity.rows.map((r) => Object.values(r)[0])).toEqual(['ok'])
    const orphans = await db.execute(
      'SELECT count(*) AS n FROM occurrences o LEFT JOIN events e ON e.id = o.event_id WHERE e.id IS NULL',
    )
    expect(Number(orphans.rows[0]?.n)).toBe(0)
    const events = await db.execute({
      sql: `SELECT e.id, e._status AS status, (SELECT count(*) FROM occurrences o WHERE o.event_id = e.id) AS dates,
              (SELECT count(*) FROM _events_v v WHERE v.parent_id = e.id) AS versions
            FROM events e WHERE e.title LIKE ?`,
      args: [`${mark}%`],
    })
    const rows = events.rows.map((r) => ({
      id: Number(r.id),
      status: String(r.status),
      dates: Number(r.dates),
      versions: Number(r.versions),
    }))
    for (const row of rows) {
      expect(row, `event ${row.id}`).toMatchObject({ status: 'published', dates: OCCURRENCES_PER_EVENT })
      expect(row.versions, `event ${row.id} has its version`).toBeGreaterThanOrEqual(1)
    }
    // Every save the server confirmed (201) is in the database.
    const stored = new Set(rows.map((r) => r.id))
    for (const id of acknowledged) expect(stored.has(id), `acknowledged event ${id}`).toBe(true)
    return rows.length
  } finally {
    db.close()
  }
}

test.describe('stopping under write load', () => {
  test.describe.configure({ mode: 'serial' })
  test.setTimeout(300_000)
  let dataDir: string | undefined
  test.afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('SIGTERM stops both servers within 10 s, finishing the saves in flight; nothing is half-written', async () => {
    const stack = await startStack()
    dataDir = stack.dataDir
    const session = await adminSession(stack)
    const mark = `Arresto-${Date.now().toString(36)}`
    const load = writeLoad(stack, session.token, mark, session.system, session.library)
    await waitFor(() => load.outcomes.filter((o) => 'status' in o && o.status === 201).length >= 10, 60_000)

    const signalled = Date.now()
    stack.process.kill('SIGTERM')
    const { code } = await stack.exited
    const stoppedIn = Date.now() - signalled
    await load.finish()

    expect(stoppedIn).toBeLessThan(10_000)
    expect(code).toBe(0)
    expect(await answers(`${stack.cms}/healthz`)).toBe(false)
    expect(await answers(`${stack.site}/healthz`)).toBe(false)
    // Requests that reached the server were answered properly: no 5xx, no cut-off answer.
    const answered = load.outcomes.filter((o): o is { status: number; id?: number } => 'status' in o)
    expect(answered.map((o) => o.status).filter((s) => s !== 201)).toEqual([])
    const acknowledged = answered.map((o) => o.id).filter((id): id is number => typeof id === 'number')
    const stored = await checkDatabase(stack.dataDir, mark, acknowledged)
    expect(stored).toBeGreaterThanOrEqual(acknowledged.length)
    console.log(
      `SIGTERM: stopped in ${stoppedIn} ms, ${acknowledged.length} events confirmed, ${stored} stored, ` +
        `${load.outcomes.length - answered.length} requests refused after the stop`,
    )
  })

  test('a crash (SIGKILL of the CMS mid-write) leaves a sound database: every event whole or absent', async () => {
    const stack = await startStack({ dataDir })
    const session = await adminSession(stack)
    const mark = `Crash-${Date.now().toString(36)}`
    const load = writeLoad(stack, session.token, mark, session.system, session.library)
    await waitFor(() => load.outcomes.filter((o) => 'status' in o && o.status === 201).length >= 10, 60_000)

    const cms = serverProcesses(stack.process.pid as number).find((p) => /serve-cms|next/.test(p.args))
    expect(cms, 'the CMS process').toBeDefined()
    process.kill(cms?.pid as number, 'SIGKILL')
    await load.finish()
    // start.mjs notices the CMS died and stops the site as well.
    const { code } = await stack.exited
    expect(code).not.toBe(0)
    expect(await answers(`${stack.site}/healthz`)).toBe(false)

    const acknowledged = load.outcomes
      .map((o) => ('id' in o ? o.id : undefined))
      .filter((id): id is number => typeof id === 'number')
    const stored = await checkDatabase(stack.dataDir, mark, acknowledged)
    console.log(`SIGKILL: ${acknowledged.length} events confirmed, ${stored} stored whole`)

    // And the stack starts again on that database.
    const again = await startStack({ dataDir })
    expect(await answers(`${again.site}/eventi`)).toBe(true)
    again.process.kill('SIGTERM')
    await again.exited
  })

  test('a crashed newsletter worker is restarted, and the site and the admin stay up meanwhile', async () => {
    const stack = await startStack()
    try {
      const worker = () => serverProcesses(stack.process.pid as number).find((p) => /worker/.test(p.args))
      const first = worker()
      expect(first, 'the newsletter worker process').toBeDefined()
      process.kill(first?.pid as number, 'SIGKILL')
      await waitFor(() => worker()?.pid !== undefined && worker()?.pid !== first?.pid, 25_000)
      expect(worker()?.pid, 'a new worker').not.toBe(first?.pid)
      expect(worker()).toBeDefined()
      expect(await answers(`${stack.site}/healthz`)).toBe(true)
      expect(await answers(`${stack.cms}/healthz`)).toBe(true)
      expect(stack.process.exitCode).toBeNull()
      expect(stack.output()).toMatch(/jobs stopped \(SIGKILL\)/)
    } finally {
      stack.process.kill('SIGTERM')
      await stack.exited
    }
  })
})
