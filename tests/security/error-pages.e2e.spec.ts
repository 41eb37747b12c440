import { spawnSync } from 'node:child_process'
import { rmSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { type Stack, startStack } from './helpers/stack'

/**
 * When the database breaks under a running platform, visitors get the Italian error page and editors an
 * Italian JSON error with a request id, never a stack trace; the logs hold one JSON line per failure with
 * the same request id; the health checks say 503.
 */

const noStackTrace = (body: string) => expect(body).not.toMatch(/\n\s+at [\w.<>]+ \(|node_modules|\.[jt]s:\d+:\d+/)

test.describe('clean failure', () => {
  test.setTimeout(240_000)
  let stack: Stack | undefined
  test.afterAll(async () => {
    if (stack && stack.process.exitCode === null) {
      stack.process.kill('SIGTERM')
      await stack.exited
    }
    if (stack) rmSync(stack.dataDir, { recursive: true, force: true })
  })

  test('a broken database gives Italian error answers with a request id, logged as JSON', async () => {
    stack = await startStack({ seedEvents: 5 })
    expect((await fetch(`${stack.site}/eventi`)).status).toBe(200)
    // A bad migration or a botched manual fix: the tables the pages and the API read are gone.
    const broken = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'
         const db = createClient({ url: 'file:${path.join(stack.dataDir, 'agenda.db')}' })
         await db.execute('PRAGMA busy_timeout = 5000')
         await db.execute('PRAGMA foreign_keys = OFF')
         for (const t of ['occurrences', 'events', 'systems']) await db.execute('DROP TABLE ' + t)`,
      ],
      { encoding: 'utf8' },
    )
    expect(broken.status, broken.stderr).toBe(0)

    // The site notices within its data-fingerprint interval (0.5 s, docs/architecture.md "Search"): until then a
    // search may still be answered from the in-process index built before the break.
    let page = await fetch(`${stack.site}/eventi?q=guasto${Date.now()}`)
    for (const until = Date.now() + 5000; page.status !== 500 && Date.now() < until; ) {
      await new Promise((r) => setTimeout(r, 250))
      page = await fetch(`${stack.site}/eventi?q=guasto${Date.now()}`)
    }
    const html = await page.text()
    expect(page.status).toBe(500)
    expect(html).toContain('lang="it"')
    expect(html).toMatch(/Si è verificato un errore|riprova/i)
    noStackTrace(html)
    const siteId = page.headers.get('x-request-id')
    expect(siteId).toBeTruthy()

    const api = await fetch(`${stack.cms}/api/events?limit=1`)
    const body = (await api.json()) as { errors: { message: string }[]; requestId?: string }
    expect(api.status).toBeGreaterThanOrEqual(500)
    expect(body.errors[0]?.message).toMatch(/^Errore interno del server/)
    noStackTrace(JSON.stringify(body))
    const cmsId = api.headers.get('x-request-id')
    expect(body.requestId).toBe(cmsId)

    // Each process runs its health checks at most once per HEALTH_CACHE_MS (2 s).
    for (const url of [`${stack.site}/healthz`, `${stack.cms}/healthz`])
      await expect.poll(async () => (await fetch(url)).status, { timeout: 5000, intervals: [250] }).toBe(503)

    await new Promise((r) => setTimeout(r, 500))
    const lines = stack
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>
        } catch {
          return null
        }
      })
      .filter((l): l is Record<string, unknown> => l !== null)
    expect(lines.some((l) => l.requestId === siteId && Number(l.level) >= 50)).toBe(true)
    expect(lines.some((l) => l.requestId === cmsId && Number(l.level) >= 50)).toBe(true)
  })
})
