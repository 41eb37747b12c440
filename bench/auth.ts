// Mail latency and the auth flood, on a small platform of their own (30 events, a local SMTP sink), beside the
// big one which stays idle meanwhile: confirmation mail from the sign-up POST to the SMTP server's 250,
// forgot-password timing for known and unknown addresses, and 500 auth requests in 30 s while an editor saves
// and the newsletter worker sends a digest.
import { authFlood, databaseFile, percentile, sqliteRows, writeFromAnotherProcess } from '../tests/helpers/flood'
import { startSmtpSink } from '../tests/helpers/smtp'
import { ADMIN_EMAIL, ADMIN_PASSWORD, startStack } from '../tests/security/helpers/stack'
import { print } from './lib'

const median = (xs: number[]) =>
  percentile(
    [...xs].sort((a, b) => a - b),
    0.5,
  )

export const bench = async () => {
  const sink = await startSmtpSink()
  const stack = await startStack({ seedEvents: 30, env: { SMTP_URL: sink.url } })
  try {
    // Confirmation mails, one sign-up at a time (each from its own address: the sign-up limit is per address).
    const latencies: number[] = []
    for (let i = 0; i < 8; i++) {
      const email = `bench-latenza-${i}@example.org`
      const started = performance.now()
      const res = await fetch(`${stack.site}/newsletter?_action=subscribe`, {
        method: 'POST',
        headers: {
          origin: stack.site,
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': `192.0.2.${i + 1}`,
        },
        body: new URLSearchParams({ email, consenso: 'on', settimanale: 'on' }),
        redirect: 'manual',
      })
      if (res.status >= 400) throw new Error(`sign-up answered ${res.status}`)
      await sink.waitFor(() => sink.to(email).length > 0, 60_000)
      latencies.push(performance.now() - started)
    }
    latencies.sort((a, b) => a - b)
    print('confirmation mail: sign-up POST → SMTP 250, p50 (target ≤ 10 s)', median(latencies) / 1000, 's')
    print('confirmation mail: max of 8', percentile(latencies, 1) / 1000, 's')

    const forgot = async (email: string, address: string) => {
      const started = performance.now()
      const res = await fetch(`${stack.cms}/api/users/forgot-password`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email }),
      })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`forgot-password answered ${res.status}`)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 4; i++) {
      known.push(await forgot(ADMIN_EMAIL, `192.0.2.${100 + i}`))
      unknown.push(await forgot(`nessuno${i}@example.org`, `192.0.2.${110 + i}`))
    }
    print('forgot-password known address, median of 4', median(known), 'ms')
    print('forgot-password unknown address, median of 4', median(unknown), 'ms')

    // The flood, with an editor saving every 300 ms and the worker sending a digest to 200 subscribers.
    const login = await fetch(`${stack.cms}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': '192.0.2.200' },
      body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const db = databaseFile(stack.dataDir)
    // The flood targets another account: its lockout must not be the admin's.
    const victim = 'bersaglio@example.org'
    const [system] = sqliteRows<{ id: number }>(db, 'SELECT id FROM systems LIMIT 1')
    await fetch(`${stack.cms}/api/users`, {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: victim,
        password: 'bersaglio-Password-2026',
        roles: ['system-editor'],
        system: system?.id,
      }),
    })
    const [event] = sqliteRows<{ id: number }>(db, "SELECT id FROM events WHERE _status = 'published' LIMIT 1")
    const digest = await writeFromAnotherProcess(stack.dataDir, {
      DB_PROCESS_MODE: 'digest',
      DB_PROCESS_SUBSCRIBERS: '200',
    })
    const digestStarted = performance.now()
    let flooding = true
    const saves: number[] = []
    let lost = 0
    const editor = (async () => {
      for (let i = 0; flooding; i++) {
        const started = performance.now()
        const res = await fetch(`${stack.cms}/api/events/${event?.id}`, {
          method: 'PATCH',
          headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ summary: `bench ${i}` }),
        })
        await res.arrayBuffer()
        saves.push(performance.now() - started)
        const [row] = sqliteRows<{ summary: string }>(db, `SELECT summary FROM events WHERE id = ${event?.id}`)
        if (res.status !== 200 || row?.summary !== `bench ${i}`) lost++
        await new Promise((r) => setTimeout(r, 300))
      }
    })()
    const flood = await authFlood(stack.cms, { knownEmail: victim, total: 500, seconds: 30, addresses: 4 })
    flooding = false
    await editor
    let status = ''
    while (status !== 'sent' && performance.now() - digestStarted < 180_000) {
      await new Promise((r) => setTimeout(r, 250))
      status = sqliteRows<{ status: string }>(db, `SELECT status FROM newsletters WHERE id = ${digest.newsletter}`)[0]
        ?.status as string
    }
    console.log(
      `auth flood: statuses ${JSON.stringify(flood.statuses)}, 5xx other than 503: ${flood.serverErrors.length}`,
    )
    print('auth flood: requests answered', flood.sent, 'requests')
    print('auth flood: wall time', flood.seconds, 's')
    print('auth flood: latency p50', percentile(flood.latencies, 0.5), 'ms')
    print('auth flood: latency p95', percentile(flood.latencies, 0.95), 'ms')
    print('auth flood: latency p99', percentile(flood.latencies, 0.99), 'ms')
    print('auth flood: latency max', percentile(flood.latencies, 1), 'ms')
    print('auth flood: 5xx other than 503 (target 0)', flood.serverErrors.length, 'answers')
    saves.sort((a, b) => a - b)
    print('editor saves during the flood', saves.length, 'saves')
    print('editor save latency p95 during the flood', percentile(saves, 0.95), 'ms')
    print('editor save latency max during the flood', percentile(saves, 1), 'ms')
    print('editor saves not on disk at once (target 0)', lost, 'saves')
    print(`digest to 200 subscribers during the flood: ${status}`, (performance.now() - digestStarted) / 1000, 's')
  } finally {
    stack.process.kill('SIGTERM')
    await stack.exited
    await sink.close()
  }
}
