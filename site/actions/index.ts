import { ActionError, defineAction } from 'astro:actions'
import { z } from 'astro:schema'
import { stripControl } from '../../collections/Subscribers/hooks/normalizeSubscriber'
import {
  type ChoiceInput,
  PREFERENCE_FIELDS,
  PRIVACY_NOTICE_VERSION,
  readChoices,
  resolveChoices,
  subscribe,
  subscribeAllowed,
} from '../lib/newsletter'
import { clientAddressOf } from '../lib/security'

const CONSENT_MISSING = 'Per iscriverti devi dare il consenso dopo aver letto l’informativa.'
const noControl = (s: string) => stripControl(s) === s
const slugs = z.array(z.string().max(100)).max(60)
const ages = z.string().max(60, 'Troppe età: al massimo dieci, separate da virgole.').optional()

/** One field per newsletter preference of the filter registry: its slugs, or the ages as typed. */
const choiceFields = Object.fromEntries(PREFERENCE_FIELDS.map((e) => [e.param, e.kind === 'age' ? ages : slugs])) as {
  [K in keyof ChoiceInput]: ChoiceInput[K] extends string ? typeof ages : typeof slugs
}

/** The sign-up form: what the visitor may send, with the Italian message shown next to each field. */
export const subscribeInput = z.object({
  email: z
    .string({ required_error: 'Scrivi il tuo indirizzo email.', invalid_type_error: 'Scrivi il tuo indirizzo email.' })
    .trim()
    .min(1, 'Scrivi il tuo indirizzo email.')
    .max(254, 'L’indirizzo email è troppo lungo.')
    .email('Questo non sembra un indirizzo email valido (esempio: nome@dominio.it).')
    .refine(noControl, 'L’indirizzo email contiene caratteri non ammessi.'),
  nome: z.string().max(60, 'Il nome può avere al massimo 60 caratteri.').optional(),
  lingua: z.enum(['it', 'en'], { message: 'Scegli italiano o inglese.' }).default('it'),
  ...choiceFields,
  settimanale: z.boolean(),
  // An unticked box is simply absent from the form: that (null) is what the message is for.
  consenso: z.string({ required_error: CONSENT_MISSING, invalid_type_error: CONSENT_MISSING }).max(10),
  informativa: z.string().max(40).optional(),
  /** Honeypot: hidden from people, filled in by bots. */
  sito: z.string().max(500).optional(),
})

export const server = {
  subscribe: defineAction({
    accept: 'form',
    input: subscribeInput,
    handler: async (input, context) => {
      const ip = clientAddressOf(context.request.headers, () => context.clientAddress)
      const rate = await subscribeAllowed(ip)
      if (!rate.ok)
        throw new ActionError({
          code: 'TOO_MANY_REQUESTS',
          message: `Troppe richieste di iscrizione da questa connessione. Riprova tra ${Math.ceil(rate.retryAfterSeconds / 60)} minuti.`,
        })
      // A bot filled the hidden field: it gets the same answer as everyone, and nothing happens.
      if (input.sito) return { ok: true }
      const choices = await resolveChoices(
        readChoices(
          (name) => input[name as keyof typeof choiceFields] as string[],
          (name) => (input[name as keyof typeof choiceFields] as string | undefined) ?? '',
        ),
      )
      if (!choices.ok) throw new ActionError({ code: 'BAD_REQUEST', message: choices.message })
      await subscribe({
        email: input.email,
        firstName: input.nome ?? null,
        language: input.lingua,
        preferences: choices.preferences,
        weeklyDigest: input.settimanale,
        formUrl: `${context.url.origin}${context.url.pathname}`,
        noticeVersion: input.informativa || PRIVACY_NOTICE_VERSION,
        ip,
      })
      // The same answer whether the address was new, pending or already subscribed (no enumeration).
      return { ok: true }
    },
  }),
}
