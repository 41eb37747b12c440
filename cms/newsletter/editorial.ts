import type { Payload } from 'payload'
import { refId } from '../../collections/access/roles'
import { preferencesOf } from '../../collections/Subscribers/preferences'
import { massMessage } from '../../emails/messages'
import { sendMessage } from '../../emails/send'
import { cmsUrl, siteUrl } from '../../shared/env'
import type { Locale } from '../../shared/strings'
import { countAudience, editorialAudience } from './campaigns/audience'
import { loadLookups } from './campaigns/context'
import { editorialSender, type NewsletterDoc, renderEditorial } from './campaigns/kinds'
import { newsletterPageUrl, PERSONAL } from './links'

/** The editorial newsletter as subscribers will see it, personal links pointing to the public newsletter page. */
export const previewEditorial = async (payload: Payload, doc: NewsletterDoc, lang: Locale) => {
  const rendered = await renderEditorial(payload, doc, await loadLookups(payload), lang)
  const sample = (s: string) =>
    s
      .replaceAll(PERSONAL.manage, newsletterPageUrl('', lang))
      .replaceAll(PERSONAL.unsubscribe, newsletterPageUrl('', lang))
  return { html: sample(rendered.html), text: sample(rendered.text) }
}

/** Sends the newsletter, marked as a test, to one address only. */
export const sendTestEditorial = async (payload: Payload, doc: NewsletterDoc, to: string) => {
  const lookups = await loadLookups(payload)
  const rendered = await renderEditorial(payload, doc, lookups, 'it')
  const sample = (s: string) =>
    s.replaceAll(PERSONAL.manage, `${siteUrl()}/newsletter`).replaceAll(PERSONAL.unsubscribe, `${siteUrl()}/newsletter`)
  return sendMessage(
    massMessage({
      to,
      rendered: { subject: `[PROVA] ${rendered.subject}`, html: sample(rendered.html), text: sample(rendered.text) },
      sender: editorialSender(doc, lookups),
      oneClickUrl: `${cmsUrl()}/api/subscribers/one-click?token=prova`,
      deliveryKey: `test:${doc.id}:${Date.now()}`,
    }),
  )
}

/** How many confirmed subscribers the newsletter would reach now. */
export const editorialAudienceCount = async (payload: Payload, doc: NewsletterDoc) => {
  const lookups = await loadLookups(payload)
  const member = editorialAudience(lookups, refId(doc.system ?? null), preferencesOf(doc.narrowing ?? {}))
  return countAudience(payload, member)
}
