// What the pages reached from newsletter mails do with a request, independent of the page's language:
// site/pages/[...lang]/newsletter/*.astro call these and render the outcome in the page's locale.

import { type FollowItem, followsOfManage, removeFollowByManage } from '../follow'
import {
  checkConfirmLink,
  checkUnsubscribeLink,
  confirm,
  type LinkProblem,
  leave,
  loadManage,
  type ManageView,
  readChoices,
  resolveChoices,
  savePreferences,
} from './index'

/**
 * Personal links must not be cached, nor leak through the Referer header. `same-origin`, not `no-referrer`:
 * with `no-referrer` the browser sends `Origin: null` with the page's own form POST, which Astro's origin
 * check refuses; to other sites the address (and its token) is never sent either way.
 */
export const privatePage = (headers: Headers) => {
  headers.set('Cache-Control', 'no-store')
  headers.set('Referrer-Policy', 'same-origin')
}

const token = (url: URL) => url.searchParams.get('token')

/** Confirmation: a GET shows a button, only the POST confirms (mail scanners open links too). */
export const confirmPage = async (request: Request, url: URL) => {
  const done = request.method === 'POST'
  const outcome = done ? await confirm(token(url)) : await checkConfirmLink(token(url))
  return { done, outcome, status: outcome.ok ? 200 : outcome.status }
}

/** Unsubscribe: a GET never unsubscribes (link scanners follow GETs), it shows a button that POSTs. */
export const unsubscribePage = async (request: Request, url: URL) => {
  const done = request.method === 'POST'
  const check = await checkUnsubscribeLink(token(url))
  const outcome = done && check.ok ? await leave(token(url), 'unsubscribe') : check
  return { done, check, outcome, status: outcome.ok ? 200 : outcome.status }
}

export type PreferencesState = {
  saved: 'preferences' | 'unsubscribed' | 'unfollowed' | null
  /** Field name → the (Italian) message; pages translate it. */
  fieldErrors: Record<string, string>
  problem: LinkProblem | null
  view: ManageView
  /** The pages the subscriber follows (cms/follow), each with its own "stop following". */
  follows: FollowItem[]
  status: number
}

/** Preferences: change them or unsubscribe with the link from any mail, no account, no password. */
export const preferencesPage = async (request: Request, url: URL): Promise<PreferencesState> => {
  let saved: PreferencesState['saved'] = null
  let fieldErrors: Record<string, string> = {}
  let problem: LinkProblem | null = null
  let status = 200
  if (request.method === 'POST') {
    const form = await request.formData().catch(() => new FormData())
    const all = (name: string) => form.getAll(name).map(String).slice(0, 60)
    if (form.get('azione') === 'smetti-di-seguire') {
      if (await removeFollowByManage(token(url), String(form.get('segui') ?? ''))) saved = 'unfollowed'
    } else if (form.get('azione') === 'disiscrivi') {
      const result = await leave(token(url), 'manage')
      if (result.ok) saved = 'unsubscribed'
      else problem = result
    } else {
      const choices = await resolveChoices(readChoices(all, (name) => String(form.get(name) ?? '').slice(0, 60)))
      if (!choices.ok) {
        fieldErrors = { [choices.field]: choices.message }
        status = 400
      } else {
        const result = await savePreferences(token(url), {
          preferences: choices.preferences,
          weeklyDigest: form.has('settimanale'),
          language: form.get('lingua') === 'en' ? 'en' : 'it',
          firstName: String(form.get('nome') ?? '').slice(0, 60),
        })
        if (result.ok) saved = 'preferences'
        else problem = result
      }
    }
  }
  const view = await loadManage(token(url))
  if (!view.ok) problem ??= view
  if (problem) status = problem.status
  const follows = view.ok ? ((await followsOfManage(token(url))) ?? []) : []
  return { saved, fieldErrors, problem, view, follows, status }
}
