// The site's door to the newsletter wing (cms/newsletter): its operations on this process's Payload, and the
// pages' own strings.
import type { Payload } from 'payload'
import * as newsletter from '../../../cms/newsletter'
import { getPayload } from '../payload'

const onPayload =
  <A extends unknown[], R>(run: (payload: Payload, ...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> =>
    run(await getPayload(), ...args)

export const subscribe = onPayload(newsletter.subscribe)
export const checkConfirmLink = onPayload(newsletter.checkConfirmLink)
export const confirm = onPayload(newsletter.confirm)
export const loadManage = onPayload(newsletter.loadManage)
export const savePreferences = onPayload(newsletter.savePreferences)
export const checkUnsubscribeLink = onPayload(newsletter.checkUnsubscribeLink)
export const leave = onPayload(newsletter.leave)
export const newsletterOptions = onPayload(newsletter.newsletterOptions)
export const resolveChoices = onPayload(newsletter.resolveChoices)
export const choicesOf = onPayload(newsletter.choicesOf)

export {
  type ChoiceInput,
  type LinkPage,
  type LinkProblem,
  type LinkReason,
  type ManageView,
  maskEmail,
  type NewsletterOptions,
  PREFERENCE_FIELDS,
  PRIVACY_NOTICE_VERSION,
  type PreferenceField,
  parseAges,
  readChoices,
  subscribeAllowed,
} from '../../../cms/newsletter'
export { fieldErrorText, linkProblemText, newsletterStrings } from './strings'
