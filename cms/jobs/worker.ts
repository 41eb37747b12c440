// The newsletter worker: a Node process that runs only the job queues named in JOBS_QUEUES (in production
// the `newsletter` queue: digest and campaign batches), without Next, the admin or tsx. `npm start` builds it
// into one ES module (scripts/lib/jobs-worker.mjs) and runs it beside the CMS with a capped heap, so a digest
// to 50,000 addresses stays within a few hundred MB (docs/benchmarks.md).
import { getPayload } from 'payload'
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

export const startWorker = async () => {
  const queues = autorunQueues()
  const payload = await getPayload({ config, cron: true })
  log('job worker ready', { queues, pid: process.pid, ...memory() })
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
