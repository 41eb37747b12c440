// What the registration pages do with a request, independent of the page's language:
// site/pages/[...lang]/iscrizioni/*.astro call these and render the outcome in the page's locale.
import { AGE_BANDS } from '../../../collections/enums'
import type { Locale } from '../../../shared/strings'
import { catalogue } from '../../../shared/strings'
import { clientAddressOf } from '../security'
import { book, bookAllowed, bookErrorText, type CancelResult, cancel, checkCancelLink } from './index'

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/

export type BookState =
  | { ok: true; status: 'confirmed' | 'waiting'; slug: string | null; code: number }
  | { ok: false; message: string; slug: string | null; code: number }

/** The booking form's POST: per-address limit, honeypot, consent, then the wing checks and books. */
export const bookPage = async (
  request: Request,
  locale: Locale,
  clientAddress: () => string,
): Promise<BookState | null> => {
  if (request.method !== 'POST') return null
  const form = await request.formData().catch(() => null)
  const one = (name: string, max = 254) => String(form?.get(name) ?? '').slice(0, max)
  const slugValue = one('slug', 100)
  const slug = SLUG.test(slugValue) ? slugValue : null
  if (!form) return { ok: false, message: bookErrorText(locale, 'notAForm'), slug, code: 400 }
  const rate = await bookAllowed(clientAddressOf(request.headers, clientAddress))
  if (!rate.ok) {
    const minutes = Math.ceil(rate.retryAfterSeconds / 60)
    return { ok: false, message: bookErrorText(locale, 'tooManyRequests', minutes), slug, code: 429 }
  }
  // A bot filled the hidden field: it gets the answer everyone gets, and nothing is written.
  if (one('sito')) return { ok: true, status: 'confirmed', slug, code: 200 }
  if (!one('consenso', 10)) return { ok: false, message: bookErrorText(locale, 'consent'), slug, code: 400 }
  const children: string[] = []
  for (const band of AGE_BANDS) {
    const n = Number(one(`bambini_${band}`, 3) || 0)
    // Out-of-range counts are the wing's to refuse (it names the field); a sane upper bound keeps the array small.
    for (let i = 0; i < Math.min(Number.isInteger(n) && n > 0 ? n : 0, 60); i++) children.push(band)
  }
  const result = await book({
    event: one('evento', 20),
    start: one('data', 40),
    adults: Number(one('adulti', 3) || 0),
    children,
    name: one('nome', 200),
    email: one('email'),
    phone: one('telefono', 40) || null,
    language: locale,
  })
  return result.ok
    ? { ok: true, status: result.status, slug, code: 200 }
    : {
        ok: false,
        message: bookErrorText(locale, result.code, result.arg),
        slug,
        code: result.field === 'start' ? 409 : 400,
      }
}

export type CancelState = { done: boolean; outcome: CancelResult; problem: string | null; code: number }

/** Cancel: a GET never cancels (mail scanners follow links); it shows a button that POSTs. */
export const cancelPage = async (request: Request, url: URL, locale: Locale): Promise<CancelState> => {
  const token = url.searchParams.get('t')
  const done = request.method === 'POST'
  const outcome = done ? await cancel(token) : await checkCancelLink(token)
  if (outcome.ok) return { done, outcome, problem: null, code: 200 }
  const problem = catalogue(locale).registrations.cancelErrors[outcome.reason]
  return { done, outcome, problem, code: outcome.reason === 'used' ? 410 : 400 }
}
