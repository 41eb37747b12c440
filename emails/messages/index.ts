import { createHash } from 'node:crypto'
import type { SendMailOptions } from 'nodemailer'
import { stripControl } from '../../collections/Subscribers/hooks/normalizeSubscriber'
import type { RenderedEmail } from '../render'

/**
 * Envelopes: who a mail is from, where bounces and replies go, and the list headers. Names that come
 * from people (a system's sender name) are stripped of control characters, so no header can be
 * injected; recipients are bare addresses (a subscriber's name is never put in a header).
 */
export type Sender = { fromName: string; replyTo?: string | null }

const oneLine = (value: string) => stripControl(value).replace(/ {2,}/g, ' ').trim()

export const mailSettings = () => {
  const fromAddress = process.env.NEWSLETTER_FROM_ADDRESS ?? process.env.MAIL_FROM_ADDRESS ?? 'agenda@rbbg.example.org'
  const domain = fromAddress.split('@')[1] ?? 'localhost'
  return {
    fromAddress,
    networkName: process.env.MAIL_FROM_NAME ?? 'Agenda Rete Bibliotecaria Bergamasca',
    /** Envelope sender (Return-Path): where bounces of every mail go. */
    bounceAddress: process.env.NEWSLETTER_BOUNCE_ADDRESS ?? fromAddress,
    unsubscribeMailto: process.env.NEWSLETTER_UNSUBSCRIBE_MAILTO ?? `unsubscribe@${domain}`,
    listId: process.env.NEWSLETTER_LIST_ID ?? `newsletter.${domain}`,
    domain,
  }
}

const base = (to: string, rendered: RenderedEmail, sender: Sender | null): SendMailOptions => {
  const s = mailSettings()
  const replyTo = sender?.replyTo ? oneLine(sender.replyTo) : undefined
  return {
    from: { name: oneLine(sender?.fromName || s.networkName), address: s.fromAddress },
    to,
    ...(replyTo ? { replyTo } : {}),
    envelope: { from: s.bounceAddress, to },
    subject: oneLine(rendered.subject),
    html: rendered.html,
    text: rendered.text,
  }
}

/** A file sent with a mail (name and type are ours, never a person's input): a `.ics`, or an inline image
 * referenced from the HTML as `cid:<cid>`. */
export type MailAttachment = { filename: string; content: string | Buffer; contentType: string; cid?: string }

/** A booked date's `.ics`, as mails attach it (calendars offer to add or update the entry). */
export const calendarAttachment = (ics: string, filename = 'evento.ics'): MailAttachment => ({
  filename,
  content: ics,
  contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
})

/**
 * Transactional mail to one person (confirmation, welcome, preferences, a booking's mails and notices): network
 * sender, no list headers; optionally files and a fixed Message-ID (a resend after a crash carries the same one).
 */
export const transactionalMessage = (
  to: string,
  rendered: RenderedEmail,
  extra: { attachments?: MailAttachment[]; messageId?: string } = {},
): SendMailOptions => ({
  ...base(to, rendered, null),
  ...(extra.messageId ? { messageId: extra.messageId } : {}),
  ...(extra.attachments?.length ? { attachments: extra.attachments.map((a) => ({ ...a })) } : {}),
})

/** A stable Message-ID per delivery: a resent message after a crash carries the same id. */
export const deliveryMessageId = (deliveryKey: string) =>
  `<${createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32)}@${mailSettings().domain}>`

/**
 * A mass mail (digest, editorial): system sender name, the system's Reply-To, and RFC 8058 one-click
 * unsubscribe. The List-Unsubscribe value is written unfolded (prepared) so a DKIM signature added by a
 * relay covers the same bytes the receiver sees.
 */
export const massMessage = (args: {
  to: string
  rendered: RenderedEmail
  sender: Sender | null
  oneClickUrl: string
  deliveryKey: string
  attachments?: MailAttachment[]
  listId?: string
}): SendMailOptions => {
  const s = mailSettings()
  const oneClick = oneLine(args.oneClickUrl)
  if (!/^https?:\/\/[^\s<>,]+$/.test(oneClick)) throw new Error(`Invalid one-click URL: ${oneClick.slice(0, 80)}`)
  const mailto = `mailto:${s.unsubscribeMailto}?subject=unsubscribe`
  return {
    ...base(args.to, args.rendered, args.sender),
    messageId: deliveryMessageId(args.deliveryKey),
    ...(args.attachments?.length ? { attachments: args.attachments.map((a) => ({ ...a })) } : {}),
    headers: {
      'List-Unsubscribe': { prepared: true, value: `<${oneClick}>, <${mailto}>` },
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'List-Id': `<${args.listId ?? s.listId}>`,
      Precedence: 'bulk',
    },
  }
}
