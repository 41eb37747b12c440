import type { SendMailOptions, Transporter } from 'nodemailer'
import { getTransport } from './transport'

export type SendOutcome =
  | { ok: true; response: string }
  | { ok: false; kind: 'temporary' | 'permanent' | 'rejected'; code: number | null; error: string }

type SmtpError = Error & { responseCode?: number; command?: string; code?: string; response?: string }

/**
 * Sends one message and classifies a failure the way bounce handling needs it:
 * `permanent` = the recipient was refused with a 5xx (the address is bad: suppress it),
 * `temporary` = 4xx or a network failure (retry later), `rejected` = a 5xx for the message itself
 * (content, sender or policy: do not blame the address).
 */
export const sendMessage = async (
  message: SendMailOptions,
  transport: Transporter = getTransport(),
): Promise<SendOutcome> => {
  try {
    const info = (await transport.sendMail(message)) as { response?: string }
    return { ok: true, response: String(info.response ?? '') }
  } catch (e) {
    const error = e as SmtpError
    const code = typeof error.responseCode === 'number' ? error.responseCode : null
    const text = (error.response ?? error.message ?? 'errore sconosciuto').slice(0, 300)
    if (code !== null && code >= 500) {
      const recipient = error.command === 'RCPT TO'
      return { ok: false, kind: recipient ? 'permanent' : 'rejected', code, error: text }
    }
    return { ok: false, kind: 'temporary', code, error: text }
  }
}
