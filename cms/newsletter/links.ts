import { cmsUrl, siteUrl } from '../../shared/env'
import { CONFIRM_TTL_MS, signToken } from './tokens'

/** The personal links of a subscriber, signed with the Payload secret, to the pages in their language. */
export type TokenSubject = { id: number | string; tokenNonce?: string | null; language?: string | null }

const q = (token: string) => `?token=${encodeURIComponent(token)}`

/** A site page in the reader's language: Italian paths are unprefixed, English ones under /en. */
export const sitePageUrl = (path: string, language?: string | null) =>
  `${siteUrl()}${language === 'en' ? '/en' : ''}${path}`

/** The site's newsletter pages (/newsletter/…, /en/newsletter/…). */
export const newsletterPageUrl = (page: '' | 'conferma' | 'preferenze' | 'disiscrizione', language?: string | null) =>
  sitePageUrl(`/newsletter${page ? `/${page}` : ''}`, language)

export const confirmUrl = (
  secret: string,
  s: { id: number | string; confirmNonce: string; language?: string | null },
  requestedAt: Date,
) =>
  `${newsletterPageUrl('conferma', s.language)}${q(
    signToken(secret, {
      purpose: 'confirm',
      subscriber: s.id,
      nonce: s.confirmNonce,
      expiresAt: new Date(requestedAt.getTime() + CONFIRM_TTL_MS),
    }),
  )}`

/**
 * A manage link opens the preference centre (address, preferences) without a login, so it must not live
 * forever in old mails: each mail carries a fresh one that expires (the page then explains how to get a new one).
 */
export const MANAGE_TTL_DAYS = 90
const manageToken = (secret: string, s: TokenSubject, now = new Date()) =>
  signToken(secret, {
    purpose: 'manage',
    subscriber: s.id,
    nonce: s.tokenNonce ?? '',
    expiresAt: new Date(now.getTime() + MANAGE_TTL_DAYS * 86_400_000),
  })
const unsubscribeToken = (secret: string, s: TokenSubject) =>
  signToken(secret, { purpose: 'unsubscribe', subscriber: s.id, nonce: s.tokenNonce ?? '' })

export const manageUrl = (secret: string, s: TokenSubject) =>
  `${newsletterPageUrl('preferenze', s.language)}${q(manageToken(secret, s))}`

/** The visible unsubscribe link: a page with a button (a GET never unsubscribes). */
export const unsubscribeUrl = (secret: string, s: TokenSubject) =>
  `${newsletterPageUrl('disiscrizione', s.language)}${q(unsubscribeToken(secret, s))}`

/**
 * The RFC 8058 List-Unsubscribe target. It is served by the CMS, because mail providers POST to it
 * without an Origin header and the site's CSRF origin check (Astro security.checkOrigin) refuses such
 * form posts; a GET there redirects to the site's confirmation page.
 */
export const oneClickUrl = (secret: string, s: TokenSubject) =>
  `${cmsUrl()}/api/subscribers/one-click${q(unsubscribeToken(secret, s))}${s.language === 'en' ? '&lang=en' : ''}`

/** Placeholders rendered into a shared body and replaced per recipient. */
export const PERSONAL = {
  manage: 'https://personal.invalid/manage',
  unsubscribe: 'https://personal.invalid/unsubscribe',
}

/**
 * A placeholder is replaced only where it stands as a whole URL (an attribute value, a word of the text):
 * one an editor put inside a link of their own (`https://elsewhere/?u=https://personal.invalid/manage`)
 * would otherwise carry every recipient's token to that site.
 */
const standalone = (url: string) =>
  new RegExp(`(?<=^|[\\s"'<>(\\[])${url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=$|[\\s"'<>)\\]])`, 'g')
const MANAGE = standalone(PERSONAL.manage)
const UNSUBSCRIBE = standalone(PERSONAL.unsubscribe)

export const personalise = (text: string, secret: string, s: TokenSubject) =>
  text.replace(MANAGE, () => manageUrl(secret, s)).replace(UNSUBSCRIBE, () => unsubscribeUrl(secret, s))
