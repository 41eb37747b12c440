import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer'
import type SMTPPool from 'nodemailer/lib/smtp-pool'
import { dataDir } from '../shared/paths'

/** Without SMTP_URL every message is written to data/outbox/ as an .eml file (the offline demo). */
export const outboxDir = () => path.join(dataDir(), 'outbox')

const outboxTransport = () =>
  nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }) as Transporter

let transport: Transporter | undefined

export const createTransport = (smtpUrl = process.env.SMTP_URL): Transporter => {
  if (!smtpUrl) {
    const inner = outboxTransport()
    let n = 0
    const send = inner.sendMail.bind(inner)
    // Same Transporter surface; the buffered message goes to a file instead of a socket.
    inner.sendMail = (async (mail: SendMailOptions) => {
      const info = (await send(mail)) as { message: Buffer; messageId: string }
      const dir = outboxDir()
      mkdirSync(dir, { recursive: true })
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}-${n++}.eml`
      writeFileSync(path.join(dir, name), info.message)
      return { ...info, accepted: [mail.to].flat(), rejected: [], response: `250 written to ${name}` }
    }) as never
    inner.verify = (async () => true) as never
    return inner
  }
  const url = new URL(smtpUrl)
  const rate = Number(process.env.SMTP_RATE_PER_SECOND ?? 0)
  const options: SMTPPool.Options = {
    pool: true,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    // smtp:// (587) must upgrade with STARTTLS or fail: never credentials and mail in clear text.
    // `?tls=off` (a local relay or test server) is the only way to send without TLS.
    requireTLS: url.protocol !== 'smtps:' && url.searchParams.get('tls') !== 'off',
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    maxConnections: Number(process.env.SMTP_MAX_CONNECTIONS ?? 5),
    ...(rate > 0 ? { rateDelta: 1000, rateLimit: rate } : {}),
    ignoreTLS: url.searchParams.get('tls') === 'off',
  }
  return nodemailer.createTransport(options)
}

/** One pooled transport per process. */
export const getTransport = (): Transporter => {
  transport ??= createTransport()
  return transport
}
