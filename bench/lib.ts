import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import autocannon from 'autocannon'
import { readMarker, removeDatabase, seedStatus } from '../cms/seed/marker'

export type Figure = { name: string; value: number; unit: string }
export const figures: Figure[] = []

/** One line per figure: `name: value unit`. */
export const print = (name: string, value: number, unit: string) => {
  figures.push({ name, value, unit })
  console.log(`${name}: ${Number.isInteger(value) ? value : value.toFixed(2)} ${unit}`)
}

export const ratio = (name: string, a: number, b: number) => print(name, a / b, 'ratio')

export type Load = {
  requestsPerSecond: number
  p50: number
  p99: number
  errors: number
  non2xx: number
  total: number
}

/** autocannon against one URL; latency in ms. */
export const load = async (url: string, options: { connections?: number; duration?: number } = {}): Promise<Load> => {
  const result = await autocannon({ url, connections: options.connections ?? 10, duration: options.duration ?? 10 })
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  }
}

export type Platform = { site: string; cms: string; dataDir: string; stop: () => Promise<void> }

/**
 * Starts `npm start` on its own ports (BENCH_CMS_PORT, BENCH_SITE_PORT) and data folder, and waits until both
 * servers answer /healthz. The seeded database is reused when its seed finished with the same number of
 * events; one without that marker (an interrupted seed) is deleted, and start.mjs seeds it again.
 */
export const startPlatform = async (options: { dataDir: string; events: number }): Promise<Platform> => {
  const cmsPort = Number(process.env.BENCH_CMS_PORT ?? 3900)
  const sitePort = Number(process.env.BENCH_SITE_PORT ?? 4900)
  const databaseFile = path.resolve(options.dataDir, 'agenda.db')
  const status = seedStatus(databaseFile, options.events)
  if (status === 'incomplete') {
    console.log(`# ${databaseFile}: seed not completed with ${options.events} events, seeding again`)
    removeDatabase(databaseFile)
  }
  const env = {
    ...process.env,
    DATA_DIR: options.dataDir,
    DATABASE_URL: `file:${databaseFile}`,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    CMS_URL: `http://localhost:${cmsPort}`,
    SITE_URL: `http://localhost:${sitePort}`,
    PAYLOAD_SECRET: 'bench-secret-not-for-production-0123456789',
    SEED_EVENTS: String(options.events),
  }
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString()
    if (/\[seed\]|\[agenda\]/.test(text)) process.stderr.write(text)
  })
  const site = `http://localhost:${sitePort}`
  const cms = `http://localhost:${cmsPort}`
  const deadline = Date.now() + 60 * 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error('the platform exited before it was ready')
    try {
      const [a, b] = await Promise.all([fetch(`${site}/healthz`), fetch(`${cms}/healthz`)])
      if (a.ok && b.ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error('the platform did not start in time')
    await new Promise((r) => setTimeout(r, 1000))
  }
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  const marker = readMarker(databaseFile)
  if (!marker) {
    await stop()
    throw new Error(`the seed of ${databaseFile} did not complete`)
  }
  if (status === 'ready')
    console.log(`# seed reused: ${marker.events} events, seeded in ${marker.seconds} s on ${marker.finishedAt}`)
  else {
    print(`seed, ${marker.events} events`, marker.seconds, 's')
    print('seed throughput', marker.eventsPerSecond, 'events/s')
    print('seed peak memory', marker.peakRssMb, 'MB')
  }
  return { site, cms, dataDir: options.dataDir, stop }
}

/**
 * A bench phase measured in a child process of its own (fresh heap, its own Payload): the child runs `script`,
 * writes its figures as one `@@result <json>` line (`writeResult`), and the parent reads that line.
 */
export const runPhase = <T>(script: string, env: Record<string, string>, nodeFlags: string[] = []) =>
  new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--conditions=production', '--import', 'tsx', script], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout?.on('data', (d) => (out += d))
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@result '))
      if (code !== 0 || !line) reject(new Error(`bench phase ${script} failed (${code}):\n${out.slice(-2000)}`))
      else resolve(JSON.parse(line.slice(9)) as T)
    })
  })

/** The child's side of `runPhase`. */
export const writeResult = (value: unknown) => process.stdout.write(`@@result ${JSON.stringify(value)}\n`)
