import type { Payload } from 'payload'
import { siteUrl } from '../../shared/env'
import { isPublicCollection, publicPagePath } from '../../shared/site-paths'
import { adminStrings } from '../../shared/strings'
import { publicSlug } from '../document-controls'

type Props = { id?: number | string; payload?: Payload; collection?: string; i18n?: { language?: string } }

/**
 * "Vedi sul sito" beside the save buttons of a document that has a public page: shown only when the public
 * can see it now (read as the public, so drafts, unpublished and staff-only events get no link).
 */
export const ViewOnSite = async ({ id, payload, collection, i18n }: Props) => {
  if (id == null || !payload || !collection || !isPublicCollection(collection)) return null
  const slug = await publicSlug(payload, collection, id)
  if (!slug) return null
  const t = adminStrings(i18n?.language)
  return (
    <a
      href={`${siteUrl()}${publicPagePath(collection, slug)}`}
      target="_blank"
      rel="noopener noreferrer"
      className="btn btn--style-secondary btn--size-medium"
      style={{ margin: 0 }}
      id="view-on-site"
    >
      {t.viewOnSite}
      <span style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {t.opensInNewTab}
      </span>
    </a>
  )
}
