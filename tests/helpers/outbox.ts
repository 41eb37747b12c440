import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from '@playwright/test'
import { type ParsedMail, simpleParser } from 'mailparser'

// Without SMTP_URL the e2e servers write every mail to <data dir>/outbox/*.eml: the tests read them there.
const OUTBOX = path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data', 'outbox')

/** A newsletter sent to every confirmed subscriber (List-ID, Precedence: bulk), as another test may send at any time. */
const isBroadcast = (mail: ParsedMail) => mail.headers.get('precedence') === 'bulk'

export const mailsTo = async (address: string, options: { broadcasts?: boolean } = {}): Promise<ParsedMail[]> => {
  if (!existsSync(OUTBOX)) return []
  const mails: ParsedMail[] = []
  for (const file of readdirSync(OUTBOX)
    .filter((f) => f.endsWith('.eml'))
    .sort()) {
    const raw = readFileSync(path.join(OUTBOX, file))
    if (!raw.includes(address)) continue
    const mail = await simpleParser(raw)
    if (options.broadcasts === false && isBroadcast(mail)) continue
    if (mail.to && JSON.stringify(mail.to).includes(address)) mails.push(mail)
  }
  return mails
}

/**
 * Waits for the job queue (every 5 s in the CMS) to send the n-th mail to an address, then makes sure it is
 * also the last one: an extra mail (a duplicate send, a mail nobody asked for) fails the test. Newsletters are
 * left out of the count unless `broadcasts: true`: a confirmed subscriber of one test also receives the
 * newsletter another test sends "now" to everyone.
 */
export const nthMail = async (
  address: string,
  n: number,
  options: { settleMs?: number; broadcasts?: boolean } = {},
) => {
  const { settleMs = 1500, broadcasts = false } = options
  let mails: ParsedMail[] = []
  const count = async () => {
    mails = await mailsTo(address, { broadcasts })
    return mails.length
  }
  await expect.poll(count, { timeout: 40_000, intervals: [500, 1000] }).toBeGreaterThanOrEqual(n)
  await new Promise((r) => setTimeout(r, settleMs))
  mails = await mailsTo(address, { broadcasts })
  expect(
    mails.map((m) => m.subject),
    `exactly ${n} mail(s) to ${address} by now`,
  ).toHaveLength(n)
  const ids = mails.map((m) => m.messageId)
  expect(new Set(ids).size, 'no mail sent twice').toBe(ids.length)
  return mails[n - 1] as ParsedMail
}

/** The first link in the mail's text part whose path starts with `pathPrefix`. */
export const link = (mail: ParsedMail, pathPrefix: string) => {
  const match = (mail.text ?? '').match(new RegExp(`https?://[^\\s/]+${pathPrefix.replace(/[?]/g, '\\?')}[^\\s\\]]+`))
  if (!match) throw new Error(`no ${pathPrefix} link in:\n${mail.text}`)
  return new URL(match[0])
}
