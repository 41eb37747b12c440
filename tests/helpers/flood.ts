/**
 * What the database lock-up needed to go unnoticed, and what proves it cannot come back, against a running
 * platform (scripts/start.mjs): an independent reader of the SQLite file (Debian's `sqlite3`), another process
 * that writes through Payload, and a bounded flood of auth requests. Shared by the e2e test and the bench.
 */
import { execFile, execFileSync } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { STACK_SECRET } from '../security/helpers/stack'

const run = promisify(execFile)
const ROOT = path.resolve(import.meta.dirname, '../..')

export const databaseFile = (dataDir: string) => path.join(dataDir, 'agenda.db')

/** Rows as the `sqlite3` command-line client sees them: its own connection, no Payload, no cache. */
export const sqliteRows = <T = Record<string, unknown>>(dbFile: string, sql: string): T[] => {
  const out = execFileSync('sqlite3', ['-json', '-cmd', '.timeout 10000', dbFile, sql], { encoding: 'utf8' })
  return out.trim() ? (JSON.parse(out) as T[]) : []
}

/** One write by a separate Node process through Payload (tests/helpers/db-process.ts). */
export const writeFromAnotherProcess = async (
  dataDir: string,
  env: Record<string, string> = {},
): Promise<Record<string, unknown>> => {
  const { stdout } = await run(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', 'tests/helpers/db-process.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        APP_ROOT: ROOT,
        DATA_DIR: dataDir,
        DATABASE_URL: `file:${databaseFile(dataDir)}`,
        PAYLOAD_SECRET: STACK_SECRET,
        JOBS_AUTORUN: '',
        ...env,
      },
      timeout: 120_000,
    },
  )
  const line = stdout.trim().split('\n').pop() ?? '{}'
  return JSON.parse(line) as Record<string, unknown>
}

export type FloodResult = {
  sent: number
  seconds: number
  statuses: Record<string, number>
  /** Answers 5xx other than 503 (busy, with Retry-After): must stay empty. */
  serverErrors: string[]
  busyWithoutRetryAfter: number
  latencies: number[]
}

const KINDS = ['login', 'forgot-known', 'forgot-unknown', 'unlock', 'login-spelled'] as const

/**
 * `total` auth requests spread evenly over `seconds` from `addresses` client addresses (the last
 * X-Forwarded-For hop, as the CMS reads it): wrong passwords, forgot-password for a known and an unknown
 * address, unlock, and a login spelled with a percent-escape. At most `concurrency` in flight.
 */
export const authFlood = async (
  cms: string,
  options: { knownEmail: string; total?: number; seconds?: number; addresses?: number; concurrency?: number },
): Promise<FloodResult> => {
  const total = options.total ?? 500
  const seconds = options.seconds ?? 30
  const addresses = options.addresses ?? 4
  const concurrency = options.concurrency ?? 16
  const result: FloodResult = {
    sent: 0,
    seconds: 0,
    statuses: {},
    serverErrors: [],
    busyWithoutRetryAfter: 0,
    latencies: [],
  }
  const started = performance.now()
  const gap = (seconds * 1000 * 0.9) / total
  let inFlight = 0
  const pending: Promise<void>[] = []
  for (let i = 0; i < total; i++) {
    const due = started + i * gap
    const wait = due - performance.now()
    if (wait > 0) await new Promise((r) => setTimeout(r, wait))
    while (inFlight >= concurrency) await new Promise((r) => setTimeout(r, 5))
    const kind = KINDS[i % KINDS.length] as (typeof KINDS)[number]
    const [route, body] =
      kind === 'login'
        ? ['/api/users/login', { email: options.knownEmail, password: `sbagliata-${i}` }]
        : kind === 'login-spelled'
          ? ['/api/users/%6cogin', { email: `nessuno${i}@example.org`, password: 'sbagliata' }]
          : kind === 'forgot-known'
            ? ['/api/users/forgot-password', { email: options.knownEmail }]
            : kind === 'forgot-unknown'
              ? ['/api/users/forgot-password', { email: `nessuno${i}@example.org` }]
              : ['/api/users/unlock', { email: options.knownEmail }]
    inFlight++
    const t = performance.now()
    pending.push(
      fetch(`${cms}${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': `198.51.100.${10 + (i % addresses)}`,
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(60_000),
      })
        .then(async (res) => {
          await res.arrayBuffer()
          result.latencies.push(performance.now() - t)
          const key = String(res.status)
          result.statuses[key] = (result.statuses[key] ?? 0) + 1
          if (res.status >= 500 && res.status !== 503) result.serverErrors.push(`${kind} ${route}: ${res.status}`)
          if (res.status === 503 && !res.headers.get('retry-after')) result.busyWithoutRetryAfter++
        })
        .catch((error: Error) => {
          result.serverErrors.push(`${kind} ${route}: ${error.name} ${error.message}`)
        })
        .finally(() => {
          inFlight--
          result.sent++
        }),
    )
  }
  await Promise.all(pending)
  result.seconds = (performance.now() - started) / 1000
  result.latencies.sort((a, b) => a - b)
  return result
}

export const percentile = (sorted: number[], p: number) =>
  sorted.length ? (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] as number) : 0
