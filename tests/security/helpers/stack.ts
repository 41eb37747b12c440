import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

/** A TCP port nobody listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export const ADMIN_EMAIL = 'admin@rbbg.example.org'
export const ADMIN_PASSWORD = 'stack-Password-2026'
export const STACK_SECRET = 'stack-secret-not-for-production-0123456789'

export type Stack = {
  process: ChildProcess
  cms: string
  site: string
  dataDir: string
  output: () => string
  /** Resolves with the time the process took to exit after the call. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * `node scripts/start.mjs` on free ports and its own data folder, exactly as an operator runs it, reusing
 * the existing builds (START_NO_BUILD=1, so it never rebuilds folders another server is serving from).
 */
export const startStack = async (
  options: { dataDir?: string; seedEvents?: number; env?: Record<string, string> } = {},
): Promise<Stack> => {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'agenda-stack-'))
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const env: Record<string, string | undefined> = {
    ...process.env,
    DATA_DIR: dataDir,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    START_NO_BUILD: '1',
    SEED_EVENTS: String(options.seedEvents ?? 10),
    ADMIN_EMAIL,
    ADMIN_PASSWORD,
    PAYLOAD_SECRET: STACK_SECRET,
    ...options.env,
  }
  for (const name of ['DATABASE_URL', 'CMS_URL', 'SITE_URL', 'MEDIA_DIR', 'NODE_ENV']) delete env[name]
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: path.resolve(import.meta.dirname, '../../..'),
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (d) => {
    output += d
  })
  child.stderr?.on('data', (d) => {
    output += d
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  const stack = {
    process: child,
    cms: `http://localhost:${cmsPort}`,
    site: `http://localhost:${sitePort}`,
    dataDir,
    output: () => output,
    exited,
  }
  const deadline = Date.now() + 180_000
  for (const url of [`${stack.cms}/healthz`, `${stack.site}/healthz`]) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited early:\n${output.slice(-3000)}`)
      if (Date.now() > deadline) throw new Error(`servers not healthy in time:\n${output.slice(-3000)}`)
      const ok = await fetch(url, { signal: AbortSignal.timeout(5000) })
        .then((r) => r.ok)
        .catch(() => false)
      if (ok) break
      await new Promise((r) => setTimeout(r, 500))
    }
  }
  return stack
}

/** The child processes start.mjs runs (the CMS and the site), with their command lines. */
export const serverProcesses = (parent: number): { pid: number; args: string }[] => {
  let listing = ''
  try {
    listing = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(parent)], { encoding: 'utf8' })
  } catch {
    return [] // ps exits 1 when there is no such process
  }
  return listing
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [pid, ...args] = line.split(/\s+/)
      return { pid: Number(pid), args: args.join(' ') }
    })
}

export const answers = (url: string) =>
  fetch(url, { signal: AbortSignal.timeout(2000) })
    .then(() => true)
    .catch(() => false)
