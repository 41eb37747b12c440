import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer, type SMTPServerOptions } from 'smtp-server'

export type Received = { from: string; to: string[]; raw: Buffer; mail: ParsedMail }

export type SinkOptions = {
  /** Per-recipient RCPT TO reply: a code (e.g. 550, 451) to refuse that address. */
  refuse?: (address: string) => number | null
  /** Called when a whole message has arrived, before it is acknowledged; return false to drop it unacknowledged. */
  beforeAccept?: (raw: Buffer, count: number) => boolean | Promise<boolean>
  /** Skip parsing (benchmarks): `mail` is then an empty object. */
  parse?: boolean
}

/**
 * A real SMTP server on 127.0.0.1 (random port) that keeps what it accepts. A message counts as
 * delivered only once the server has acknowledged it with 250, as on a real MTA.
 */
export const startSmtpSink = async (options: SinkOptions = {}) => {
  const received: Received[] = []
  let accepted = 0
  const config: SMTPServerOptions = {
    secure: false,
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const code = options.refuse?.(address.address) ?? null
      if (code) {
        const error = new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later') as Error & {
          responseCode: number
        }
        error.responseCode = code
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        const raw = Buffer.concat(chunks)
        if (options.beforeAccept && !(await options.beforeAccept(raw, accepted + 1))) return // never acknowledged
        accepted++
        const mail = options.parse === false ? ({} as ParsedMail) : await simpleParser(raw)
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          mail,
        })
        callback()
      })
    },
  }
  const server = new SMTPServer(config)
  // A client killed in the middle of a message resets its connection; smtp-server then emits 'error', which
  // without a listener would crash the test process instead of just dropping that unacknowledged message.
  const connectionErrors: Error[] = []
  server.on('error', (error: Error) => connectionErrors.push(error))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    port,
    url: `smtp://127.0.0.1:${port}?tls=off`,
    received,
    accepted: () => accepted,
    connectionErrors,
    to: (address: string) => received.filter((r) => r.to.includes(address)),
    clear: () => {
      received.length = 0
    },
    waitFor: async (predicate: () => boolean, timeoutMs = 15_000) => {
      const until = Date.now() + timeoutMs
      while (!predicate()) {
        if (Date.now() > until) throw new Error('timed out waiting for mail')
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    /** Waits for `n` mails to `address`, then fails on any more (duplicates, extras) arriving shortly after. */
    exactly: async (address: string, n: number, settleMs = 300) => {
      const until = Date.now() + 15_000
      while (received.filter((r) => r.to.includes(address)).length < n) {
        if (Date.now() > until) throw new Error(`timed out waiting for ${n} mail(s) to ${address}`)
        await new Promise((r) => setTimeout(r, 25))
      }
      await new Promise((r) => setTimeout(r, settleMs))
      const mails = received.filter((r) => r.to.includes(address))
      if (mails.length !== n) throw new Error(`expected exactly ${n} mail(s) to ${address}, got ${mails.length}`)
      const ids = mails.map((m) => m.mail.messageId)
      if (new Set(ids).size !== ids.length) throw new Error(`a mail to ${address} was sent twice`)
      return mails.map((m) => m.mail)
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type SmtpSink = Awaited<ReturnType<typeof startSmtpSink>>

/** The first link in a mail's text part that starts with `prefix`. */
export const linkIn = (mail: ParsedMail, prefix: string): string => {
  const match = (mail.text ?? '').match(new RegExp(`${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^\\s\\]>)]+`))
  if (!match) throw new Error(`no link starting with ${prefix} in: ${mail.text?.slice(0, 500)}`)
  return match[0]
}
