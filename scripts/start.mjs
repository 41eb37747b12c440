#!/usr/bin/env node
// `npm start`: build what is missing or stale, migrate, seed an empty database, run CMS + site, stop both on a signal.
// `npm run dev`: the same without builds, both servers in watch mode.
import { spawn, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { freePort, watchHealth } from './lib/health-watch.mjs'
import { buildWorker, WORKER_ENV, WORKER_NODE_FLAGS, workerBundle } from './lib/jobs-worker.mjs'

const root = path.resolve(import.meta.dirname, '..')
process.chdir(root)
if (existsSync('.env')) process.loadEnvFile('.env')

const dev = process.argv.includes('--dev')
const cmsPort = process.env.CMS_PORT ?? '3000'
const sitePort = process.env.SITE_PORT ?? '4321'
const dataDir = path.resolve(process.env.DATA_DIR ?? 'data')
const log = (line) => console.log(`[agenda] ${line}`)
mkdirSync(dataDir, { recursive: true })

const env = {
  ...process.env,
  APP_ROOT: root,
  NEXT_TELEMETRY_DISABLED: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  CMS_URL: process.env.CMS_URL ?? `http://localhost:${cmsPort}`,
  SITE_URL: process.env.SITE_URL ?? `http://localhost:${sitePort}`,
  // See the note in vitest.config.ts: without it Lexical's top-level await can hang a process at import time.
  NODE_OPTIONS: `--conditions=production ${process.env.NODE_OPTIONS ?? ''}`.trim(),
}

// Production (NODE_ENV=production set by the operator) must bring its own secret; the demo makes one once.
if (!env.PAYLOAD_SECRET) {
  if (process.env.NODE_ENV === 'production') {
    console.error('[agenda] PAYLOAD_SECRET is required when NODE_ENV=production (see .env.example).')
    process.exit(1)
  }
  const file = path.join(dataDir, '.payload-secret')
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 })
  env.PAYLOAD_SECRET = readFileSync(file, 'utf8').trim()
}

const run = (args, extraEnv = {}) => {
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  if (r.status !== 0) {
    console.error(`[agenda] failed: node ${args.join(' ')}`)
    process.exit(r.status ?? 1)
  }
}

/** A hash of every source file both builds read: a build is reused only if it was made from the same sources. */
const sourceHash = () => {
  const hash = createHash('sha256')
  const walk = (dir) => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name.startsWith('.')) continue
      const file = path.join(dir, name)
      if (statSync(file).isDirectory()) walk(file)
      else hash.update(file).update(readFileSync(file))
    }
  }
  for (const dir of ['cms', 'shared', 'collections', 'emails', 'site', 'public']) if (existsSync(dir)) walk(dir)
  for (const file of ['package-lock.json', 'astro.config.mjs', 'tsconfig.json'])
    if (existsSync(file)) hash.update(readFileSync(file))
  return hash.digest('hex')
}

// Separate build folders let several checkouts' test servers run side by side (see .env.example).
const nextDist = process.env.NEXT_DIST_DIR ?? '.next'
const astroOut = process.env.ASTRO_OUT_DIR ?? 'dist'
const workerOut = `${astroOut}-jobs`
const bin = (pkg, file) => path.join(root, 'node_modules', pkg, file)
const NEXT = bin('next', 'dist/bin/next')
const ASTRO = bin('astro', 'astro.js')

// START_NO_BUILD=1 serves the existing builds as they are: for a second server started beside a running one
// (tests), which must never rebuild the folders the first one is serving from.
const noBuild = process.env.START_NO_BUILD === '1'
if (!dev && noBuild && !existsSync(path.join('cms', nextDist, 'BUILD_ID'))) {
  console.error('[agenda] START_NO_BUILD=1 but there is no CMS build: run `npm run build` (or npm start) first.')
  process.exit(1)
}
if (!dev && !noBuild) {
  const hash = sourceHash()
  const stamp = (dir) => path.join(dir, '.source-hash')
  const fresh = (dir, marker) =>
    existsSync(marker) && existsSync(stamp(dir)) && readFileSync(stamp(dir), 'utf8') === hash
  const nextDir = path.join('cms', nextDist)
  if (!fresh(nextDir, path.join(nextDir, 'BUILD_ID'))) {
    log('building the CMS (next build, about 1–2 minutes)…')
    run([NEXT, 'build', 'cms'])
    writeFileSync(stamp(nextDir), hash)
  }
  if (!fresh(astroOut, path.join(astroOut, 'server/entry.mjs'))) {
    log('building the site (astro build)…')
    run([ASTRO, 'build'])
    writeFileSync(stamp(astroOut), hash)
  }
  if (!fresh(workerOut, workerBundle(workerOut))) {
    log('building the newsletter worker…')
    await buildWorker(root, path.resolve(workerOut))
    writeFileSync(stamp(workerOut), hash)
  }
}

