#!/usr/bin/env node
import { createRequire } from 'node:module'
// The production CMS server: Next's request handler behind scripts/lib/graceful.mjs. On SIGTERM/SIGINT the
// requests in flight finish, then the job runner's current batch (Payload's autorun cron) is given the rest
// of the grace period to end, and the database is closed. (`next start` exits once its sockets close,
// which can cut off a request that is still writing.)
import path from 'node:path'
import { serveGracefully } from './lib/graceful.mjs'

const require = createRequire(import.meta.url)
const next = require('next')

const port = Number(process.env.PORT ?? process.env.CMS_PORT ?? 3000)
const host = process.env.HOST ?? 'localhost'
const app = next({ dev: false, dir: path.resolve('cms'), hostname: host, port })
await app.prepare()
const handle = app.getRequestHandler()

/** The Payload instance the routes use: Payload keeps it in a process-wide cache. */
const payloadInstance = () => globalThis._payload?.get('default')?.payload

serveGracefully({
  name: 'cms',
  port,
  host,
  graceMs: Number(process.env.SHUTDOWN_GRACE_MS ?? 8000),
  handler: (req, res) => handle(req, res),
  onListening: () => {
    // Payload (and with it the job queues) starts on the first request: make it now, not when the first
    // visitor comes, so mail queued by the site while nobody uses the admin goes out within seconds.
    fetch(`http://${host}:${port}/healthz`).catch(() => {})
  },
  onDrained: async (budgetMs) => {
    const payload = payloadInstance()
    if (!payload) return
    const deadline = Date.now() + budgetMs
    // Croner's `isBusy()` is true while a job batch runs; stop() only prevents the next one.
    const busy = () => payload.crons?.some((cron) => cron.isBusy())
    if (busy())
      console.log(JSON.stringify({ level: 30, time: Date.now(), name: 'cms', msg: 'waiting for the running jobs' }))
    while (busy() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    await payload.destroy()
    console.log(JSON.stringify({ level: 30, time: Date.now(), name: 'cms', msg: 'jobs stopped, database closed' }))
  },
})
