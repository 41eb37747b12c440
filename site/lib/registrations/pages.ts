// What the registration pages do with a request, independent of the page's language:
// site/pages/[...lang]/iscrizioni/*.astro call these and render the outcome in the page's locale.
import { AGE_BANDS } from '../../../collections/enums'
import type { Locale } from '../../../shared/strings'
import { catalogue } from '../../../shared/strings'
import { clientAddressOf } from '../security'
import {
  acceptOffer,
  type BookingView,
  book,
  bookAllowed,
  bookErrorText,
  cancelBooking,
  changePeople,
  declineOffer,
  type LinkProblem,
  listBookings,
  type MyBooking,
  type OfferView,
  viewBooking,
  viewOffer,
} from './index'

const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/

/** The children of a form, one age band per child, from the `bambini_<band>` counts. */
const childrenOf = (one: (name: string, max?: number) => string): string[] => {
  const children: string[] = []
  for (const band of AGE_BANDS) {
    const n = Number(one(`bambini_${band}`, 3) || 0)
    // Out-of-range counts are the wing's to refuse (it names the field); a sane upper bound keeps the array small.
    for (let i = 0; i < Math.min(Number.isInteger(n) && n > 0 ? n : 0, 60); i++) children.push(band)
  }
  return children
}

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
  const children = childrenOf(one)
  const result = await book({
    event: one('evento', 20),
    start: one('data', 40),
    adults: Number(one('adulti', 3) || 0),
    children,
    name: one('nome', 200),
    email: one('email'),
    phone: one('telefono', 40) || null,
    answer: one('risposta', 600) || null,
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

export type BookingPageState = {
  /** The booking as it is now (null: the link names none, or it was just cancelled). */
  booking: BookingView | null
  /** Why the link shows nothing (the whole page is this message). */
  problem: string | null
  done: 'cancelled' | 'changed' | null
  /** A refused change of the number of people: the wing's message, in the page's language. */
  error: string | null
  /** "Le mie prenotazioni" of the booking's address, after it was cancelled. */
  manageToken: string | null
  code: number
}

const linkCode = (reason: LinkProblem) => (reason === 'used' ? 410 : 400)

/**
 * A booking's own page (the "Modifica o annulla" link of every mail; the old cancel links too). A GET only
 * shows; a POST with `azione=persone` changes the number of people, with `azione=annulla` cancels (`legacy`: the
 * old cancel page's form, which posts no action, cancels).
 */
export const bookingPage = async (
  request: Request,
  url: URL,
  locale: Locale,
  legacy = false,
): Promise<BookingPageState> => {
  const token = url.searchParams.get('t')
  const t = catalogue(locale).bookingManage.booking
  const state: BookingPageState = {
    booking: null,
    problem: null,
    done: null,
    error: null,
    manageToken: null,
    code: 200,
  }
  const problem = (reason: LinkProblem): BookingPageState => ({
    ...state,
    problem: t.errors[reason],
    code: linkCode(reason),
  })
  const view = async (): Promise<BookingPageState> => {
    const found = await viewBooking(token)
    return found.ok ? { ...state, booking: found.booking } : problem(found.reason)
  }
  if (request.method !== 'POST') return view()

  const form = await request.formData().catch(() => null)
  const one = (name: string, max = 20) => String(form?.get(name) ?? '').slice(0, max)
  const action = one('azione') || (legacy ? 'annulla' : '')
  if (action === 'annulla') {
    const done = await cancelBooking(token)
    return done.ok ? { ...state, done: 'cancelled', manageToken: done.manageToken } : problem(done.reason)
  }
  const current = await view()
  if (!current.booking) return current
  if (action !== 'persone') return { ...current, error: bookErrorText(locale, 'notAForm'), code: 400 }
  const adults = Number(one('adulti', 3) || 0)
  const children = childrenOf(one)
  const before = current.booking
  const same =
    adults === before.adults &&
    children.join(',') ===
      before.children
        .map((c) => c.band)
        .sort((a, b) => AGE_BANDS.indexOf(a) - AGE_BANDS.indexOf(b))
        .join(',')
  if (same) return current
  const changed = await changePeople(token, { adults, children })
  if (!changed.ok) {
    if (changed.code === 'used') return problem('used')
    return {
      ...current,
      error: bookErrorText(locale, changed.code, changed.arg),
      code: changed.field === 'start' ? 409 : 400,
    }
  }
  const after = await view()
  return after.booking ? { ...after, done: 'changed' } : after
}

export type OfferPageState = {
  offer: OfferView | null
  done: 'accepted' | 'declined' | null
  problem: string | null
  /** The booking's own page, once the offer is accepted. */
  bookingToken: string | null
  code: number
}

const OFFER_CODES = { invalid: 400, expired: 410, accepted: 409 } as const

/** The offer page's heading (and document title) for what happened. */
export const offerTitle = (state: OfferPageState, locale: Locale): string => {
  const t = catalogue(locale).bookingManage.offer
  if (state.done === 'accepted') return t.acceptedTitle
  if (state.done === 'declined') return t.declinedTitle
  return state.problem ? t.problemTitle : t.title
}

/** An offered place: a GET shows it and its deadline; a POST accepts (`azione=accetta`) or declines it. */
export const offerPage = async (request: Request, url: URL, locale: Locale): Promise<OfferPageState> => {
  const token = url.searchParams.get('t')
  const errors = catalogue(locale).registrations.offerErrors
  const state: OfferPageState = { offer: null, done: null, problem: null, bookingToken: null, code: 200 }
  const refused = (reason: keyof typeof OFFER_CODES, bookingToken: string | null = null): OfferPageState => ({
    ...state,
    problem: errors[reason],
    bookingToken,
    code: OFFER_CODES[reason],
  })
  if (request.method === 'POST') {
    const form = await request.formData().catch(() => null)
    const action = String(form?.get('azione') ?? '')
    if (action === 'accetta') {
      const accepted = await acceptOffer(token)
      if (!accepted.ok) return refused(accepted.reason)
      const after = await viewOffer(token)
      return { ...state, done: 'accepted', bookingToken: after.ok ? null : after.bookingToken }
    }
    if (action === 'rinuncia') {
      const declined = await declineOffer(token)
      return declined.ok ? { ...state, done: 'declined' } : refused(declined.reason)
    }
  }
  const found = await viewOffer(token)
  return found.ok ? { ...state, offer: found.offer } : refused(found.reason, found.bookingToken)
}

export type MinePageState =
  | { ok: true; email: string; upcoming: MyBooking[]; past: MyBooking[]; code: 200 }
  | { ok: false; problem: string; code: 400 }

/** "Le mie prenotazioni": only ever read (a POST shows the same). */
export const minePage = async (url: URL, locale: Locale): Promise<MinePageState> => {
  const list = await listBookings(url.searchParams.get('t'))
  if (!list.ok) return { ok: false, problem: catalogue(locale).bookingManage.mine.errors[list.reason], code: 400 }
  return { ok: true, email: list.email, upcoming: list.upcoming, past: list.past, code: 200 }
}
