import nodemailer, { type SendMailOptions } from 'nodemailer'
import { afterEach, describe, expect, it } from 'vitest'
import { deliveryMessageId, massMessage, transactionalMessage } from '../../emails/messages'

const rendered = { subject: 'Oggetto\r\nBcc: spam@example.org', html: '<p>x</p>', text: 'x' }

/** Builds the raw message exactly as nodemailer would put it on the wire. */
const raw = async (message: SendMailOptions) => {
  const t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
  return `\n${((await t.sendMail(message)) as unknown as { message: Buffer }).message.toString()}`
}

afterEach(() => {
  delete process.env.NEWSLETTER_FROM_ADDRESS
  delete process.env.NEWSLETTER_BOUNCE_ADDRESS
})

describe('envelopes', () => {
  it('a mass mail carries RFC 8058 one-click unsubscribe, on one line, with the system as sender name', async () => {
    process.env.NEWSLETTER_FROM_ADDRESS = 'newsletter@rbbg.example.org'
    process.env.NEWSLETTER_BOUNCE_ADDRESS = 'bounces@rbbg.example.org'
    const url = `https://cms.rbbg.example.org/api/subscribers/one-click?token=${'a'.repeat(80)}.${'b'.repeat(24)}`
    const message = massMessage({
      to: 'famiglia@example.org',
      rendered,
      sender: { fromName: 'Biblioteche Valle Seriana\r\nBcc: x@y.z', replyTo: 'newsletter@valle.example.org' },
      oneClickUrl: url,
      deliveryKey: '12:34',
    })
    const text = await raw(message)
    expect(text).toContain(`\nList-Unsubscribe: <${url}>, <mailto:unsubscribe@rbbg.example.org?subject=unsubscribe>\n`)
    expect(text).toContain('\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\n')
    expect(text).toContain('\nReply-To: newsletter@valle.example.org\n')
    expect(text).toContain(`\nFrom: "Biblioteche Valle Seriana Bcc: x@y.z" <newsletter@rbbg.example.org>\n`)
    expect(text).toContain('\nSubject: Oggetto Bcc: spam@example.org\n')
    expect(text).not.toMatch(/\nBcc:/)
    expect(message.envelope).toEqual({ from: 'bounces@rbbg.example.org', to: 'famiglia@example.org' })
    expect(text).toContain(`\nMessage-ID: ${deliveryMessageId('12:34')}\n`)
  })

  it('the Message-ID of a delivery is stable (a resent copy after a crash is recognisably the same mail)', () => {
    expect(deliveryMessageId('12:34')).toBe(deliveryMessageId('12:34'))
    expect(deliveryMessageId('12:34')).not.toBe(deliveryMessageId('12:35'))
  })

  it('refuses a one-click URL that could break the header', () => {
    const args = { to: 'a@example.org', rendered, sender: null, deliveryKey: 'k' }
    expect(() => massMessage({ ...args, oneClickUrl: 'https://x.example/a>, <https://evil.example' })).toThrow()
    expect(() => massMessage({ ...args, oneClickUrl: 'javascript:alert(1)' })).toThrow()
  })

  it('a life-cycle mail comes from the network and has no list headers', async () => {
    const text = await raw(transactionalMessage('famiglia@example.org', rendered))
    expect(text).toMatch(/\nFrom: Agenda Rete Bibliotecaria Bergamasca <agenda@rbbg\.example\.org>\n/)
    expect(text).not.toContain('List-Unsubscribe')
  })
})
