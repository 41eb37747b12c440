import { Forbidden, type Payload, type TypedUser, ValidationError } from 'payload'
import { refId } from '../../collections/access/roles'
import { NEWSLETTER_STATUS_LABELS, type NewsletterStatus } from '../../collections/Newsletters/hooks/guardStatus'
import { preferencesOf } from '../../collections/Subscribers/preferences'
import { SLUGS } from '../../collections/slugs'
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

export type SendNowOutcome = { ok: true; scheduledAt: string } | { ok: false; status: 400 | 403; error: string }

/**
 * "Invia ora": the scheduling path with this minute as the time. The newsletter is saved as `scheduled` for
 * now with the asking user's own rights and the editor's status rules (collections/Newsletters), so the
 * collection's hook queues the start job, which moves it to `sending` on the newsletter queue's next tick.
 */
export const sendNow = async (
  payload: Payload,
  doc: NewsletterDoc,
  user: TypedUser,
  now = new Date(),
): Promise<SendNowOutcome> => {
  if (doc.kind === 'digest')
    return { ok: false, status: 400, error: 'La newsletter settimanale parte da sola: non si invia a mano.' }
  if (doc.status !== 'draft' && doc.status !== 'scheduled') {
    const status = NEWSLETTER_STATUS_LABELS[doc.status as NewsletterStatus] ?? doc.status
    return {
      ok: false,
      status: 400,
      error: `Si può inviare ora solo una bozza o una newsletter programmata; questa è «${status}».`,
    }
  }
  try {
    const saved = await payload.update({
      collection: SLUGS.newsletters,
      id: doc.id,
      data: { status: 'scheduled', scheduledAt: now.toISOString() },
      depth: 0,
      overrideAccess: false,
      user,
    })
    return { ok: true, scheduledAt: String(saved.scheduledAt) }
  } catch (error) {
    if (error instanceof Forbidden)
      return { ok: false, status: 403, error: 'Non hai i permessi per inviare questa newsletter.' }
    if (error instanceof ValidationError)
      return { ok: false, status: 400, error: error.data.errors[0]?.message ?? 'Invio non riuscito.' }
    throw error
  }
}
