import type { GeneratePreviewURL } from 'payload'
import { payloadSecret, siteUrl } from '../../shared/env'
import { signPreview } from '../../shared/preview-token'
import { draftPreviewPath } from '../../shared/site-paths'
import { staffOf } from '../access/roles'
import { SLUGS } from '../slugs'
import { canReadDrafts } from './access'

/**
 * The "Anteprima sul sito" address of the edit view: the site page of the event's latest draft, signed for
 * this event and valid for an hour. Generated on the server each time the edit view is shown or saved, and
 * only for those who may read the event's drafts (an editor reading another system's published event gets
 * none: the link would show that system's unpublished changes).
 */
export const eventPreviewUrl: GeneratePreviewURL = (doc, { req }) => {
  const id = doc?.id as number | string | undefined
  if (id == null || !canReadDrafts(staffOf(req), doc)) return null
  return `${siteUrl()}${draftPreviewPath(id, signPreview(payloadSecret(), SLUGS.events, id))}`
}
