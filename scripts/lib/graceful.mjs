// An http.Server that stops cleanly on SIGTERM/SIGINT: it stops accepting connections, answers the requests
// already received (kept-alive connections are told to close), runs `onDrained` (e.g. let a job finish,
// close the database) and exits 0; whatever is still running after `graceMs` is cut off with exit 1.
import http from 'node:http'

const log = (name, msg, fields = {}) =>
  console.log(JSON.stringify({ level: 30, time: Date.now(), name, msg, ...fields }))

export const serveGracefully = ({
  name,
  port,
  host,
  handler,
  onListening = () => {},
  onDrained = async () => {},
  graceMs = 8000,
}) => {
  let active = 0
  let stopping = false
  let drained = () => {}
  const server = http.createServer((req, res) => {
    active += 1
    // A request still running after 30 s is worth a line in the log: something is stuck or far too slow.
    const slow = setTimeout(
      () =>
        console.log(
          JSON.stringify({
            level: 40,
            time: Date.now(),
            name,
            msg: 'slow request',
            method: req.method,
            path: req.url?.split('?')[0],
          }),
        ),
      30_000,
    )
    slow.unref()
    res.on('close', () => {
      clearTimeout(slow)
      active -= 1
      if (stopping && active === 0) drained()
    })
    if (stopping) res.setHeader('Connection', 'close')
    handler(req, res)
  })
  // Node closes a kept-alive connection after 5 s idle; a client that reuses it at that moment gets ECONNRESET.
  // Clients and proxies keep theirs shorter than this, so the close is theirs to make.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  server.listen(port, host, () => {
    log(name, `listening on http://${host}:${port}`)
    onListening()
  })

  const stop = async (signal) => {
    if (stopping) return
    stopping = true
    const started = Date.now()
    log(name, 'stopping: no new connections, finishing the requests in flight', { signal, inFlight: active })
    setTimeout(() => {
      log(name, 'grace period over: exiting with work still running', { inFlight: active })
      process.exit(1)
    }, graceMs).unref()
    server.close()
    // Idle kept-alive connections would otherwise hold the server open until their timeout.
    server.closeIdleConnections()
    setInterval(() => server.closeIdleConnections(), 50).unref()
    if (active > 0) await new Promise((resolve) => (drained = resolve))
    await onDrained(Math.max(0, graceMs - (Date.now() - started) - 500))
    log(name, 'stopped', { ms: Date.now() - started })
    process.exit(0)
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
  return server
}
