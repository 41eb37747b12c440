import { cmsUrl } from '../../shared/env'
import { CONFIRM_TTL_MS, signToken, sitePageUrl } from '../newsletter'

/** A follow's personal links: signed for the follow (not the subscriber), with the follow's own nonces. */
export type FollowSubject = {
  id: number | string
  confirmNonce?: string | null
  tokenNonce?: string | null
  language?: string | null
}

const q = (token: string) => `?token=${encodeURIComponent(token)}`

const unfollowToken = (secret: string, f: FollowSubject) =>
  signToken(secret, { purpose: 'unfollow', subscriber: f.id, nonce: f.tokenNonce ?? '' })

export const followConfirmUrl = (secret: string, f: FollowSubject, requestedAt: Date) =>
  `${sitePageUrl('/segui/conferma', f.language)}${q(
    signToken(secret, {
      purpose: 'follow-confirm',
      subscriber: f.id,
      nonce: f.confirmNonce ?? '',
      expiresAt: new Date(requestedAt.getTime() + CONFIRM_TTL_MS),
    }),
  )}`

/** The visible "stop following" link: a page with a button (a GET never removes anything). */
export const unfollowUrl = (secret: string, f: FollowSubject) =>
  `${sitePageUrl('/segui/smetti', f.language)}${q(unfollowToken(secret, f))}`

/** The RFC 8058 List-Unsubscribe target of a follow's mails, served by the CMS like the newsletter's. */
export const oneClickUnfollowUrl = (secret: string, f: FollowSubject) =>
  `${cmsUrl()}/api/follows/one-click${q(unfollowToken(secret, f))}${f.language === 'en' ? '&lang=en' : ''}`
