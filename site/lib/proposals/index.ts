// The site's door to the proposals wing (cms/proposals): its operations on this process's Payload, the form's
// choices and limits.
import type { Payload } from 'payload'
import * as proposals from '../../../cms/proposals'
import { SLUGS } from '../../../collections/slugs'
import { createLimiter, type RateLimit } from '../../../shared/rate-limit'
import { catalogue, type Locale } from '../../../shared/strings'
import { getPayload } from '../payload'

const onPayload =
  <A extends unknown[], R>(run: (payload: Payload, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    run(await getPayload(), ...args)

export const submitProposal = onPayload(proposals.submitProposal)
export const checkProposalConfirm = onPayload(proposals.checkProposalConfirm)
export const confirmProposal = onPayload(proposals.confirmProposal)
export {
  PROPOSAL_FIELDS,
  type ProposalError,
  type ProposalField,
  type ProposalValues,
  readProposalForm,
} from '../../../cms/proposals'

export const proposalStrings = (locale: Locale) => catalogue(locale).proposals

const perIp = createLimiter(Number(process.env.PROPOSAL_LIMIT_PER_IP ?? 5), 60 * 60)

/** At most PROPOSAL_LIMIT_PER_IP (5) proposals per connection an hour. */
export const proposalAllowed = (ip: string): Promise<RateLimit> => perIp(`proposal:${ip}`)

export type Choice = { value: string; label: string }
export type ProposalChoices = {
  libraries: { system: string; items: Choice[] }[]
  categories: Choice[]
  audiences: Choice[]
}

/** The form's choices, as the public sees them: libraries under their system, categories, audiences. */
export const proposalChoices = async (): Promise<ProposalChoices> => {
  const payload = await getPayload()
  const list = <C extends 'systems' | 'libraries' | 'categories' | 'audiences'>(collection: C) =>
    payload.find({ collection, depth: 0, limit: 1000, pagination: false, sort: 'name', overrideAccess: false })
  const [systems, libraries, categories, audiences] = await Promise.all([
    list(SLUGS.systems),
    list(SLUGS.libraries),
    list(SLUGS.categories),
    list(SLUGS.audiences),
  ])
  const systemOf = (l: { system?: unknown }) =>
    String(typeof l.system === 'object' && l.system ? (l.system as { id: unknown }).id : l.system)
  return {
    libraries: systems.docs.flatMap((s) => {
      const items = libraries.docs
        .filter((l) => systemOf(l) === String(s.id))
        .map((l) => ({ value: String(l.id), label: l.name }))
      return items.length ? [{ system: s.name, items }] : []
    }),
    categories: categories.docs.map((c) => ({ value: String(c.id), label: c.name })),
    audiences: audiences.docs.map((a) => ({ value: String(a.id), label: a.name })),
  }
}
