// Another Node process with Payload (tests/helpers/db-process.ts) that fires bookings when told to go: with
// the test's own process, two processes race for the same places.
import { spawn } from 'node:child_process'

/** Another Node process with Payload that fires `count` bookings when told to go. */
export const bookingProcess = (input: Record<string, unknown>, count: number, env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'tests/helpers/db-process.ts'], {
    env: {
      ...process.env,
      DB_PROCESS_MODE: 'book',
      DB_PROCESS_BOOK: JSON.stringify(input),
      DB_PROCESS_BOOKINGS: String(count),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  let onReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  child.stdout.on('data', (d) => {
    out += d
    if (out.includes('"ready":true')) onReady()
  })
  child.stderr.on('data', (d) => (err += d))
  const done = new Promise<Record<string, number>>((resolve, reject) =>
    child.on('exit', (code) => {
      // Payload's logger writes to the same stdout, possibly after the result: take the result's own line.
      const line =
        out
          .trim()
          .split('\n')
          .findLast((l) => l.startsWith('{"outcomes"')) ?? ''
      if (code === 0 && line.includes('outcomes')) resolve(JSON.parse(line).outcomes)
      else reject(new Error(`db-process exited ${code}: ${err.slice(-2000)}`))
    }),
  )
  return { ready, go: () => child.stdin.write('go\n'), done }
}
