// The newsletter worker: a Node process that runs only the job queues named in JOBS_QUEUES (in production
// the `newsletter` queue: digest and campaign batches), without Next, the admin or tsx. `npm start` builds it
// into one ES module (scripts/lib/jobs-worker.mjs) and runs it beside the CMS with a capped heap, so a digest
// to 50,000 addresses stays within a few hundred MB (docs/benchmarks.md).
import { createServer, type Server } from 'node:http'
import { getPayload, type Payload } from 'payload'
import { healthResponse } from '../health'
import config from '../payload.config'
import { autorunQueues } from './index'

const log = (msg: string, fields: Record<string, unknown> = {}) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), name: 'jobs', msg, ...fields }))

/** Memory in MB, logged at start and stop (maxRssMb: the process's peak RSS so far, from getrusage). */
const memory = () => {
  const mb = (n: number) => Math.round(n / 2 ** 20)
  const m = process.memoryUsage()
  return {
    memory: { rss: mb(m.rss), heapUsed: mb(m.heapUsed), heapTotal: mb(m.heapTotal), external: mb(m.external) },
    maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }
}

const GRACE_MS = Number(process.env.SHUTDOWN_GRACE_MS ?? 8000)

/** GET /healthz on 127.0.0.1:JOBS_HEALTH_PORT (when set): the same checks as the CMS and the site. */
const serveHealth = (payload: Payload): Server | undefined => {
  const port = Number(process.env.JOBS_HEALTH_PORT)
  if (!port) return undefined
  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' || req.url !== '/healthz') {
      res.writeHead(404).end()
      return
    }
    const answer = await healthResponse(async () => payload)
    res.writeHead(answer.status, Object.fromEntries(answer.headers)).end(await answer.text())
  })
  server.listen(port, '127.0.0.1')
  return server
}

export const startWorker = async () => {
  const queues = autorunQueues()
  const payload = await getPayload({ config, cron: true })
  const health = serveHealth(payload)
  log('job worker ready', {
    queues,
    pid: process.pid,
    healthPort: health ? process.env.JOBS_HEALTH_PORT : null,
    ...memory(),
  })
  // Work queued while no worker ran (a restart mid-campaign) starts now, not at the next cron tick.
  // (trigger() runs a cron's handler once, and like the ticks it never overlaps a run still going.)
  for (const cron of payload.crons) void cron.trigger()

  let stopping = false
  const stop = async () => {
    if (stopping) process.exit(1)
    stopping = true
    const deadline = Date.now() + GRACE_MS
    // Croner's isBusy() is true while a batch runs; stop() only prevents the next tick. A batch cut off by
    // the deadline is safe: its claimed rows go back to the queue (cms/newsletter/README.md).
    for (const cron of payload.crons) cron.pause()
    health?.close()
    while (payload.crons.some((cron) => cron.isBusy()) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100))
    await payload.destroy()
    log('job worker stopped', memory())
    process.exit(0)
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
  return payload
}

await startWorker()
