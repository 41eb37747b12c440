// What the proposal pages do with a request; site/pages/[...lang]/proponi-evento/*.astro render the outcome.
import { clientAddressOf } from '../security'
import type { Locale } from '../urls'
import {
  checkProposalConfirm,
  confirmProposal,
  PROPOSAL_FIELDS,
  type ProposalError,
  type ProposalValues,
  proposalAllowed,
  readProposalForm,
  submitProposal,
} from '.'

export type ProposalFormState = {
  done: boolean
  status: number
  values: ProposalValues
  errors: Partial<Record<string, ProposalError>>
  retryMinutes?: number
}

const empty = () => Object.fromEntries(PROPOSAL_FIELDS.map((f) => [f, ''])) as ProposalValues

/**
 * The form's page: a GET shows it empty; a POST is checked (every field error at once, the values kept, 400), limited
 * per connection (429), and a filled honeypot gets the same answer as a person and stores nothing.
 */
export const proposalFormPage = async (
  request: Request,
  locale: Locale,
  clientAddress: () => string,
): Promise<ProposalFormState> => {
  if (request.method !== 'POST') return { done: false, status: 200, values: empty(), errors: {} }
  const form = await request.formData().catch(() => new FormData())
  const read = readProposalForm(form)
  const ip = clientAddressOf(request.headers, clientAddress)
  const rate = await proposalAllowed(ip)
  if (!rate.ok)
    return {
      done: false,
      status: 429,
      values: read.values,
      errors: {},
      retryMinutes: Math.ceil(rate.retryAfterSeconds / 60),
    }
  if (!read.ok) return { done: false, status: 400, values: read.values, errors: read.errors }
  if (form.get('sito')) return { done: true, status: 200, values: empty(), errors: {} }
  const outcome = await submitProposal(read.input, locale)
  if (!outcome.ok) return { done: false, status: 400, values: read.values, errors: outcome.errors }
  return { done: true, status: 200, values: empty(), errors: {} }
}

/** Confirmation: a GET shows a button, only the POST confirms (mail scanners open links too). */
export const proposalConfirmPage = async (request: Request, url: URL) => {
  const token = url.searchParams.get('token')
  const done = request.method === 'POST'
  const outcome = done ? await confirmProposal(token) : await checkProposalConfirm(token)
  return { done, outcome, status: outcome.ok ? 200 : outcome.reason === 'expired' ? 410 : 400 }
}
