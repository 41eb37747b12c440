import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendMessage } from '../../emails/send'
import { createTransport } from '../../emails/transport'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp'

let sink: SmtpSink
const message = (to: string) => ({ from: 'agenda@rbbg.example.org', to, subject: 'Prova', text: 'ciao' })

beforeAll(async () => {
  sink = await startSmtpSink({
    refuse: (a) => (a.startsWith('nessuno@') ? 550 : a.startsWith('pieno@') ? 452 : null),
    beforeAccept: (raw) => !raw.includes('RIFIUTA'),
  })
})
afterAll(() => sink.close())

describe('SMTP replies, as bounce handling needs them', () => {
  it('250: delivered', async () => {
    const transport = createTransport(sink.url)
    expect(await sendMessage(message('ok@example.org'), transport)).toMatchObject({ ok: true })
    expect(sink.to('ok@example.org')).toHaveLength(1)
    transport.close()
  })
  it('5xx at RCPT TO: the address is bad (permanent)', async () => {
    const transport = createTransport(sink.url)
    expect(await sendMessage(message('nessuno@example.org'), transport)).toMatchObject({
      ok: false,
      kind: 'permanent',
      code: 550,
    })
    transport.close()
  })
  it('4xx: try again later (temporary)', async () => {
    const transport = createTransport(sink.url)
    expect(await sendMessage(message('pieno@example.org'), transport)).toMatchObject({
      ok: false,
      kind: 'temporary',
      code: 452,
    })
    transport.close()
  })
  it('no server at all: temporary too', async () => {
    const transport = createTransport('smtp://127.0.0.1:1?tls=off')
    expect(await sendMessage(message('ok@example.org'), transport)).toMatchObject({ ok: false, kind: 'temporary' })
    transport.close()
  })
})
