import type { LinkFailure } from '../../../cms/newsletter'
import { catalogue, type Locale, type NewsletterStrings } from '../../../shared/strings'

type Reason = LinkFailure | 'not-subscribed'

/** The newsletter pages' text. Category, audience and system names stay as entered in the CMS (Italian). */
export const newsletterStrings = (locale: Locale): NewsletterStrings => catalogue(locale).newsletter

/** A link problem in the page's language (the Italian text comes from cms/newsletter/link-errors.ts). */
export const linkProblemText = (locale: Locale, problem: { reason: Reason; message: string }) =>
  newsletterStrings(locale).linkErrors?.[problem.reason] ?? problem.message

/** A form error in the page's language: Italian pages show the validator's own message. */
export const fieldErrorText = (locale: Locale, field: string, message: string, value: string) =>
  newsletterStrings(locale).fieldErrors?.(field, value) ?? message
