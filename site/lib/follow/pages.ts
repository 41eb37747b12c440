// What the follow pages do with a request; site/pages/[...lang]/segui/*.astro render the outcome.
import { stripControl } from '../../../collections/Subscribers/hooks/normalizeSubscriber'
import { clientAddressOf } from '../security'
import type { Locale } from '../urls'
import {
  checkFollowConfirm,
  checkUnfollow,
  confirmFollow,
  followAllowed,
  isFollowKind,
  requestFollow,
  unfollow,
} from '.'

export type FollowFormState =
  | { done: true; back: string | null }
  | {
      done: false
      status: number
      errors: ('email' | 'consent' | 'target')[]
      retryMinutes?: number
      back: string | null
    }

const EMAIL = /^[^\s@<>]{1,64}@[^\s@<>]{1,253}\.[^\s@<>]{2,}$/

/** The page a form came from (same site only), for the "back" link. */
const backOf = (form: FormData): string | null => {
  const back = String(form.get('pagina') ?? '')
  return /^\/(?!\/)[\w\-/]{0,300}$/.test(back) ? back : null
}

/** The POST of a "Segui" form: checks, limits, honeypot, then the same answer whatever the address. */
export const followFormPost = async (request: Request, url: URL, locale: Locale, clientAddress: () => string) => {
  const form = await request.formData().catch(() => new FormData())
  const back = backOf(form)
  const email = String(form.get('email') ?? '').trim()
  const kind = String(form.get('tipo') ?? '')
  const slug = String(form.get('slug') ?? '')
  const errors: ('email' | 'consent' | 'target')[] = []
  if (email.length > 254 || !EMAIL.test(email) || stripControl(email) !== email) errors.push('email')
  if (!form.get('consenso')) errors.push('consent')
  if (!isFollowKind(kind) || !/^[a-z0-9][a-z0-9-]{0,99}$/.test(slug)) errors.push('target')
  if (errors.length) return { done: false, status: 400, errors, back } satisfies FollowFormState
  const ip = clientAddressOf(request.headers, clientAddress)
  const rate = await followAllowed(ip, email)
  if (!rate.ok)
    return {
      done: false,
      status: 429,
      errors: [],
      retryMinutes: Math.ceil(rate.retryAfterSeconds / 60),
      back,
    } satisfies FollowFormState
  // A bot filled the hidden field: it gets the same answer as everyone, and nothing happens.
  if (form.get('sito')) return { done: true, back } satisfies FollowFormState
  const outcome = await requestFollow({
    email,
    kind: kind as Parameters<typeof requestFollow>[0]['kind'],
    slug,
    language: locale,
    formUrl: `${url.origin}${back ?? url.pathname}`,
    ip,
  })
  if (outcome === 'unknown-target')
    return { done: false, status: 404, errors: ['target'], back } satisfies FollowFormState
  return { done: true, back } satisfies FollowFormState
}

const token = (url: URL) => url.searchParams.get('token')

/** Confirmation: a GET shows a button, only the POST confirms (mail scanners open links too). */
export const followConfirmPage = async (request: Request, url: URL) => {
  const done = request.method === 'POST'
  const outcome = done ? await confirmFollow(token(url)) : await checkFollowConfirm(token(url))
  return { done, outcome, status: outcome.ok ? 200 : outcome.reason === 'expired' ? 410 : 400 }
}

/** "Stop following": a GET never removes, it shows a button that POSTs. */
export const unfollowPage = async (request: Request, url: URL) => {
  const done = request.method === 'POST'
  const check = await checkUnfollow(token(url))
  const outcome = done && check.ok ? await unfollow(token(url)) : check
  return { done, outcome, title: check.ok ? check.title : null, status: outcome.ok ? 200 : 400 }
}
