import { CONFIRM_TTL_MS, signToken, sitePageUrl } from '../newsletter'

/** The confirmation link of a proposal: signed for the proposal, single use (its nonce), valid 7 days. */
export const proposalConfirmUrl = (
  secret: string,
  p: { id: number | string; confirmNonce?: string | null; language?: string | null },
  requestedAt: Date,
) =>
  `${sitePageUrl('/proponi-evento/conferma', p.language)}?token=${encodeURIComponent(
    signToken(secret, {
      purpose: 'proposal-confirm',
      subscriber: p.id,
      nonce: p.confirmNonce ?? '',
      expiresAt: new Date(requestedAt.getTime() + CONFIRM_TTL_MS),
    }),
  )}`