log('applying database migrations…')
run(['scripts/payload.mjs', 'migrate'], { NODE_ENV: 'production' })
run(['scripts/seed.mjs', '--if-empty'], { NODE_ENV: 'production' })

const children = []
let stopping = false
let stopWatching = () => {}
/**
 * A server that stops on its own stops the platform (a supervisor restarts it). The newsletter worker is
 * restarted instead (`restart: true`): its batches resume where they stopped, and the site and the admin
 * must not go down because a send did.
 */
const start = (name, args, extraEnv, { restart = false } = {}) => {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  const startedAt = Date.now()
  child.on('exit', (code, signal) => {
    log(`${name} stopped (${signal ?? code})`)
    if (stopping) return
    if (!restart) return shutdown(code || 1)
    children.splice(children.indexOf(child), 1)
    const delay = Date.now() - startedAt < 10_000 ? 10_000 : 1_000 // a crash loop is slowed down
    setTimeout(() => {
      if (!stopping) start(name, args, extraEnv, { restart })
    }, delay).unref()
  })
  children.push(child)
}

const prod = dev ? {} : { NODE_ENV: 'production' }
start('cms', dev ? [NEXT, 'dev', 'cms', '-p', cmsPort] : ['scripts/serve-cms.mjs'], {
  ...prod,
  JOBS_AUTORUN: '1',
  JOBS_QUEUES: 'default,mail',
  PORT: cmsPort,
})
// Newsletter batches (digest, campaigns) run in their own lean process: see cms/jobs/worker.ts.
const workerArgs =
  dev || (noBuild && !existsSync(workerBundle(workerOut)))
    ? ['--import', 'tsx', 'cms/jobs/worker.ts']
    : [...WORKER_NODE_FLAGS, workerBundle(workerOut)]
const jobsHealthPort = process.env.JOBS_HEALTH_PORT ?? String(await freePort())
start(
  'jobs',
  workerArgs,
  { ...prod, ...WORKER_ENV, JOBS_AUTORUN: '1', JOBS_QUEUES: 'newsletter', JOBS_HEALTH_PORT: jobsHealthPort },
  { restart: true },
)
start('site', dev ? [ASTRO, 'dev', '--port', sitePort] : ['scripts/serve-site.mjs'], {
  ...prod,
  ASTRO_OUT_DIR: astroOut,
  PORT: sitePort,
  HOST: process.env.HOST ?? 'localhost',
})
log(`sito:  ${env.SITE_URL}`)
log(`admin: ${env.CMS_URL}/admin`)
stopWatching = watchHealth(
  [
    { name: 'cms', url: `http://localhost:${cmsPort}/healthz` },
    { name: 'site', url: `http://localhost:${sitePort}/healthz` },
    { name: 'jobs', url: `http://127.0.0.1:${jobsHealthPort}/healthz` },
  ],
  { intervalMs: Number(process.env.HEALTH_POLL_MS ?? 30_000) },
)

// A signal stops both servers: each stops accepting, finishes the requests in flight and exits
// (scripts/serve-cms.mjs and scripts/serve-site.mjs, through scripts/lib/graceful.mjs). Whatever still runs
// after 9 s, or after a second signal, is killed, so the whole stop stays within 10 s.
const kill = () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
}
function shutdown(code = 0) {
  if (stopping) {
    kill()
    return
  }
  stopping = true
  stopWatching()
  log('stopping…')
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
  setTimeout(kill, 9000).unref()
  Promise.all(
    children.map((c) => (c.exitCode !== null || c.signalCode !== null ? null : new Promise((r) => c.on('exit', r)))),
  ).then(() => process.exit(code))
}
process.on('SIGINT', () => shutdown(0))
process.on('SIGTERM', () => shutdown(0))
