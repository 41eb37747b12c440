// `npm start` asks every process for /healthz and says so loudly (a level-50 JSON line on stderr when a process
// turns unhealthy or its failed checks change, again every REPEAT_MS while it stays so, and once when it recovers).
import { createServer } from 'node:net'

const REPEAT_MS = 5 * 60_000

/** A port nobody listens on right now, for a child that needs one (the worker's /healthz). */
export const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

const loud = (fields) => console.error(JSON.stringify({ level: 50, time: Date.now(), name: 'health', ...fields }))

/**
 * targets: [{ name, url }]. Returns a stop function. A target that does not answer yet (starting) is not an
 * alarm until it has answered once.
 */
export const watchHealth = (targets, { intervalMs = 30_000, timeoutMs = 10_000, log = console.log } = {}) => {
  const state = new Map(targets.map((t) => [t.name, { seen: false, unhealthySince: 0, lastLoud: 0, lastProblem: '' }]))
  const check = async (target) => {
    const s = state.get(target.name)
    let problem = null
    try {
      const res = await fetch(target.url, { signal: AbortSignal.timeout(timeoutMs) })
      const body = await res.json().catch(() => ({}))
      s.seen = true
      if (res.status !== 200) {
        const failed = Object.entries(body.checks ?? {})
          .filter(([, v]) => v !== 'ok')
          .map(([k]) => k)
        problem = `${res.status}${failed.length ? ` (${failed.join(', ')})` : ''}`
      }
    } catch (error) {
      if (!s.seen) return
      problem = `no answer (${error.name === 'TimeoutError' ? `over ${timeoutMs} ms` : error.message})`
    }
    const now = Date.now()
    if (problem) {
      if (!s.unhealthySince) s.unhealthySince = now
      if (now - s.lastLoud >= REPEAT_MS || s.lastLoud < s.unhealthySince || problem !== s.lastProblem) {
        s.lastLoud = now
        s.lastProblem = problem
        loud({ msg: `UNHEALTHY ${target.name}: /healthz ${problem}`, process: target.name, url: target.url })
        console.error(`[agenda] !!! ${target.name} is UNHEALTHY: /healthz ${problem} — see docs/operations.md`)
      }
    } else if (s.unhealthySince) {
      log(`[agenda] ${target.name} is healthy again after ${Math.round((now - s.unhealthySince) / 1000)} s`)
      s.unhealthySince = 0
      s.lastProblem = ''
    }
  }
  const timer = setInterval(() => {
    for (const t of targets) void check(t)
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
